-- Community review (审核) of applications that need an officer: duty and delegation on the officer, one review row per
-- application with its stored SLA instants, and sla_event, whose primary key makes every warning, escalation and
-- breach record happen exactly once (electron/core/approvals/*). Every instant is Date.toISOString() (UTC, 'Z'), so
-- text order is time order and the indexes below can range-scan them.

-- Officer references are plain staff numbers, not foreign keys: demo officers are deleted when a terminal is
-- configured (removeDemoOfficers), and a reference must not block that. Core checks that a named officer exists.
ALTER TABLE officer ADD COLUMN on_duty INTEGER NOT NULL DEFAULT 1 CHECK (on_duty IN (0, 1));
ALTER TABLE officer ADD COLUMN away_until TEXT CHECK (away_until IS NULL OR (away_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z' AND length(away_until) = 24));
-- While away (or off duty), items assigned to this officer show in the delegate's "mine" queue.
ALTER TABLE officer ADD COLUMN delegate_to TEXT CHECK (delegate_to IS NULL OR (delegate_to GLOB '[0-9][0-9][0-9][0-9]*' AND length(delegate_to) <= 12 AND delegate_to NOT GLOB '*[^0-9]*' AND delegate_to <> staff_no));
-- Who gets this officer's overdue items (escalation step "backup"); set by a community head or admin.
ALTER TABLE officer ADD COLUMN backup_staff_no TEXT CHECK (backup_staff_no IS NULL OR (backup_staff_no GLOB '[0-9][0-9][0-9][0-9]*' AND length(backup_staff_no) <= 12 AND backup_staff_no NOT GLOB '*[^0-9]*' AND backup_staff_no <> staff_no));

CREATE TABLE review (
  application_id TEXT PRIMARY KEY REFERENCES application (application_id),
  -- How it came in, as the queue shows it: in person at the kiosk, or a family / staff / batch proxy.
  source TEXT NOT NULL CHECK (source IN ('kiosk', 'family', 'staff', 'batch')),
  -- The SLA clock: 'clock' (offline needing verification, wall-clock hours) or 'working' (online, office hours).
  basis TEXT NOT NULL CHECK (basis IN ('clock', 'working')),
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'info-requested', 'decided', 'auto-defaulted')),
  policy_id TEXT NOT NULL CHECK (length(policy_id) BETWEEN 1 AND 64),
  submitted_at TEXT NOT NULL CHECK (submitted_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z' AND length(submitted_at) = 24),
  -- The SLA instants, fixed when the review opens (slaFor): a later policy or calendar file never moves them.
  due_at TEXT NOT NULL CHECK (due_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z' AND length(due_at) = 24 AND due_at >= submitted_at),
  warn_at TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warn_at) AND json_type(warn_at) = 'array'),
  -- Every step the scheduler records, in time order: [{ "at": ISO, "kind": "warned" | "overdue" | "escalated",
  -- "step": "0.5" | "1" | "0.9:officer" | "autoDefault:report" …, "to": escalation target or absent }].
  steps TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(steps) AND json_type(steps) = 'array'),
  auto_default_at TEXT CHECK (auto_default_at IS NULL OR (auto_default_at GLOB '[0-9][0-9][0-9][0-9]-*Z' AND length(auto_default_at) = 24)),
  -- The earliest SLA step not yet recorded in sla_event (NULL: none left): the scheduler's cheap "anything due?".
  next_step_at TEXT CHECK (next_step_at IS NULL OR (next_step_at GLOB '[0-9][0-9][0-9][0-9]-*Z' AND length(next_step_at) = 24)),
  -- NULL: nobody was on duty; the item waits in the team queue and escalates to the community head.
  assigned_to TEXT CHECK (assigned_to IS NULL OR (length(assigned_to) BETWEEN 4 AND 12 AND assigned_to NOT GLOB '*[^0-9]*')),
  assigned_at TEXT,
  -- The backup officer or community head an escalation step handed it to.
  escalated_to TEXT CHECK (escalated_to IS NULL OR (length(escalated_to) BETWEEN 4 AND 12 AND escalated_to NOT GLOB '*[^0-9]*')),
  -- Health data, kept only while an officer needs it: cleared on decision and auto-default (minimisation).
  declaration TEXT CHECK (declaration IS NULL OR (json_valid(declaration) AND json_type(declaration) = 'object')),
  answers TEXT CHECK (answers IS NULL OR (json_valid(answers) AND json_type(answers) = 'object')),
  decision TEXT CHECK (decision IS NULL OR decision IN ('approve', 'refuse')),
  -- The policy rule a refusal cites (required for a refusal, absent otherwise).
  decision_rule TEXT CHECK (decision_rule IS NULL OR length(decision_rule) BETWEEN 3 AND 64),
  decided_by TEXT CHECK (decided_by IS NULL OR (length(decided_by) BETWEEN 4 AND 12 AND decided_by NOT GLOB '*[^0-9]*')),
  decided_at TEXT CHECK (decided_at IS NULL OR (decided_at GLOB '[0-9][0-9][0-9][0-9]-*Z' AND length(decided_at) = 24)),
  -- The hall's numeric id in the province's register: the community a breach is recorded against.
  hall_id TEXT NOT NULL CHECK (length(hall_id) BETWEEN 1 AND 10 AND hall_id NOT GLOB '*[^0-9]*'),
  CHECK ((assigned_to IS NULL) = (assigned_at IS NULL)),
  CHECK ((state = 'decided') = (decision IS NOT NULL)),
  CHECK ((state = 'decided') = (decided_by IS NOT NULL AND decided_at IS NOT NULL)),
  CHECK ((decision IS 'refuse') = (decision_rule IS NOT NULL)),
  CHECK (state IN ('open', 'info-requested') OR (declaration IS NULL AND answers IS NULL AND next_step_at IS NULL)),
  CHECK (basis = 'working' OR auto_default_at IS NULL)
) STRICT;

-- The queues ("team", "overdue", and "mine" by assignee or escalation) are pages of open items ordered by due_at;
-- partial indexes hold only open items, so a page and its COUNT stay small however many reviews are closed.
CREATE INDEX review_open_due ON review (due_at, application_id) WHERE state IN ('open', 'info-requested');
CREATE INDEX review_open_assignee ON review (assigned_to, due_at) WHERE state IN ('open', 'info-requested');
CREATE INDEX review_open_escalated ON review (escalated_to, due_at) WHERE state IN ('open', 'info-requested') AND escalated_to IS NOT NULL;
-- The scheduler: open items with a step due.
CREATE INDEX review_next_step ON review (next_step_at) WHERE state IN ('open', 'info-requested') AND next_step_at IS NOT NULL;
-- Assignment's tie-break (assigned today) and the SLA board's decisions in a range of days.
CREATE INDEX review_assigned_day ON review (assigned_to, assigned_at);
CREATE INDEX review_decided ON review (decided_at) WHERE state = 'decided';

-- Warnings, escalations, breaches (overdue) and auto-defaults, each recorded once: the primary key refuses a second.
CREATE TABLE sla_event (
  application_id TEXT NOT NULL REFERENCES review (application_id),
  kind TEXT NOT NULL CHECK (kind IN ('warned', 'escalated', 'overdue', 'auto-defaulted')),
  -- warned: the fraction ('0.5'); escalated: fraction and target ('0.9:officer', 'autoDefault:report');
  -- overdue: '1'; auto-defaulted: 'autoDefault'.
  step TEXT NOT NULL CHECK (length(step) BETWEEN 1 AND 32),
  -- The scheduled instant, and when the kiosk recorded it (later after downtime: fired_at >= due_at).
  due_at TEXT NOT NULL CHECK (due_at GLOB '[0-9][0-9][0-9][0-9]-*Z' AND length(due_at) = 24),
  fired_at TEXT NOT NULL CHECK (fired_at GLOB '[0-9][0-9][0-9][0-9]-*Z' AND length(fired_at) = 24),
  -- Whom it concerns: the officer warned, escalated to, or the breach is recorded against; NULL for a report (通报).
  staff_no TEXT CHECK (staff_no IS NULL OR (length(staff_no) BETWEEN 4 AND 12 AND staff_no NOT GLOB '*[^0-9]*')),
  PRIMARY KEY (application_id, kind, step)
) STRICT, WITHOUT ROWID;

-- The SLA board: breaches and auto-defaults whose instant falls in a range of days.
CREATE INDEX sla_event_kind_due ON sla_event (kind, due_at);

-- A review's history reads the audit rows of one application.
CREATE INDEX audit_subject ON audit (subject, seq);
