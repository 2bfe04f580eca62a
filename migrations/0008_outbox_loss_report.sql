-- The outbox learns the loss report (挂失, kind 'report-loss'). SQLite cannot alter a CHECK, so the table is rebuilt:
-- new table with every other column and constraint as in 0003, rows copied with their seq, the AUTOINCREMENT counter
-- carried over, old table dropped, new one renamed, indexes recreated. The runner wraps this file in one transaction.
CREATE TABLE outbox_new (
  -- Global order: per applicant, items are sent in seq order.
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('submit-application', 'send-decision', 'report-loss')),
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

-- The counter first: it may be above max(seq) (newest rows deleted), and a seq must never be handed out twice.
-- Copying rows with lower explicit seqs leaves a higher counter as it is; the rename below carries it to 'outbox'.
INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox_new', seq FROM sqlite_sequence WHERE name = 'outbox';

INSERT INTO outbox_new (seq, kind, applicant_key, idempotency_key, target_id, body, state, attempts, next_attempt_at,
                        last_error, created_at, done_at)
  SELECT seq, kind, applicant_key, idempotency_key, target_id, body, state, attempts, next_attempt_at,
         last_error, created_at, done_at
    FROM outbox ORDER BY seq;

DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;

-- The dispatcher's query: due pending items, and "is there an earlier pending item of this applicant?".
CREATE INDEX outbox_due ON outbox (next_attempt_at, seq) WHERE state = 'pending';
CREATE INDEX outbox_applicant ON outbox (applicant_key, seq) WHERE state = 'pending';
-- The sync-state panel counts failed items for staff.
CREATE INDEX outbox_failed ON outbox (seq) WHERE state = 'failed';
