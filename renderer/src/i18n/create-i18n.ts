// One i18next instance per app mount (tests get a fresh one each), initialised synchronously from bundled resources.
import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { fallbackLanguage, languages, type Language } from './languages';
import { defaultNS, namespaces, resources } from './resources';

export function createI18n(lng: Language = fallbackLanguage): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: fallbackLanguage,
    supportedLngs: [...languages],
    resources,
    ns: namespaces,
    defaultNS,
    // Resources are in memory: initialise now so the first render already has its words.
    initAsync: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return instance;
}
