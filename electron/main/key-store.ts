// Electron's safeStorage as the data key's OS key store (app/data-key.ts): DPAPI on Windows, Keychain, libsecret/kwallet.
import { safeStorage } from 'electron';
import type { OsKeyStore } from '../app/data-key.js';

/**
 * On Linux without a keyring in the session, safeStorage still "works" with the 'basic_text' backend: a hard-coded
 * password, i.e. plain text. That counts as no key store, so a configured terminal there needs an operator's key file.
 */
export function electronKeyStore(platform: NodeJS.Platform = process.platform): OsKeyStore {
  return {
    available: () =>
      safeStorage.isEncryptionAvailable() && !(platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
}
