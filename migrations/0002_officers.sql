-- Staff who may sign in at this terminal: PIN kept as a salted scrypt hash, failed attempts counted for the lockout.
CREATE TABLE officer (
  staff_no TEXT PRIMARY KEY CHECK (staff_no GLOB '[0-9][0-9][0-9][0-9]*' AND length(staff_no) <= 12),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  -- Space-separated roles from core/staff/schema.ts, checked there.
  roles TEXT NOT NULL CHECK (length(roles) > 0),
  pin_salt BLOB NOT NULL CHECK (length(pin_salt) = 16),
  pin_hash BLOB NOT NULL CHECK (length(pin_hash) = 32),
  failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until TEXT,
  -- 1 for the synthetic demo officer: removed as soon as the terminal is configured for real.
  demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;
