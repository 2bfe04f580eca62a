-- Proxy applications (electron/core/proxy, docs/proxy.md): what this terminal keeps of who applied for the resident.
-- Masked values and keys only: the proxy's full number and name travel in the outbox body (the province's Proxy),
-- which the dispatcher clears once the province has it.

-- HMAC-SHA256 hex under lookup_key of the proxy's canonical document number (family) or of `staff:<staffNo>` (staff,
-- batch): counts one proxy's applications per day without keeping the number. Every proxy application has one, and
-- a named proxy (0007's proxy_masked_name) is required with it.
ALTER TABLE application ADD COLUMN proxy_key TEXT
  CHECK ((proxy_key IS NULL) = (proxy_kind IS NULL)
     AND (proxy_kind IS NULL OR proxy_masked_name IS NOT NULL)
     AND (proxy_key IS NULL OR (length(proxy_key) = 64 AND proxy_key NOT GLOB '*[^0-9a-f]*')));

-- A family proxy's relationship to the resident: a code of the policy's familyRelationships (e.g. spouse, child).
ALTER TABLE application ADD COLUMN proxy_relationship TEXT
  CHECK ((proxy_relationship IS NOT NULL) = (proxy_kind IS 'family')
     AND (proxy_relationship IS NULL OR (length(proxy_relationship) BETWEEN 1 AND 20 AND proxy_relationship GLOB '[a-z]*'
          AND proxy_relationship NOT GLOB '*[^a-z-]*')));

-- How the resident's consent was shown (printing/slip-data.ts consentKinds); a batch records its care home's signed form.
ALTER TABLE application ADD COLUMN proxy_consent TEXT
  CHECK ((proxy_consent IS NULL) = (proxy_kind IS NULL)
     AND (proxy_consent IS NULL OR proxy_consent IN ('signed-form', 'verbal-witnessed', 'card-presented')));

-- How staff checked a walk-in resident's identity (proxy/schema.ts verificationMethods): staff proxies only.
ALTER TABLE application ADD COLUMN proxy_verification TEXT
  CHECK ((proxy_verification IS NOT NULL) = (proxy_kind IS 'staff')
     AND (proxy_verification IS NULL
          OR proxy_verification IN ('card-read', 'document-checked', 'household-register', 'known-in-person')));

-- The import a batch application came from (batch-YYYYMMDD-8 hex): batch proxies only.
ALTER TABLE application ADD COLUMN proxy_batch_id TEXT
  CHECK ((proxy_batch_id IS NOT NULL) = (proxy_kind IS 'batch')
     AND (proxy_batch_id IS NULL OR (length(proxy_batch_id) BETWEEN 1 AND 64 AND proxy_batch_id NOT GLOB '*[^a-z0-9-]*')));

-- The officer who was the proxy (staff, batch): a staff number is not personal data and the proxy slip prints it.
ALTER TABLE application ADD COLUMN proxy_staff_no TEXT
  CHECK ((proxy_staff_no IS NOT NULL) = (coalesce(proxy_kind, '') IN ('staff', 'batch'))
     AND (proxy_staff_no IS NULL OR (length(proxy_staff_no) BETWEEN 4 AND 12 AND proxy_staff_no NOT GLOB '*[^0-9]*')));

-- "How many residents has this proxy applied for today?" before every proxy submission (policy maxSubjectsPerProxyPerDay).
CREATE INDEX application_proxy_day ON application (proxy_key, submitted_at) WHERE proxy_key IS NOT NULL;
