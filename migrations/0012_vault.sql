-- Personal data at rest is sealed with AES-256-GCM under the terminal's data key (electron/core/privacy/vault.ts),
-- which lives outside this file: in the OS key store (Electron safeStorage) or a key file the operator provisions.
CREATE TABLE vault (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  -- A known text sealed under the data key: a wrong key is refused at start, before anything is sealed under it.
  key_check TEXT NOT NULL CHECK (key_check GLOB 'v1.*'),
  -- The lookup key (0007's lookup_key, which held it in the clear) sealed under the data key: without the data key a
  -- copied file cannot turn a guessed ID number into its applicant_key. Moved here, and the clear row deleted, by
  -- applications/lookup-key.ts on the first unlocked start.
  lookup_key TEXT CHECK (lookup_key IS NULL OR lookup_key GLOB 'v1.*')
) STRICT;
