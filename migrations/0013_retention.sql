-- Retention (electron/core/privacy/purge.ts, docs/privacy.md): an application closed and synced for longer than the
-- retention period has its personal values scrubbed in place. The row stays as a skeleton (ids, ref, policy, times) so
-- refs, reviews and SLA figures stay right; purged_at says when it was scrubbed, and the CHECK below says what that
-- means, so no code path can leave a purged row half-scrubbed.

-- When the purge scrubbed it (toISOString, UTC 'Z'); NULL while it still holds the resident's masked values.
-- While set, the masked values are the '*' placeholder and the printed code id is gone. (applicant_key and proxy_key
-- become sha256('purged:…' + application_id) in core: SQLite has no SHA-256 to check that here.)
ALTER TABLE application ADD COLUMN purged_at TEXT
  CHECK (purged_at IS NULL
      OR (purged_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z' AND length(purged_at) = 24
          AND masked_name = '*' AND masked_number = '*' AND printed_code_id IS NULL
          AND (proxy_masked_name IS NULL OR proxy_masked_name = '*')));

-- A purged application stays purged: its time and its keys never change again (a key written back would make the
-- person findable by card once more).
CREATE TRIGGER application_stays_purged BEFORE UPDATE ON application
WHEN OLD.purged_at IS NOT NULL
 AND (NEW.purged_at IS NOT OLD.purged_at OR NEW.applicant_key IS NOT OLD.applicant_key OR NEW.proxy_key IS NOT OLD.proxy_key)
BEGIN
  SELECT RAISE(ABORT, 'a purged application stays purged');
END;

-- A status the province sends later for a purged application (the change feed) is still recorded, but never its code:
-- the QR text would be personal data again. In the same transaction, so the code never reaches a committed page.
CREATE TRIGGER code_status_purged_no_code AFTER UPDATE OF code_text ON code_status
WHEN NEW.code_text IS NOT NULL
 AND EXISTS (SELECT 1 FROM application a WHERE a.application_id = NEW.application_id AND a.purged_at IS NOT NULL)
BEGIN
  UPDATE code_status SET code_text = NULL, code_id = NULL, valid_until = NULL WHERE application_id = NEW.application_id;
END;

-- The daily purge looks only at applications not purged yet: a partial index, so purged rows cost it nothing.
CREATE INDEX application_unpurged ON application (submitted_at) WHERE purged_at IS NULL;
-- "Is anything of this application still to send, or failed and waiting for staff?" per purge candidate: only the
-- few open outbox rows are in this index, however many are done.
CREATE INDEX outbox_open_target ON outbox (target_id) WHERE state IN ('pending', 'failed');
