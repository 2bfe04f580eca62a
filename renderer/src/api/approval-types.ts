// The staff console's vocabulary (approval queue, decisions, duty, SLA board, proxies), taken from the contract (the
// screen may import nothing from electron/ but ipc), and which roles may do what (a mirror of core's access table:
// it only hides buttons; core checks every call and its refusal is shown when it comes).
import { batchColumns, channels, type ChannelInput, type ChannelOutput, type EventPayload } from '../../../electron/ipc/contract.js';
import type { Role, SignedInOfficer } from './staff-types';

export type QueuePage = ChannelOutput<'queue.list'>;
export type QueueItem = QueuePage['items'][number];
export type QueueScope = ChannelInput<'queue.list'>['scope'];
export type SlaLevel = QueueItem['level'];
export type ReviewSource = QueueItem['source'];
export type OfficerRef = NonNullable<QueueItem['assignedTo']>;
export type ReviewDetail = ChannelOutput<'queue.detail'>;
export type ReviewEvent = ReviewDetail['history'][number];
export type ReviewEventKind = ReviewEvent['kind'];
export type RefusableRule = ReviewDetail['refusableRules'][number];
export type Decision = ChannelInput<'queue.decide'>['decision'];
export type OfficerView = ChannelOutput<'officers.list'>[number];
export type DutyChange = ChannelInput<'officers.duty'>;
export type SlaBoard = ChannelOutput<'sla.board'>;
export type OfficerSlaRow = SlaBoard['officers'][number];
export type SlaDay = SlaBoard['days'][number];
export type SlaAlert = EventPayload<'sla.alert'>;
export type ProxyOutput = ChannelOutput<'proxy.family'>;
export type FamilyProxyInput = ChannelInput<'proxy.family'>;
export type StaffProxyInput = ChannelInput<'proxy.staff'>;
export type ProxySubject = FamilyProxyInput['subject'];
export type ConsentKind = FamilyProxyInput['consent'];
export type VerificationMethod = StaffProxyInput['verification'];
export type BatchReport = ChannelOutput<'proxy.batchCheck'>;
export type BatchProblem = BatchReport['problems'][number];

export { batchColumns };
export const queueScopes: readonly QueueScope[] = channels['queue.list'].input.shape.scope.options;
export const consentKinds: readonly ConsentKind[] = channels['proxy.family'].input.shape.consent.options;
export const verificationMethods: readonly VerificationMethod[] = channels['proxy.staff'].input.shape.verification.options;

/** What each console action needs (electron/core/staff/access.ts; the duty rule is core's duty.ts). */
const anyStaff: readonly Role[] = ['officer', 'approver', 'community-head', 'admin'];
export const actionRoles = {
  queue: anyStaff,
  board: anyStaff,
  duty: anyStaff,
  decide: ['approver', 'community-head'],
  reassign: ['community-head', 'admin'],
  manageDuty: ['community-head', 'admin'],
  enrol: ['admin'],
  proxy: ['officer'],
} as const satisfies Record<string, readonly Role[]>;
export type ConsoleAction = keyof typeof actionRoles;

export const may = (officer: SignedInOfficer, action: ConsoleAction) =>
  officer.roles.some((role) => (actionRoles[action] as readonly Role[]).includes(role));
