// The access table: total over the contract, and every channel × caller × terminal answered as the rules say.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KioskError } from '../../electron/core/errors.js';
import { channelAccess, checkAccess, needsOfficer, type Caller } from '../../electron/core/staff/access.js';
import { roles, type Role } from '../../electron/core/staff/schema.js';
import { channelNames, type Channel } from '../../electron/ipc/contract.js';
import { deskWork, expectedRefusal as refusalOf, staffChannelRoles } from '../helpers/role-rules.js';

const officerChannels: ReadonlySet<Channel> = new Set(staffChannelRoles.keys());
function outcome(channel: Channel, caller: Caller): { key: string | null; code?: string; params?: unknown } {
  try {
    checkAccess(channel, caller);
    return { key: null };
  } catch (error) {
    assert.ok(error instanceof KioskError, `${channel} threw something other than a KioskError`);
    return { key: error.key, code: error.code, ...(error.params === undefined ? {} : { params: error.params }) };
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
        const want = refusalOf(channel, who, demo);
        const label = `${channel} as ${who} on a ${demo ? 'demo' : 'configured'} terminal`;
        assert.deepEqual(outcome(channel, caller), want === null ? { key: null } : { ...want }, label);
        if (want !== null) refused += 1;
      }
    }
  }
  // Each staff channel refuses nobody and every role it does not list, on both terminals; demo channels refuse all
  // 5 callers on a configured one.
  const staffRefusals = [...staffChannelRoles.values()].reduce((sum, allowed) => sum + 1 + roles.length - allowed.length, 0);
  assert.equal(refused, staffRefusals * 2 + 6 * 5);
});

test('an officer holding several roles is allowed when any one of them suffices', () => {
  for (const channel of [...officerChannels].filter((c) => staffChannelRoles.get(c) === deskWork)) {
    assert.deepEqual(outcome(channel, { officer: { roles: ['admin', 'officer'] }, demo: false }), { key: null });
    assert.equal(outcome(channel, { officer: { roles: ['admin', 'approver', 'community-head'] }, demo: true }).key, 'errors.roleMissing');
  }
});

test('a demo channel ignores who is signed in; a staff channel ignores the terminal', () => {
  const admin: Caller['officer'] = { roles: ['admin'] };
  assert.equal(outcome('demo.staff', { officer: admin, demo: false }).key, 'errors.demoOnly');
  assert.equal(outcome('demo.staff', { officer: undefined, demo: true }).key, null);
  assert.equal(outcome('code.verify', { officer: { roles: ['officer'] }, demo: false }).key, null);
});

test('needsOfficer is true exactly for the channels that name roles', () => {
  for (const channel of channelNames) assert.equal(needsOfficer(channel), officerChannels.has(channel), channel);
});
