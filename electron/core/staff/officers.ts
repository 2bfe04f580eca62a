// The officer table: add, find, and the failed-attempt counter behind the lockout.
import type { Clock, RandomSource } from '../clock.js';
import type { Db } from '../db/open.js';
import { KioskError } from '../errors.js';
import { hashPin, type PinHash } from './pin.js';
import { PinSchema, RoleSchema, StaffNoSchema, type Role } from './schema.js';

export interface Officer {
  staffNo: string;
  name: string;
  roles: Role[];
  pin: PinHash;
  failedAttempts: number;
  lockedUntil: string | null;
  demo: boolean;
  active: boolean;
  /** HMAC of the officer's ID card number under the terminal's lookup key, when a card is registered. */
  cardKey: string | null;
  source: OfficerSource;
  /** A roster account without a PIN yet: the first card sign-in chooses it. */
  pinMustSet: boolean;
}

export type OfficerSource = 'admin' | 'roster' | 'demo';

export interface NewOfficer {
  staffNo: string;
  name: string;
  roles: Role[];
  /** Without a PIN the account opens with its card (cardKey required): the first card sign-in chooses the PIN. */
  pin?: string;
  demo?: boolean;
  cardKey?: string | null;
  /** 'admin' unless given ('demo' for a demo account). */
  source?: OfficerSource;
}

interface Row {
  staff_no: string;
  name: string;
  roles: string;
  pin_salt: Buffer;
  pin_hash: Buffer;
  failed_attempts: number;
  locked_until: string | null;
  demo: number;
  active: number;
  card_key: string | null;
  source: OfficerSource;
  pin_must_set: number;
}

const toOfficer = (r: Row): Officer => ({
  staffNo: r.staff_no,
  name: r.name,
  roles: r.roles.split(' ').map((role) => RoleSchema.parse(role)),
  pin: { salt: r.pin_salt, hash: r.pin_hash },
  failedAttempts: r.failed_attempts,
  lockedUntil: r.locked_until,
  demo: r.demo === 1,
  active: r.active === 1,
  cardKey: r.card_key,
  source: r.source,
  pinMustSet: r.pin_must_set === 1,
});

export function addOfficer(db: Db, clock: Clock, random: RandomSource, officer: NewOfficer): void {
  if (!StaffNoSchema.safeParse(officer.staffNo).success) throw new KioskError('invalid-input', 'errors.staffNoInvalid');
  if (officer.pin === undefined ? !officer.cardKey : !PinSchema.safeParse(officer.pin).success) {
    throw new KioskError('invalid-input', 'errors.pinInvalid');
  }
  const name = officer.name.trim();
  if (name.length === 0 || name.length > 40) throw new KioskError('invalid-input', 'errors.officerNameInvalid');
  if (officer.roles.length === 0) throw new KioskError('invalid-input', 'errors.rolesMissing');
  if (findOfficer(db, officer.staffNo)) throw new KioskError('conflict', 'errors.officerExists', { staffNo: officer.staffNo });
  if (officer.cardKey && findOfficerByCard(db, officer.cardKey)) throw new KioskError('conflict', 'errors.cardTaken');
  // A PIN nobody knows until the officer chooses one with their card in hand.
  const { salt, hash } = hashPin(officer.pin ?? Buffer.from(random.bytes(16)).toString('hex'), random);
  db.prepare(
    `INSERT INTO officer (staff_no, name, roles, pin_salt, pin_hash, demo, source, card_key, pin_must_set, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    officer.staffNo,
    name,
    [...new Set(officer.roles)].join(' '),
    salt,
    hash,
    officer.demo ? 1 : 0,
    officer.demo ? 'demo' : (officer.source ?? 'admin'),
    officer.cardKey ?? null,
    officer.pin === undefined ? 1 : 0,
    clock.now().toISOString(),
  );
}

export function findOfficerByCard(db: Db, cardKey: string): Officer | undefined {
  const row = db.prepare('SELECT * FROM officer WHERE card_key = ?').get(cardKey) as Row | undefined;
  return row && toOfficer(row);
}

/** The PIN an officer chose (first card sign-in of a roster account): stored as a fresh salted hash. */
export function setPin(db: Db, random: RandomSource, staffNo: string, pin: string): void {
  if (!PinSchema.safeParse(pin).success) throw new KioskError('invalid-input', 'errors.pinInvalid');
  const { salt, hash } = hashPin(pin, random);
  db.prepare('UPDATE officer SET pin_salt = ?, pin_hash = ?, pin_must_set = 0 WHERE staff_no = ?').run(salt, hash, staffNo);
}

export function findOfficer(db: Db, staffNo: string): Officer | undefined {
  const row = db.prepare('SELECT * FROM officer WHERE staff_no = ?').get(staffNo) as Row | undefined;
  return row && toOfficer(row);
}

export function listOfficers(db: Db): Officer[] {
  return (db.prepare('SELECT * FROM officer ORDER BY staff_no').all() as Row[]).map(toOfficer);
}

export function recordFailedSignIn(db: Db, staffNo: string, lockedUntil: string | null): void {
  db.prepare('UPDATE officer SET failed_attempts = failed_attempts + 1, locked_until = ? WHERE staff_no = ?').run(lockedUntil, staffNo);
}

export function clearFailedSignIns(db: Db, staffNo: string): void {
  db.prepare('UPDATE officer SET failed_attempts = 0, locked_until = NULL WHERE staff_no = ?').run(staffNo);
}

/** A configured terminal keeps no demo accounts: their PIN is printed in the trainer panel. */
export function removeDemoOfficers(db: Db): number {
  return db.prepare('DELETE FROM officer WHERE demo = 1').run().changes;
}
