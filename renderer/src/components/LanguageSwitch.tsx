// The language button on every screen: names the other language in that language ("English" / "中文").
import { useTranslation } from 'react-i18next';
import { otherLanguage } from '../i18n/languages';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = otherLanguage(i18n.language);
  return (
    <button
      type="button"
      className="button button-secondary button-language"
      // The label is in the other language; saying so lets a screen reader pronounce it properly.
      lang={next}
      data-testid="language-switch"
      onClick={() => void i18n.changeLanguage(next)}
    >
      {t('languageName', { lng: next })}
    </button>
  );
}
