-- Staff ID card sign-in and the province's roster: an officer's card is known by a keyed hash of its number only
-- (HMAC under the terminal's lookup key, like application.applicant_key), never the number itself.
ALTER TABLE officer ADD COLUMN card_key TEXT CHECK (card_key IS NULL OR (length(card_key) = 64 AND card_key NOT GLOB '*[^0-9a-f]*'));
-- Where the account came from: an admin at this terminal, the province's roster (kept in step with it), or demo.
ALTER TABLE officer ADD COLUMN source TEXT NOT NULL DEFAULT 'admin' CHECK (source IN ('admin', 'roster', 'demo'));
-- 1 for a roster account nobody has chosen a PIN for yet: the first card sign-in sets it (the card is the proof).
ALTER TABLE officer ADD COLUMN pin_must_set INTEGER NOT NULL DEFAULT 0 CHECK (pin_must_set IN (0, 1));
CREATE UNIQUE INDEX officer_card ON officer (card_key) WHERE card_key IS NOT NULL;
UPDATE officer SET source = 'demo' WHERE demo = 1;
