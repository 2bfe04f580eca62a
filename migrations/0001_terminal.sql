-- The terminal's own identity: one row, created on first start, used to sign requests to the province.
CREATE TABLE terminal (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  terminal_id TEXT NOT NULL CHECK (length(terminal_id) BETWEEN 8 AND 64),
  created_at TEXT NOT NULL
) STRICT;
