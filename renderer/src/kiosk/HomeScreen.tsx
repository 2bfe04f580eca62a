// Home (the idle loop): where to put the ID card, the reader's state if it cannot read, a plain word when the printer
// cannot print, core's date and time, help, the rules in force, a small staff door in the corner and, in demo mode
// only, the trainer panel.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../electron/ipc/bridge.js';
import type { ReaderStatus } from '../api/card-types';
import { canPrint, type PrinterStatus } from '../api/use-printer-status';
import { CardOnReaderPicture } from '../components/CardOnReaderPicture';
import { ScreenFrame, type FrameInfo } from '../components/ScreenFrame';
import { WarningMark } from '../components/StatusMark';
import { formatCoreTime } from '../i18n/format-time';
import { ReaderStatusLine } from './ReaderStatusLine';
import type { HomeNotice } from './session';
import { TrainerPanel } from './TrainerPanel';

interface HomeScreenProps {
  info: FrameInfo;
  kiosk: KioskApi;
  /** Core's time (ISO with offset); undefined until core has told us. */
  now: string | undefined;
  reader: ReaderStatus | undefined;
  /** Undefined until core has answered: no news is not shown as bad news. */
  printer: PrinterStatus | undefined;
  notice: HomeNotice | undefined;
  onHelp: () => void;
  /** The rules in force now (policy.current), for anyone who wants to read them before applying. */
  onRules: () => void;
  onStaff: () => void;
}

export function HomeScreen({ info, kiosk, now, reader, printer, notice, onHelp, onRules, onStaff }: HomeScreenProps) {
  const { t, i18n } = useTranslation(['common', 'home', 'identity', 'trainer', 'flow']);
  const [trainerOpen, setTrainerOpen] = useState(false);
  const trainerButton = useRef<HTMLButtonElement>(null);
  const trainerWasOpen = useRef(false);
  // Closing the panel gives focus back to the button that opened it (only now is the screen no longer inert).
  useEffect(() => {
    if (trainerWasOpen.current && !trainerOpen) trainerButton.current?.focus();
    trainerWasOpen.current = trainerOpen;
  }, [trainerOpen]);
  const clock = now === undefined ? undefined : formatCoreTime(now, i18n.language);
  const footer = (
    <div className="footer-buttons">
      {info.demo ? (
        <button
          ref={trainerButton}
          type="button"
          className="button button-quiet"
          data-testid="trainer-open"
          onClick={() => setTrainerOpen(true)}
        >
          {t('trainer:open')}
        </button>
      ) : null}
      <button type="button" className="button button-quiet" data-testid="go-staff" onClick={onStaff}>
        {t('home:staff')}
      </button>
    </div>
  );
  return (
    <>
      {/* While the trainer panel is open it is the only thing that can be used (a modal dialog). */}
      <div className="idle-scope" inert={trainerOpen}>
        <ScreenFrame testId="home" info={info} footer={footer}>
          <h1 className="home-heading">{t('home:heading')}</h1>
          <ReaderStatusLine status={reader} />
          {/* Residents can still apply without the printer; they only need to know whom to ask for the paper. */}
          {printer && !canPrint(printer.state) ? (
            <p className="lead notice" role="status" data-testid="home-printer-notice">
              <WarningMark /> {t('home:printerDown')}
            </p>
          ) : null}
          {notice === 'not-me' ? (
            <p className="lead notice" role="status" data-testid="home-notice">
              {t('identity:notMe')}
            </p>
          ) : null}
          {clock ? (
            <p className="clock" data-testid="clock">
              <time dateTime={now}>{t('clock', { ...clock })}</time>
            </p>
          ) : null}
          <CardOnReaderPicture />
          <div className="actions">
            <button type="button" className="button button-primary button-huge" data-testid="go-help" onClick={onHelp}>
              {t('home:howItWorks')}
            </button>
            <button type="button" className="button button-secondary" data-testid="go-rules" onClick={onRules}>
              {t('flow:rules.open')}
            </button>
          </div>
        </ScreenFrame>
      </div>
      {info.demo && trainerOpen ? <TrainerPanel kiosk={kiosk} onClose={() => setTrainerOpen(false)} /> : null}
    </>
  );
}
