// The one way out of a screen that has no step to go back to: "Start over" at home.
import { useTranslation } from 'react-i18next';

export function StartOverButton({ onHome }: { onHome: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="button" className="button button-secondary" data-testid="go-home" onClick={onHome}>
        {t('startOver')}
      </button>
    </div>
  );
}
