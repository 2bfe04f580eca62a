// The two ways out of every inner screen: "Back" one step and "Start over" at home (the latter optional).
import { useTranslation } from 'react-i18next';

interface BackHomeButtonsProps {
  onBack: () => void;
  onHome?: () => void;
}

export function BackHomeButtons({ onBack, onHome }: BackHomeButtonsProps) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="button" className="button button-secondary" data-testid="go-back" onClick={onBack}>
        {t('back')}
      </button>
      {onHome ? (
        <button type="button" className="button button-secondary" data-testid="go-home" onClick={onHome}>
          {t('startOver')}
        </button>
      ) : null}
    </div>
  );
}
