// What a person reads when the kiosk cannot start: core's refusal in words, Chinese first, then English.
import { KioskError } from '../core/errors.js';
import { translator } from './locales.js';

export function startupErrorText(error: unknown): string {
  if (error instanceof KioskError)
    return (['zh-CN', 'en'] as const).map((language) => translator(language)(error.key, error.params)).join('\n');
  return error instanceof Error ? error.message : String(error);
}
