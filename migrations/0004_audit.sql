-- The audit log: append-only, each row chained to the one before by a SHA-256 hash (electron/core/audit/log.ts).
-- The hash is computed in core (SQLite has no SHA-256 here); the triggers below refuse edits, deletions and rows
-- that do not continue the chain, so tampering needs a raw connection that drops them, and verifyAuditChain sees it.
CREATE TABLE audit (
  -- Consecutive from 1: a missing number is a deleted row.
  seq INTEGER PRIMARY KEY CHECK (seq >= 1),
  at TEXT NOT NULL CHECK (length(at) BETWEEN 20 AND 40),
  -- A staff number, 'system' or 'resident'; NULL when nobody in particular acted.
  actor TEXT CHECK (actor IS NULL OR actor IN ('system', 'resident') OR (length(actor) BETWEEN 4 AND 12 AND actor NOT GLOB '*[^0-9]*')),
  -- A dotted code such as 'print.reprint', never a sentence: sentences invite personal data.
  action TEXT NOT NULL CHECK (length(action) BETWEEN 3 AND 64 AND action NOT GLOB '*[^a-z0-9.-]*'),
  -- What was acted on, as kind:id, e.g. 'print-job:12'.
  subject TEXT NOT NULL CHECK (length(subject) BETWEEN 3 AND 80 AND subject GLOB '[a-z]*:?*' AND subject NOT GLOB '*[^a-z0-9:._-]*'),
  -- A JSON object of codes and ids (no personal data), stored in the canonical form that was hashed.
  detail TEXT NOT NULL CHECK (json_valid(detail) AND json_type(detail) = 'object'),
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64 AND prev_hash NOT GLOB '*[^0-9a-f]*'),
  hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*')
) STRICT;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE(ABORT, 'audit rows are append-only');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE(ABORT, 'audit rows are append-only');
END;

-- A new row must take the next number and link to the last row's hash (64 zeros for the first row).
CREATE TRIGGER audit_append_only_at_end BEFORE INSERT ON audit
WHEN NEW.seq IS NOT coalesce((SELECT max(seq) FROM audit), 0) + 1
  OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit ORDER BY seq DESC LIMIT 1), '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN
  SELECT RAISE(ABORT, 'audit rows must continue the chain');
END;
