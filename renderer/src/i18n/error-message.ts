// Turns a contract error envelope into words: its i18n key and params, or the generic message for a key we do not know.
import type { TFunction } from 'i18next';
import type { ErrorData } from '../../../electron/ipc/envelope.js';
import { resources } from './resources';

type ErrorKey = `errors.${keyof (typeof resources)['zh-CN']['common']['errors']}`;

const prefix = 'errors.';

export function isErrorKey(key: string): key is ErrorKey {
  return key.startsWith(prefix) && Object.hasOwn(resources['zh-CN'].common.errors, key.slice(prefix.length));
}

export function errorMessage(t: TFunction, error: ErrorData): string {
  // A key from a newer core than this screen would otherwise show up raw; say something true but general instead.
  const key: ErrorKey = isErrorKey(error.key) ? error.key : 'errors.internal';
  return t(key, { ...error.params });
}
