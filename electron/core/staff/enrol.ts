// An admin enrols a new officer at the terminal: the officer's own ID card on the reader gives the name and the card
// that signs them in; they choose their PIN at the first card sign-in, so no PIN ever passes through the admin.
import { appendAudit } from '../audit/log.js';
import type { Clock, RandomSource } from '../clock.js';
import type { Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import type { HeldIdentity } from '../identity/current.js';
import { applicantKey } from '../sync/outbox.js';
import { addOfficer, type Officer } from './officers.js';
import type { Role } from './schema.js';

export interface Enrolment {
  staffNo: string;
  roles: Role[];
  /** The card just read: a card without a name (a typed number) cannot name an account. */
  card: HeldIdentity;
  lookupKey: Uint8Array;
}

/**
 * Throws KioskError: forbidden (errors.roleMissing) unless `by` is an admin; invalid-input (errors.nameNeeded) for a
 * read without a name, and addOfficer's refusals (staff number, roles, officerExists, cardTaken). All or nothing.
 */
export function enrolOfficer(db: Db, clock: Clock, random: RandomSource, enrolment: Enrolment, by: Officer): void {
  if (!by.active || !by.roles.includes('admin')) throw new KioskError('forbidden', 'errors.roleMissing', { role: 'admin' });
  const name = enrolment.card.name?.trim() ?? '';
  if (name === '') throw new KioskError('invalid-input', 'errors.nameNeeded');
  db.transaction(() => {
    addOfficer(db, clock, random, {
      staffNo: enrolment.staffNo,
      name,
      roles: enrolment.roles,
      cardKey: applicantKey(enrolment.card.number, enrolment.lookupKey),
    });
    appendAudit(db, {
      at: clock.now(),
      actor: by.staffNo,
      action: 'officer.enrolled',
      subject: `officer:${enrolment.staffNo}`,
      detail: { roles: [...new Set(enrolment.roles)] },
    });
  }).immediate();
}
