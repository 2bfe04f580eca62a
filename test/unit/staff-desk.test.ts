// Staff sign-in on a real database: right PIN, wrong PIN, lockout and its end, unknown numbers, idle sign-out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KioskError } from '../../electron/core/errors.js';
import { createStaffDesk } from '../../electron/core/staff/desk.js';
import { addOfficer, removeDemoOfficers } from '../../electron/core/staff/officers.js';
import type { StaffSession } from '../../electron/core/staff/schema.js';
import { migratedDb } from '../helpers/migrated-db.js';

function setup(t: Parameters<typeof migratedDb>[0]) {
  const db = migratedDb(t);
  let now = Date.parse('2026-11-27T01:00:00Z');
  const clock = { now: () => new Date(now) };
  const random = { bytes: (n: number) => new Uint8Array(n).fill(3) };
  addOfficer(db, clock, random, { staffNo: '1024', name: '王建国', roles: ['approver', 'officer'], pin: '135790' });
  const changes: StaffSession[] = [];
  const desk = createStaffDesk(db, clock, { maxAttempts: 3, lockMinutes: 15, idleMinutes: 5, onChange: (s) => changes.push(s) });
  t.after(() => desk.close());
  return { db, desk, changes, advance: (ms: number) => (now += ms), clock, random };
}

const rejects = (fn: () => unknown, key: string, params?: object) =>
  assert.throws(
    fn,
    (e: unknown) => e instanceof KioskError && e.key === key && (!params || JSON.stringify(e.params) === JSON.stringify(params)),
  );

test('the right PIN signs in with a masked name; sign-out ends it; both are announced', (t) => {
  const { desk, changes } = setup(t);
  const session = desk.signIn('1024', '135790');
  assert.deepEqual(session, { officer: { staffNo: '1024', maskedName: '王**', roles: ['approver', 'officer'] } });
  assert.equal(desk.requireOfficer().staffNo, '1024');
  assert.deepEqual(desk.signOut(), { officer: null });
  assert.deepEqual(
    changes.map((c) => c.officer?.staffNo ?? null),
    ['1024', null],
  );
  rejects(() => desk.requireOfficer(), 'errors.staffOnly');
});

test('wrong PINs lock the account after the limit, even for the right PIN, until the lock ends', (t) => {
  const { desk, advance } = setup(t);
  rejects(() => desk.signIn('1024', '000000'), 'errors.signInFailed');
  rejects(() => desk.signIn('1024', '000001'), 'errors.signInFailed');
  rejects(() => desk.signIn('1024', '000002'), 'errors.signInLocked', { minutes: 15 });
  rejects(() => desk.signIn('1024', '135790'), 'errors.signInLocked', { minutes: 15 });
  advance(10 * 60_000);
  rejects(() => desk.signIn('1024', '135790'), 'errors.signInLocked', { minutes: 5 });
  advance(5 * 60_000);
  assert.equal(desk.signIn('1024', '135790').officer?.staffNo, '1024');
});

test('a success resets the counter', (t) => {
  const { desk } = setup(t);
  rejects(() => desk.signIn('1024', '000000'), 'errors.signInFailed');
  rejects(() => desk.signIn('1024', '000000'), 'errors.signInFailed');
  desk.signIn('1024', '135790');
  rejects(() => desk.signIn('1024', '000000'), 'errors.signInFailed');
  rejects(() => desk.signIn('1024', '000000'), 'errors.signInFailed');
});

test('an unknown staff number answers like a wrong PIN and never locks', (t) => {
  const { desk } = setup(t);
  const sameWords = { attempts: 3, minutes: 15 };
  rejects(() => desk.signIn('1024', '000000'), 'errors.signInFailed', sameWords);
  for (let i = 0; i < 5; i++) rejects(() => desk.signIn('9999', '135790'), 'errors.signInFailed', sameWords);
});

test('an idle officer is signed out, and the sign-out is announced', (t) => {
  const { desk, advance, changes } = setup(t);
  desk.signIn('1024', '135790');
  advance(4 * 60_000);
  desk.requireOfficer();
  advance(4 * 60_000);
  assert.equal(desk.session().officer?.staffNo, '1024', 'activity restarted the idle period');
  advance(5 * 60_000);
  rejects(() => desk.requireOfficer(), 'errors.staffOnly');
  assert.equal(changes.at(-1)?.officer, null);
});

test('demo officers disappear when the terminal is configured', (t) => {
  const { db, clock, random, desk } = setup(t);
  addOfficer(db, clock, random, { staffNo: '0001', name: '演示审核员', roles: ['officer'], pin: '246810', demo: true });
  assert.equal(removeDemoOfficers(db), 1);
  rejects(() => desk.signIn('0001', '246810'), 'errors.signInFailed');
  assert.equal(desk.signIn('1024', '135790').officer?.staffNo, '1024');
});

test('bad officer data is refused with a specific key', (t) => {
  const { db, clock, random } = setup(t);
  const base = { staffNo: '2048', name: '李四', roles: ['officer' as const], pin: '246810' };
  rejects(() => addOfficer(db, clock, random, { ...base, staffNo: '12' }), 'errors.staffNoInvalid');
  rejects(() => addOfficer(db, clock, random, { ...base, pin: '12345' }), 'errors.pinInvalid');
  rejects(() => addOfficer(db, clock, random, { ...base, name: '  ' }), 'errors.officerNameInvalid');
  rejects(() => addOfficer(db, clock, random, { ...base, roles: [] }), 'errors.rolesMissing');
  rejects(() => addOfficer(db, clock, random, { ...base, staffNo: '1024' }), 'errors.officerExists');
});
