// The access table: total over the contract, and every channel × caller × terminal answered as the rules say.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KioskError } from '../../electron/core/errors.js';
import { channelAccess, checkAccess, needsOfficer, type Caller } from '../../electron/core/staff/access.js';
import { roles, type Role } from '../../electron/core/staff/schema.js';
import { channelNames, type Channel } from '../../electron/ipc/contract.js';

/** The rules written out again, independently of the table: what only reviewing staff may do at this terminal. */
const officerChannels: ReadonlySet<Channel> = new Set<Channel>([
  'identity.manual',
  'printer.jobs',
  'printer.reprint',
  'printer.dismiss',
  'printer.preview',
  'code.verify',
]);
const isDemoChannel = (channel: Channel) => channel.startsWith('demo.');

type Expected = 'allowed' | 'errors.staffOnly' | 'errors.roleMissing' | 'errors.demoOnly';

function expected(channel: Channel, who: Role | 'nobody', demo: boolean): Expected {
  if (isDemoChannel(channel)) return demo ? 'allowed' : 'errors.demoOnly';
  if (!officerChannels.has(channel)) return 'allowed';
  if (who === 'nobody') return 'errors.staffOnly';
  return who === 'officer' ? 'allowed' : 'errors.roleMissing';
}

function outcome(channel: Channel, caller: Caller): { key: Expected; code?: string; params?: unknown } {
  try {
    checkAccess(channel, caller);
    return { key: 'allowed' };
  } catch (error) {
    assert.ok(error instanceof KioskError, `${channel} threw something other than a KioskError`);
    return { key: error.key as Expected, code: error.code, params: error.params };
  }
}

const callers: (Role | 'nobody')[] = ['nobody', ...roles];

test('the table names exactly the contract channels', () => {
  assert.deepEqual(Object.keys(channelAccess).sort(), [...channelNames].sort());
  assert.ok(channelNames.length >= 28, 'the contract scan found the channels');
});

test('every channel × caller × terminal is allowed or refused with the right code and key', () => {
  let refused = 0;
  for (const channel of channelNames) {
    for (const who of callers) {
      for (const demo of [true, false]) {
        const caller: Caller = { officer: who === 'nobody' ? undefined : { roles: [who] }, demo };
        const got = outcome(channel, caller);
        const want = expected(channel, who, demo);
        const label = `${channel} as ${who} on a ${demo ? 'demo' : 'configured'} terminal`;
        assert.equal(got.key, want, label);
        if (want === 'errors.staffOnly') assert.equal(got.code, 'unauthorized', label);
        if (want === 'errors.roleMissing') {
          assert.equal(got.code, 'forbidden', label);
          assert.deepEqual(got.params, { role: 'officer' }, label);
        }
        if (want === 'errors.demoOnly') assert.equal(got.code, 'forbidden', label);
        if (want !== 'allowed') refused += 1;
      }
    }
  }
  // 6 officer channels × (nobody + 3 other roles) × 2 terminals, and 6 demo channels × 5 callers on a configured one.
  assert.equal(refused, 6 * 4 * 2 + 6 * 5);
});

test('an officer holding several roles is allowed when any one of them suffices', () => {
  for (const channel of officerChannels) {
    assert.deepEqual(outcome(channel, { officer: { roles: ['admin', 'officer'] }, demo: false }), { key: 'allowed' });
    assert.equal(outcome(channel, { officer: { roles: ['admin', 'approver', 'community-head'] }, demo: true }).key, 'errors.roleMissing');
  }
});

test('a demo channel ignores who is signed in; a staff channel ignores the terminal', () => {
  const admin: Caller['officer'] = { roles: ['admin'] };
  assert.equal(outcome('demo.staff', { officer: admin, demo: false }).key, 'errors.demoOnly');
  assert.equal(outcome('demo.staff', { officer: undefined, demo: true }).key, 'allowed');
  assert.equal(outcome('code.verify', { officer: { roles: ['officer'] }, demo: false }).key, 'allowed');
});

test('needsOfficer is true exactly for the channels that name roles', () => {
  for (const channel of channelNames) assert.equal(needsOfficer(channel), officerChannels.has(channel), channel);
});
