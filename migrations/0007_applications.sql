-- Applications made at this terminal (electron/core/applications/store.ts) and the per-terminal lookup key that turns
-- an ID number into applicant_key. The full number and name are NOT kept here: they travel only in the outbox body,
-- which the dispatcher clears once the province has it; the province is the source of truth for applications.
CREATE TABLE application (
  -- Made by the terminal; also the submission's idempotency key at the province.
  application_id TEXT PRIMARY KEY CHECK (length(application_id) = 36 AND application_id NOT GLOB '*[^0-9a-f-]*'),
  -- The number people quote (receipt, complaint line): PREFIX-YYYYMMDD-NNNN, the Asia/Shanghai day and its sequence.
  ref TEXT NOT NULL UNIQUE CHECK (ref GLOB '[A-Z0-9]*-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]*' AND length(ref) <= 32 AND ref NOT GLOB '*[^A-Z0-9-]*'),
  -- HMAC-SHA256 hex of the canonical document number under lookup_key: finds one person's applications without the number.
  applicant_key TEXT NOT NULL CHECK (length(applicant_key) = 64 AND applicant_key NOT GLOB '*[^0-9a-f]*'),
  document_type TEXT NOT NULL CHECK (document_type IN ('resident', 'resident-legacy', 'foreign-permanent', 'hmt-permit')),
  -- privacy/mask.ts output only: a masked value always carries at least one '*'.
  masked_name TEXT NOT NULL CHECK (length(masked_name) BETWEEN 1 AND 40 AND instr(masked_name, '*') > 0),
  masked_number TEXT NOT NULL CHECK (length(masked_number) BETWEEN 1 AND 30 AND instr(masked_number, '*') > 0),
  channel TEXT NOT NULL CHECK (channel IN ('offline', 'online')),
  -- The policy version that decided it, and the rules it cited (review reasons) as a JSON array of citations.
  policy_id TEXT NOT NULL CHECK (length(policy_id) BETWEEN 1 AND 64),
  citations TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(citations) AND json_type(citations) = 'array'),
  proxy_kind TEXT CHECK (proxy_kind IS NULL OR proxy_kind IN ('family', 'staff', 'batch')),
  proxy_masked_name TEXT CHECK (proxy_masked_name IS NULL OR (length(proxy_masked_name) BETWEEN 1 AND 40 AND instr(proxy_masked_name, '*') > 0)),
  -- The resident's language: their slips print in it, including a code that arrives after they left.
  language TEXT NOT NULL CHECK (language IN ('zh-CN', 'en')),
  submitted_at TEXT NOT NULL CHECK (submitted_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*'),
  -- The code id (16 hex) last printed automatically: a view with another code id prints the new code, once.
  printed_code_id TEXT CHECK (printed_code_id IS NULL OR (length(printed_code_id) = 16 AND printed_code_id NOT GLOB '*[^0-9a-f]*')),
  receipt_printed INTEGER NOT NULL DEFAULT 0 CHECK (receipt_printed IN (0, 1)),
  -- Only a proxy application names a proxy.
  CHECK (proxy_kind IS NOT NULL OR proxy_masked_name IS NULL)
) STRICT;

-- "Does this person already have an active application?" on every card tap.
CREATE INDEX application_applicant ON application (applicant_key, submitted_at);

-- 32 random bytes made once per terminal (lookup-key.ts). The encryption issue moves it to the OS key store later.
CREATE TABLE lookup_key (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  key BLOB NOT NULL CHECK (length(key) = 32),
  created_at TEXT NOT NULL
) STRICT;
