-- The issuer trust list and the revocation list last fetched from the province, so a checkpoint verifies paper codes
-- offline. One row per kind, replaced whole on each successful fetch; a failed fetch leaves the old row in place.
CREATE TABLE trust_cache (
  kind TEXT PRIMARY KEY CHECK (kind IN ('trust-list', 'revocations')),
  -- When this terminal received it (ISO 8601): how fresh the checkpoint's knowledge is, and when to reload it.
  -- Before body on purpose: SQLite stores columns in order, so reading fetched_at never walks a large body's overflow pages.
  fetched_at TEXT NOT NULL CHECK (fetched_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*'),
  -- The list as JSON, validated with its zod schema before it is written and again when it is read.
  body TEXT NOT NULL CHECK (json_valid(body))
) STRICT;
