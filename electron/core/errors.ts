// The one error type core throws on purpose: a stable code plus an i18n key, so the screen can say it in the user's language.
export const errorCodes = [
  'invalid-input',
  'unknown-channel',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type ErrorParams = Record<string, string | number>;

export class KioskError extends Error {
  override readonly name = 'KioskError';
  constructor(
    readonly code: ErrorCode,
    readonly key: string,
    readonly params?: ErrorParams,
  ) {
    // The message is for developers; it carries the key, never personal data.
    super(`${code}: ${key}`);
  }
}
