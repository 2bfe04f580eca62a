// The always-visible notice that this terminal runs on invented demo data, so nobody mistakes a demo code for a real one.
import { useTranslation } from 'react-i18next';

export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <p className="demo-banner" role="status" data-testid="demo-banner">
      {t('demoBanner')}
    </p>
  );
}
