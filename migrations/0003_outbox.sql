-- Sync with the province: the outbox of calls still to make, the change-feed cursor, and the cached code status.
-- The outbox row is written in the same transaction as the domain row and its audit row (DESIGN.md rule 2).
CREATE TABLE outbox (
  -- Global order: per applicant, items are sent in seq order.
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('submit-application', 'send-decision')),
  -- HMAC-SHA256 hex of the ID number under a per-terminal key: orders one person's items without storing the number here.
  applicant_key TEXT NOT NULL CHECK (length(applicant_key) = 64 AND applicant_key NOT GLOB '*[^0-9a-f]*'),
  idempotency_key TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 8 AND 128),
  target_id TEXT NOT NULL CHECK (length(target_id) = 36),
  -- The request body; replaced by 'null' once done (kept no longer than needed, DOMAIN.md §8).
  body TEXT NOT NULL CHECK (json_valid(body)),
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- Milliseconds since the epoch: the dispatcher compares it on every tick, so a number, not text.
  next_attempt_at INTEGER NOT NULL CHECK (next_attempt_at >= 0),
  -- A code such as 'timeout' or 'invalid-request', never a message: messages may echo personal data.
  last_error TEXT CHECK (last_error IS NULL OR (length(last_error) BETWEEN 1 AND 40 AND last_error NOT GLOB '*[^a-z0-9-]*')),
  created_at TEXT NOT NULL,
  done_at TEXT,
  CHECK ((state = 'pending') = (done_at IS NULL))
) STRICT;

-- The dispatcher's query: due pending items, and "is there an earlier pending item of this applicant?".
CREATE INDEX outbox_due ON outbox (next_attempt_at, seq) WHERE state = 'pending';
CREATE INDEX outbox_applicant ON outbox (applicant_key, seq) WHERE state = 'pending';
-- The sync-state panel counts failed items for staff.
CREATE INDEX outbox_failed ON outbox (seq) WHERE state = 'failed';

CREATE TABLE sync_state (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  -- The change feed's cursor: every change with a seq above it is still to be applied.
  feed_cursor INTEGER NOT NULL DEFAULT 0 CHECK (feed_cursor >= 0),
  last_success_at TEXT,
  last_failure_at TEXT
) STRICT;
INSERT INTO sync_state (singleton) VALUES (1);

-- The latest status the province gave for each application, filled by submit answers and the change feed.
CREATE TABLE code_status (
  application_id TEXT PRIMARY KEY CHECK (length(application_id) = 36),
  status TEXT NOT NULL CHECK (status IN ('PENDING', 'GREEN', 'YELLOW', 'RED', 'EXPIRED', 'REVOKED', 'UNKNOWN')),
  reason_code TEXT CHECK (reason_code IS NULL OR length(reason_code) <= 64),
  status_as_of TEXT NOT NULL,
  review_due_at TEXT,
  code_text TEXT,
  code_id TEXT,
  valid_until TEXT,
  -- The feed seq last applied to this row: a duplicated or older change is ignored.
  feed_seq INTEGER CHECK (feed_seq IS NULL OR feed_seq > 0),
  updated_at TEXT NOT NULL,
  CHECK ((code_text IS NULL) = (code_id IS NULL) AND (code_text IS NULL) = (valid_until IS NULL))
) STRICT;
