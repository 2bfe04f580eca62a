// The role rules written out once for the tests, independently of electron/core/staff/access.ts: which roles
// may call each staff channel (every other channel is open to anyone, or demo-only for demo.*).
import type { Role } from '../../electron/core/staff/schema.js';
import type { Channel } from '../../electron/ipc/contract.js';

/** Desk work at the counter: manual entry, the print journal, checkpoint checks, proxy applications. */
export const deskWork: readonly Role[] = ['officer'];
const everyStaffRole: readonly Role[] = ['officer', 'approver', 'community-head', 'admin'];

export const staffChannelRoles: ReadonlyMap<Channel, readonly Role[]> = new Map<Channel, readonly Role[]>([
  ['identity.manual', deskWork],
  ['printer.jobs', deskWork],
  ['printer.reprint', deskWork],
  ['printer.dismiss', deskWork],
  ['printer.preview', deskWork],
  ['code.verify', deskWork],
  ['proxy.holdProxy', deskWork],
  ['proxy.family', deskWork],
  ['proxy.staff', deskWork],
  ['proxy.batchCheck', deskWork],
  ['proxy.batchImport', deskWork],
  // Every member of staff sees the queues, the board and the duty list (UX.md: office staff watch the SLA board).
  ['queue.list', everyStaffRole],
  ['queue.detail', everyStaffRole],
  ['queue.printNotice', everyStaffRole],
  ['officers.list', everyStaffRole],
  ['officers.duty', everyStaffRole],
  ['sla.board', everyStaffRole],
  ['sla.exported', everyStaffRole],
  // Deciding needs approval rights; a community head may step in. Moving work between people is theirs or the admin's.
  ['queue.decide', ['approver', 'community-head']],
  ['queue.reassign', ['community-head', 'admin']],
  ['officers.add', ['admin']],
]);

export type Refusal = { code: 'unauthorized' | 'forbidden'; key: string; params?: { role: Role } };

/** The refusal a caller should get, or null when the call is allowed through to its handler. */
export function expectedRefusal(channel: Channel, who: Role | 'nobody', demo: boolean): Refusal | null {
  if (channel.startsWith('demo.')) return demo ? null : { code: 'forbidden', key: 'errors.demoOnly' };
  const allowed = staffChannelRoles.get(channel);
  if (allowed === undefined) return null;
  if (who === 'nobody') return { code: 'unauthorized', key: 'errors.staffOnly' };
  return allowed.includes(who) ? null : { code: 'forbidden', key: 'errors.roleMissing', params: { role: allowed[0]! } };
}

/** How many refusals one pass over every channel × caller gives (callers: nobody and each single role). */
export function refusalCount(channels: readonly Channel[], roles: readonly Role[], demo: boolean): number {
  let count = 0;
  for (const channel of channels) for (const who of ['nobody' as const, ...roles]) if (expectedRefusal(channel, who, demo)) count += 1;
  return count;
}
