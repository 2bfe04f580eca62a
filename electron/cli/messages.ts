// The CLI speaks the operator's language: core's error keys translated with the screen's own locale files.
import { translator } from '../app/locales.js';
import type { ErrorParams } from '../core/errors.js';

export type CliLanguage = 'zh-CN' | 'en';

/** KIOSK_LANG wins; otherwise the locale of the shell (zh_CN.UTF-8 → zh-CN); English for anything else. */
export function cliLanguage(env: NodeJS.ProcessEnv): CliLanguage {
  const raw = env.KIOSK_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return raw.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function translate(key: string, params: ErrorParams | undefined, env: NodeJS.ProcessEnv): string {
  return translator(cliLanguage(env))(key, params);
}
