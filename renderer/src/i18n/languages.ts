// The screen's languages, taken from the contract (the renderer imports nothing from electron/ but electron/ipc).
import { AppInfoSchema, type AppInfo } from '../../../electron/ipc/contract.js';

export type Language = AppInfo['defaultLanguage'];

export const languages: readonly Language[] = AppInfoSchema.shape.defaultLanguage.options;

/** zh-CN first: the residents' language, and the fallback when a language is unknown. */
export const fallbackLanguage: Language = 'zh-CN';

/** The language the switch button offers: always the other one. */
export function otherLanguage(current: string): Language {
  return current === 'en' ? 'zh-CN' : 'en';
}
