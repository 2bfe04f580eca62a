// The province's roster and ID-card sign-in on a real database: accounts added, updated, deactivated; all or nothing;
// a roster account opens with its card, whose first sign-in chooses the PIN; a card is never stored as a number.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ensureLookupKey } from '../../electron/core/applications/lookup-key.js';
import { KioskError } from '../../electron/core/errors.js';
import { mod112CheckChar } from '../../electron/core/identity/check-digit.js';
import { createStaffDesk } from '../../electron/core/staff/desk.js';
import { addOfficer, findOfficer, listOfficers } from '../../electron/core/staff/officers.js';
import { applyRoster } from '../../electron/core/staff/roster.js';
import { applicantKey } from '../../electron/core/sync/outbox.js';
import { verifyAuditChain } from '../../electron/core/audit/log.js';
import { migratedDb } from '../helpers/migrated-db.js';

// Invented people: sequence codes 99x mark the numbers as synthetic.
const number = (body17: string) => body17 + mod112CheckChar(body17);
const wang = number('37020219800101991');
const li = number('37020219850202992');
const zhao = number('37020219900303993');

function setup(t: Parameters<typeof migratedDb>[0]) {
  const db = migratedDb(t);
  const clock = { now: () => new Date('2026-11-27T01:00:00Z') };
  let seed = 0;
  const random = { bytes: (n: number) => new Uint8Array(n).fill((seed += 1) % 256) };
  const lookupKey = ensureLookupKey(db, random);
  const desk = createStaffDesk(db, clock, { maxAttempts: 3 });
  t.after(() => desk.close());
  const roster = (officers: { staffNo: string; name: string; roles: string[]; idNumber: string }[]) => ({
    officers,
    updatedAt: '2026-11-27T00:00:00.000Z',
  });
  const cardOf = (idNumber: string) => applicantKey(idNumber, lookupKey);
  return { db, clock, random, lookupKey, desk, roster, cardOf };
}

const rejects = (fn: () => unknown, key: string) => assert.throws(fn, (e: unknown) => e instanceof KioskError && e.key === key);

test('a roster adds, updates and deactivates accounts, keeps chosen PINs, and never stores the card number', (t) => {
  const { db, clock, random, lookupKey, desk, roster, cardOf } = setup(t);
  const first = roster([
    { staffNo: '2001', name: '王建国', roles: ['approver'], idNumber: wang },
    { staffNo: '2002', name: '李秀英', roles: ['officer'], idNumber: li },
  ]);
  assert.deepEqual(applyRoster(db, clock, random, lookupKey, first), { added: 2, updated: 0, deactivated: 0, unchanged: 0 });
  assert.equal(findOfficer(db, '2001')?.cardKey, cardOf(wang));
  assert.ok(!JSON.stringify(db.prepare('SELECT * FROM officer').all()).includes(wang.slice(0, 17)));

  // A roster account has no PIN anybody knows: the number + PIN path refuses it, the card path chooses the PIN.
  rejects(() => desk.signIn('2001', '135790'), 'errors.signInFailed');
  assert.equal(desk.signInByCard(cardOf(wang), '135790', random).officer?.staffNo, '2001');
  desk.signOut();
  assert.equal(desk.signIn('2001', '135790').officer?.staffNo, '2001', 'the chosen PIN now works with the number too');
  desk.signOut();
  rejects(() => desk.signInByCard(cardOf(wang), '999999', random), 'errors.cardSignInFailed');

  const second = roster([{ staffNo: '2001', name: '王建国', roles: ['approver', 'community-head'], idNumber: wang }]);
  assert.deepEqual(applyRoster(db, clock, random, lookupKey, second), { added: 0, updated: 1, deactivated: 1, unchanged: 0 });
  assert.deepEqual(findOfficer(db, '2001')?.roles, ['approver', 'community-head']);
  assert.equal(findOfficer(db, '2002')?.active, false);
  assert.equal(desk.signIn('2001', '135790').officer?.staffNo, '2001', 'the roster update kept the chosen PIN');
  assert.deepEqual(applyRoster(db, clock, random, lookupKey, second), { added: 0, updated: 0, deactivated: 0, unchanged: 1 });
  assert.deepEqual(verifyAuditChain(db), { ok: true, rows: 3 });
});

test('a roster with one bad entry changes nothing and names the staff number only', (t) => {
  const { db, clock, random, lookupKey, roster } = setup(t);
  addOfficer(db, clock, random, { staffNo: '0001', name: '演示审核员', roles: ['officer'], pin: '246810', demo: true });
  const badNumber = `${wang.slice(0, 17)}${wang.endsWith('0') ? '1' : '0'}`;
  for (const [officers, staffNo] of [
    [
      [
        { staffNo: '2001', name: '王建国', roles: ['approver'], idNumber: wang },
        { staffNo: '2002', name: '李秀英', roles: ['officer'], idNumber: badNumber },
      ],
      '2002',
    ],
    [
      [
        { staffNo: '2001', name: '王建国', roles: ['approver'], idNumber: wang },
        { staffNo: '2001', name: '赵', roles: ['officer'], idNumber: zhao },
      ],
      '2001',
    ],
    [
      [
        { staffNo: '2001', name: '王建国', roles: ['approver'], idNumber: wang },
        { staffNo: '2003', name: '赵', roles: ['officer'], idNumber: wang },
      ],
      '2003',
    ],
    [[{ staffNo: '0001', name: '演示', roles: ['officer'], idNumber: zhao }], '0001'],
    [[{ staffNo: '2001', name: '王建国', roles: ['boss'], idNumber: wang }], '2001'],
  ] as const) {
    assert.throws(
      () => applyRoster(db, clock, random, lookupKey, roster(officers as never)),
      (e: unknown) =>
        e instanceof KioskError && e.key === 'errors.rosterInvalid' && JSON.stringify(e.params) === JSON.stringify({ staffNo }),
    );
  }
  assert.deepEqual(
    listOfficers(db).map((o) => o.staffNo),
    ['0001'],
  );
});

test('an admin-made account is taken over when the roster names it; a card cannot belong to two accounts', (t) => {
  const { db, clock, random, lookupKey, roster, cardOf, desk } = setup(t);
  addOfficer(db, clock, random, { staffNo: '3001', name: '赵', roles: ['officer'], pin: '246810', cardKey: cardOf(zhao) });
  rejects(
    () => addOfficer(db, clock, random, { staffNo: '3002', name: '钱', roles: ['officer'], pin: '246810', cardKey: cardOf(zhao) }),
    'errors.cardTaken',
  );
  rejects(
    () => applyRoster(db, clock, random, lookupKey, roster([{ staffNo: '2001', name: '王建国', roles: ['approver'], idNumber: zhao }])),
    'errors.cardTaken',
  );
  assert.deepEqual(
    applyRoster(db, clock, random, lookupKey, roster([{ staffNo: '3001', name: '赵敏', roles: ['approver'], idNumber: zhao }])),
    {
      added: 0,
      updated: 1,
      deactivated: 0,
      unchanged: 0,
    },
  );
  assert.equal(findOfficer(db, '3001')?.source, 'roster');
  assert.equal(desk.signInByCard(cardOf(zhao), '246810', random).officer?.staffNo, '3001', 'the PIN the admin set is kept');
  rejects(() => desk.signInByCard('f'.repeat(64), '246810', random), 'errors.cardSignInFailed');
});
