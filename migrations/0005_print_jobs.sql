-- The print job journal (electron/core/printing/journal.ts): queued → sent → done, or failed with a reason, kept
-- across restarts so no slip is lost and none is printed twice without a 补打 mark.
CREATE TABLE print_jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  template TEXT NOT NULL CHECK (template IN ('paper-code', 'receipt', 'proxy-slip', 'timeout-notice', 'sla-report')),
  -- What staff recognise the slip by (a code id, an application number), never personal data.
  label TEXT NOT NULL CHECK (length(label) <= 64),
  -- What the template needs, already masked; kept so a reprint prints the same slip.
  data TEXT NOT NULL CHECK (json_valid(data) AND json_type(data) = 'object'),
  paper TEXT NOT NULL CHECK (paper IN ('58mm', '80mm')),
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'done', 'failed')),
  reason TEXT CHECK (reason IS NULL OR reason IN ('paper-end', 'cover-open', 'offline', 'error', 'unreachable', 'timeout', 'disconnected', 'interrupted')),
  -- 0 for a first print; n prints 补打 n.
  reprint_number INTEGER NOT NULL DEFAULT 0 CHECK (reprint_number >= 0),
  -- The job this one reprints.
  reprint_of INTEGER REFERENCES print_jobs (id),
  -- Set with state 'sent', before the first byte goes out: from then on a retry is a 补打.
  may_have_printed INTEGER NOT NULL DEFAULT 0 CHECK (may_have_printed IN (0, 1)),
  -- A failed job that staff reprinted or dismissed.
  resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- Exactly the failed jobs carry a reason.
  CHECK ((state = 'failed') = (reason IS NOT NULL)),
  -- Only a failed job waits for staff, so only a failed job can be resolved.
  CHECK (resolved = 0 OR state = 'failed'),
  -- Nothing of a queued job has gone out; a sent or done job may have printed.
  CHECK (CASE state WHEN 'queued' THEN may_have_printed = 0 WHEN 'failed' THEN 1 ELSE may_have_printed = 1 END),
  -- A job the app stopped while out was sent; a job refused for the printer's state before sending was not.
  CHECK (reason IS NOT 'interrupted' OR may_have_printed = 1),
  -- Only a reprint carries a 补打 number, and nothing reprints itself.
  CHECK (reprint_number = 0 OR reprint_of IS NOT NULL),
  CHECK (reprint_of IS NULL OR reprint_of < id)
) STRICT;

-- The printer loop takes the oldest queued job; the printer panel counts pending and unresolved failed jobs.
CREATE INDEX print_jobs_queued ON print_jobs (id) WHERE state IN ('queued', 'sent');
CREATE INDEX print_jobs_unresolved ON print_jobs (id) WHERE state = 'failed' AND resolved = 0;
CREATE INDEX print_jobs_reprint_of ON print_jobs (reprint_of) WHERE reprint_of IS NOT NULL;
