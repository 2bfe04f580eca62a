// Words for what core produces outside the screen (printed slips, CLI messages): the screen's own locale files, loaded
// once per language with i18next, so a printed word and a shown word can never differ.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n } from 'i18next';
import type { Language } from '../core/settings/schema.js';
import { projectRoot } from './paths.js';

const instances = new Map<Language, i18n>();

function instanceFor(language: Language): i18n {
  let instance = instances.get(language);
  if (!instance) {
    const folder = join(projectRoot(), 'renderer', 'locales', language);
    const namespaces = Object.fromEntries(
      readdirSync(folder)
        .filter((file) => file.endsWith('.json'))
        .map((file) => [file.slice(0, -'.json'.length), JSON.parse(readFileSync(join(folder, file), 'utf8')) as object]),
    );
    instance = i18next.createInstance();
    void instance.init({
      lng: language,
      resources: { [language]: namespaces },
      ns: Object.keys(namespaces),
      defaultNS: 'common',
      initAsync: false,
      interpolation: { escapeValue: false },
    });
    instances.set(language, instance);
  }
  return instance;
}

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** `t` for one language and namespace, e.g. `translator('en', 'slips')('paperCode.validUntil')`. */
export function translator(language: Language, namespace = 'common'): Translate {
  const t = instanceFor(language).getFixedT(language, namespace);
  return (key, params) => t(key, params ?? {});
}
