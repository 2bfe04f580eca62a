// The "need more time?" dialog: a big countdown and one big button. Doing nothing is a valid answer.
import { useEffect, useId, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';

interface IdleWarningProps {
  secondsLeft: number;
  onMoreTime: () => void;
}

export function IdleWarning({ secondsLeft, onMoreTime }: IdleWarningProps) {
  const { t } = useTranslation(['common', 'idle']);
  const headingId = useId();
  const countdownId = useId();
  const button = useRef<HTMLButtonElement>(null);

  // An alert dialog takes focus, so a keyboard or switch user lands on the one answer.
  useEffect(() => {
    button.current?.focus();
  }, []);

  return (
    <div className="idle-backdrop">
      <div
        className="idle-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={headingId}
        aria-describedby={countdownId}
        data-testid="idle-warning"
      >
        <h2 id={headingId} className="idle-heading">
          {t('idle:heading')}
        </h2>
        <p id={countdownId} className="idle-countdown">
          <Trans
            t={t}
            i18nKey="idle:countdown"
            count={secondsLeft}
            components={{ num: <strong className="idle-number" data-testid="idle-countdown" /> }}
          />
        </p>
        <p className="lead">{t('idle:noAction')}</p>
        <button ref={button} type="button" className="button button-primary button-huge" data-testid="idle-more-time" onClick={onMoreTime}>
          {t('idle:moreTime')}
        </button>
      </div>
    </div>
  );
}
