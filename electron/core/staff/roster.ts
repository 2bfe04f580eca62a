// The province's roster of this hall's staff, applied to the officer table: new staff get an account they open with
// their ID card, changed names and roles follow, and staff who left the roster can no longer sign in.
import { appendAudit } from '../audit/log.js';
import type { Clock, RandomSource } from '../clock.js';
import type { Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import { parseDocumentNumber } from '../identity/document-number.js';
import { ensureLookupKey } from '../applications/lookup-key.js';
import type { ProvinceClient } from '../province/client.js';
import { applicantKey } from '../sync/outbox.js';
import { addOfficer, findOfficer, findOfficerByCard } from './officers.js';
import { RosterSchema, type Roster } from './schema.js';

export interface RosterResult {
  added: number;
  updated: number;
  deactivated: number;
  unchanged: number;
}

/**
 * All or nothing: a roster with a bad entry (errors.rosterInvalid naming the staff number, never the ID number) or a
 * card already registered to an account outside the roster (errors.cardTaken) changes nothing. Accounts an admin made
 * here are taken over when the roster names their staff number and otherwise left alone; demo accounts are never
 * touched. PINs already chosen are kept.
 */
export function applyRoster(db: Db, clock: Clock, random: RandomSource, lookupKey: Uint8Array, input: unknown): RosterResult {
  const parsed = RosterSchema.safeParse(input);
  if (!parsed.success) {
    const index = parsed.error.issues[0]?.path[1];
    const staffNo = typeof index === 'number' ? String((input as Roster).officers?.[index]?.staffNo ?? index + 1) : '-';
    throw new KioskError('invalid-input', 'errors.rosterInvalid', { staffNo });
  }
  const now = clock.now();
  const entries = parsed.data.officers.map((entry) => {
    const number = parseDocumentNumber(entry.idNumber, now);
    if (!number.valid) throw new KioskError('invalid-input', 'errors.rosterInvalid', { staffNo: entry.staffNo });
    return { ...entry, cardKey: applicantKey(number.canonical, lookupKey) };
  });
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.staffNo) || seen.has(entry.cardKey))
      throw new KioskError('invalid-input', 'errors.rosterInvalid', { staffNo: entry.staffNo });
    seen.add(entry.staffNo).add(entry.cardKey);
  }

  return db
    .transaction((): RosterResult => {
      const result: RosterResult = { added: 0, updated: 0, deactivated: 0, unchanged: 0 };
      for (const entry of entries) {
        const holder = findOfficerByCard(db, entry.cardKey);
        if (holder && holder.staffNo !== entry.staffNo) throw new KioskError('conflict', 'errors.cardTaken');
        const roles = [...new Set(entry.roles)].join(' ');
        const existing = findOfficer(db, entry.staffNo);
        if (existing?.demo) throw new KioskError('invalid-input', 'errors.rosterInvalid', { staffNo: entry.staffNo });
        if (!existing) {
          addOfficer(db, clock, random, {
            staffNo: entry.staffNo,
            name: entry.name,
            roles: entry.roles,
            cardKey: entry.cardKey,
            source: 'roster',
          });
          result.added += 1;
          continue;
        }
        const same =
          existing.name === entry.name &&
          existing.roles.join(' ') === roles &&
          existing.cardKey === entry.cardKey &&
          existing.active &&
          existing.source === 'roster';
        if (same) {
          result.unchanged += 1;
          continue;
        }
        db.prepare("UPDATE officer SET name = ?, roles = ?, card_key = ?, active = 1, source = 'roster' WHERE staff_no = ?").run(
          entry.name,
          roles,
          entry.cardKey,
          entry.staffNo,
        );
        result.updated += 1;
      }
      const listed = entries.map((e) => e.staffNo);
      result.deactivated = db
        .prepare(
          `UPDATE officer SET active = 0 WHERE source = 'roster' AND active = 1 AND staff_no NOT IN (SELECT value FROM json_each(?))`,
        )
        .run(JSON.stringify(listed)).changes;
      appendAudit(db, { at: now, actor: 'system', action: 'officers.roster-applied', subject: 'roster:province', detail: { ...result } });
      return result;
    })
    .immediate();
}

/**
 * Fetches the hall's roster from the province and applies it. undefined when the province did not answer with one
 * (the next round tries again); a roster the province sends that fails applyRoster throws, and the repeater logs it.
 */
export async function refreshRoster(
  db: Db,
  client: Pick<ProvinceClient, 'roster'>,
  clock: Clock,
  random: RandomSource,
): Promise<RosterResult | undefined> {
  const outcome = await client.roster();
  if (outcome.kind !== 'ok') return undefined;
  return applyRoster(db, clock, random, ensureLookupKey(db, random), outcome.value);
}
