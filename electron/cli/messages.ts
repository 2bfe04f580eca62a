// The CLI speaks the operator's language: core's error keys translated with the screen's own locale files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n } from 'i18next';
import { projectRoot } from '../app/paths.js';
import type { ErrorParams } from '../core/errors.js';

export type CliLanguage = 'zh-CN' | 'en';

/** KIOSK_LANG wins; otherwise the locale of the shell (zh_CN.UTF-8 → zh-CN); English for anything else. */
export function cliLanguage(env: NodeJS.ProcessEnv): CliLanguage {
  const raw = env.KIOSK_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return raw.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const instances = new Map<CliLanguage, i18n>();

function instanceFor(language: CliLanguage): i18n {
  let instance = instances.get(language);
  if (!instance) {
    const common = JSON.parse(readFileSync(join(projectRoot(), 'renderer', 'locales', language, 'common.json'), 'utf8')) as object;
    instance = i18next.createInstance();
    void instance.init({
      lng: language,
      resources: { [language]: { common } },
      defaultNS: 'common',
      initAsync: false,
      interpolation: { escapeValue: false },
    });
    instances.set(language, instance);
  }
  return instance;
}

export function translate(key: string, params: ErrorParams | undefined, env: NodeJS.ProcessEnv): string {
  return instanceFor(cliLanguage(env)).t(key, params ?? {});
}
