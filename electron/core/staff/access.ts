// Who may call which contract channel: one table over every channel, and the pure check core runs before each handler.
import { KioskError } from '../errors.js';
import type { Officer } from './officers.js';
import type { Role } from './schema.js';

/**
 * 'anyone': the resident screens, no sign-in. 'demo': anyone, but only on a demo terminal.
 * `{ roles }`: a signed-in officer holding at least one of these roles (the first is the one a refusal names).
 */
export type Access = 'anyone' | 'demo' | { readonly roles: readonly [Role, ...Role[]] };

const officer = { roles: ['officer'] } as const satisfies Access;
// Deciding needs approval rights; a community head may step in on an escalated item.
const approver = { roles: ['approver', 'community-head'] } as const satisfies Access;
// Moving work between people is the community head's (or the admin's) call, not the approvers' own.
const manager = { roles: ['community-head', 'admin'] } as const satisfies Access;
const anyStaff = { roles: ['officer', 'approver', 'community-head', 'admin'] } as const satisfies Access;

/**
 * Keyed by contract channel name. Core may not import the contract (electron/ipc), so the app layer proves this table
 * names exactly the contract's channels (electron/app/create-app.ts fails tsc otherwise) and a unit test checks it too.
 * Roles are not a ladder: an admin or approver who also does desk work holds the officer role as well.
 */
export const channelAccess = {
  'app.info': 'anyone',
  // Version, schema number and integrity only: the start screen shows it before anyone signs in.
  'system.health': 'anyone',
  'reader.status': 'anyone',
  'sync.status': 'anyone',
  // The keyboard-wedge reader types into the resident screen; core validates and masks what it typed.
  'identity.wedge': 'anyone',
  // Typing a number by hand stands in for a card, so only reviewing staff may do it (residents never type).
  'identity.manual': officer,
  // The screen calls it on goodbye and on idle expiry; forgetting an identity can only remove data.
  'identity.clear': 'anyone',
  // Sign-in is how one becomes staff; signing out and asking who is signed in reveal nothing beyond the session view.
  'staff.signIn': 'anyone',
  'staff.cardSignIn': 'anyone',
  'staff.signOut': 'anyone',
  'staff.session': 'anyone',
  // Residents see whether the printer works; counts only, no jobs.
  'printer.status': 'anyone',
  // The journal lists every resident's slips: office staff only, and reprint/dismiss are attributed to them.
  'printer.jobs': officer,
  'printer.reprint': officer,
  'printer.dismiss': officer,
  'printer.preview': officer,
  // The checkpoint verdict may carry a masked holder: checkpoint staff only.
  'code.verify': officer,
  'policy.current': 'anyone',
  // The resident's own flow: the readId of the card just read is what ties a call to a person.
  'application.begin': 'anyone',
  'application.submit': 'anyone',
  'application.status': 'anyone',
  'application.reprint': 'anyone',
  'application.reportLoss': 'anyone',
  // Every staff member sees the queues and the board (UX.md: office staff watch the SLA board); deciding needs rights.
  'queue.list': anyStaff,
  'queue.detail': anyStaff,
  'queue.decide': approver,
  'queue.reassign': manager,
  'queue.printNotice': anyStaff,
  'officers.list': anyStaff,
  // Accounts are the admin's (or the province roster's); nobody else creates staff.
  'officers.add': { roles: ['admin'] },
  // Anyone may set their own duty and delegation; core refuses changing someone else's unless manager (duty.ts).
  'officers.duty': anyStaff,
  'sla.board': anyStaff,
  'sla.exported': anyStaff,
  // Proxy applications are desk work: the officer at the counter is recorded as the one who took them.
  'proxy.holdProxy': officer,
  'proxy.family': officer,
  'proxy.staff': officer,
  'proxy.batchCheck': officer,
  'proxy.batchImport': officer,
  'demo.cards': 'demo',
  'demo.tapCard': 'demo',
  'demo.removeCard': 'demo',
  'demo.fault': 'demo',
  'demo.province': 'demo',
  // It hands out the demo officer's PIN, which must never be shown on a configured terminal.
  'demo.staff': 'demo',
} as const satisfies Record<string, Access>;

export type AccessChannel = keyof typeof channelAccess;

export interface Caller {
  /** The signed-in officer of this terminal, if any (idle expiry already applied). */
  officer: Pick<Officer, 'roles'> | undefined;
  /** Whether this terminal runs in demo mode. */
  demo: boolean;
}

/** Refuses the call with a KioskError, or returns when the caller may make it. Pure: reads nothing but its arguments. */
export function checkAccess(channel: AccessChannel, caller: Caller): void {
  const access: Access = channelAccess[channel];
  if (access === 'anyone') return;
  if (access === 'demo') {
    if (!caller.demo) throw new KioskError('forbidden', 'errors.demoOnly');
    return;
  }
  if (!caller.officer) throw new KioskError('unauthorized', 'errors.staffOnly');
  const held = caller.officer.roles;
  if (!access.roles.some((role) => held.includes(role))) {
    throw new KioskError('forbidden', 'errors.roleMissing', { role: access.roles[0] });
  }
}

/** Whether a channel needs a signed-in officer (such calls count as staff activity for the idle sign-out). */
export const needsOfficer = (channel: AccessChannel): boolean => typeof channelAccess[channel] === 'object';
