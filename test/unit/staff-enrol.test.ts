// An admin enrols an officer by their ID card: the card names the account, no PIN passes through the admin, the first
// card sign-in chooses it; only admins enrol; a refused enrolment leaves nothing behind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ensureLookupKey } from '../../electron/core/applications/lookup-key.js';
import { verifyAuditChain } from '../../electron/core/audit/log.js';
import { KioskError } from '../../electron/core/errors.js';
import type { HeldIdentity } from '../../electron/core/identity/current.js';
import { mod112CheckChar } from '../../electron/core/identity/check-digit.js';
import { createStaffDesk } from '../../electron/core/staff/desk.js';
import { enrolOfficer } from '../../electron/core/staff/enrol.js';
import { addOfficer, findOfficer } from '../../electron/core/staff/officers.js';
import { applicantKey } from '../../electron/core/sync/outbox.js';
import { migratedDb } from '../helpers/migrated-db.js';

// An invented person: sequence code 99x marks the number as synthetic.
const body = '37020219900303993';
const card: HeldIdentity = {
  source: 'card',
  documentType: 'resident',
  number: body + mod112CheckChar(body),
  name: '赵敏',
  birthDate: '1990-03-03',
  sex: 'F',
  region: '370202',
  validTo: 'long-term',
};

function setup(t: Parameters<typeof migratedDb>[0]) {
  const db = migratedDb(t);
  const clock = { now: () => new Date('2026-11-27T01:00:00Z') };
  let n = 0;
  const random = { bytes: (size: number) => new Uint8Array(size).fill((n += 1) % 256) };
  const lookupKey = ensureLookupKey(db, random);
  addOfficer(db, clock, random, { staffNo: '9001', name: '钱管理', roles: ['admin'], pin: '135790' });
  addOfficer(db, clock, random, { staffNo: '9002', name: '孙书记', roles: ['community-head', 'officer'], pin: '135790' });
  const desk = createStaffDesk(db, clock);
  t.after(() => desk.close());
  return { db, clock, random, lookupKey, desk, admin: findOfficer(db, '9001')!, head: findOfficer(db, '9002')! };
}

const refused = (fn: () => unknown, key: string) => assert.throws(fn, (e: unknown) => e instanceof KioskError && e.key === key);

test("an admin enrols by card: the card's name, no PIN until the officer's first card sign-in chooses it", (t) => {
  const { db, clock, random, lookupKey, desk, admin } = setup(t);
  enrolOfficer(db, clock, random, { staffNo: '2001', roles: ['approver', 'officer'], card, lookupKey }, admin);
  const enrolled = findOfficer(db, '2001')!;
  assert.deepEqual([enrolled.name, enrolled.roles, enrolled.pinMustSet, enrolled.source], ['赵敏', ['approver', 'officer'], true, 'admin']);
  assert.equal(enrolled.cardKey, applicantKey(card.number, lookupKey));
  refused(() => desk.signIn('2001', '135790'), 'errors.signInFailed');
  assert.equal(desk.signInByCard(applicantKey(card.number, lookupKey), '246813', random).officer?.staffNo, '2001');
  desk.signOut();
  assert.equal(desk.signIn('2001', '246813').officer?.staffNo, '2001', 'the PIN the officer chose');
  const audit = db.prepare("SELECT actor, subject FROM audit WHERE action = 'officer.enrolled'").all();
  assert.deepEqual(audit, [{ actor: '9001', subject: 'officer:2001' }]);
  assert.deepEqual(verifyAuditChain(db), { ok: true, rows: 1 });
});

test('only an admin enrols; a nameless read, a taken card or a taken number leave nothing behind', (t) => {
  const { db, clock, random, lookupKey, admin, head } = setup(t);
  refused(() => enrolOfficer(db, clock, random, { staffNo: '2001', roles: ['officer'], card, lookupKey }, head), 'errors.roleMissing');
  refused(
    () => enrolOfficer(db, clock, random, { staffNo: '2001', roles: ['officer'], card: { ...card, name: null }, lookupKey }, admin),
    'errors.nameNeeded',
  );
  refused(() => enrolOfficer(db, clock, random, { staffNo: '9002', roles: ['officer'], card, lookupKey }, admin), 'errors.officerExists');
  enrolOfficer(db, clock, random, { staffNo: '2001', roles: ['officer'], card, lookupKey }, admin);
  refused(() => enrolOfficer(db, clock, random, { staffNo: '2002', roles: ['officer'], card, lookupKey }, admin), 'errors.cardTaken');
  refused(
    () => enrolOfficer(db, clock, random, { staffNo: '2003', roles: [], card: { ...card, number: '1' }, lookupKey }, admin),
    'errors.rolesMissing',
  );
  assert.deepEqual(
    (db.prepare('SELECT staff_no FROM officer ORDER BY staff_no').all() as { staff_no: string }[]).map((r) => r.staff_no),
    ['2001', '9001', '9002'],
  );
  assert.equal((db.prepare("SELECT count(*) AS n FROM audit WHERE action = 'officer.enrolled'").get() as { n: number }).n, 1);
});
