// What another session may ask the host without changing anything: every read-only channel, and inputs that reach data.
import type { Channel } from '../../electron/ipc/contract.js';
import { sampleInputs } from './channel-samples.js';

/**
 * Every contract channel, read-only or not: typed over Channel, so a new channel fails tsc here until someone decides
 * whether the canary test must ask it. 'changes' channels write rows, hold an identity, print or move the demo devices.
 * A read may leave an audit row of who saw what (queue.detail's review.viewed): it is still asked, that is the point.
 */
export const channelKind: { [C in Channel]: 'read' | 'changes' } = {
  'app.info': 'read',
  'system.health': 'read',
  'reader.status': 'read',
  'sync.status': 'read',
  'identity.wedge': 'changes',
  'identity.manual': 'changes',
  'identity.clear': 'changes',
  'staff.signIn': 'changes',
  'staff.cardSignIn': 'changes',
  'staff.signOut': 'changes',
  'staff.session': 'read',
  'printer.status': 'read',
  'printer.jobs': 'read',
  'printer.reprint': 'changes',
  'printer.dismiss': 'changes',
  'printer.preview': 'read',
  'code.verify': 'read',
  'policy.current': 'read',
  'application.begin': 'read',
  'application.submit': 'changes',
  'application.status': 'read',
  'application.reprint': 'changes',
  'application.reportLoss': 'changes',
  'queue.list': 'read',
  'queue.detail': 'read',
  'queue.decide': 'changes',
  'queue.reassign': 'changes',
  'queue.printNotice': 'changes',
  'officers.list': 'read',
  'officers.add': 'changes',
  'officers.duty': 'changes',
  'sla.board': 'read',
  // Writes the export's audit row.
  'sla.exported': 'changes',
  'proxy.holdProxy': 'changes',
  'proxy.family': 'changes',
  'proxy.staff': 'changes',
  // Checks a CSV and reports its lines; nothing is stored.
  'proxy.batchCheck': 'read',
  'proxy.batchImport': 'changes',
  'demo.cards': 'read',
  'demo.tapCard': 'changes',
  'demo.removeCard': 'changes',
  'demo.fault': 'changes',
  'demo.province': 'changes',
  'demo.staff': 'read',
};

export const readOnlyChannels = (Object.keys(channelKind) as Channel[]).filter((c) => channelKind[c] === 'read');

export interface Probe {
  channel: Channel;
  input: unknown;
  /** Asks about one canary's own application or slip: its answer may not even show a mask other residents share. */
  canary?: true;
}

/**
 * The probes: each read-only channel with its sample input, plus inputs that point at the canaries' own rows — a
 * detail for each of their applications, a preview of every slip in the journal (only the canaries printed), the
 * widest queue pages, the SLA board over the days they applied — so "not found" answers alone cannot pass the search.
 */
export function probesFor(targets: {
  applicationIds: readonly string[];
  jobIds: readonly number[];
  days: { from: string; to: string };
}): Probe[] {
  const probes: Probe[] = readOnlyChannels.map((channel) => ({ channel, input: sampleInputs[channel] }));
  for (const scope of ['mine', 'team', 'overdue'] as const)
    probes.push({ channel: 'queue.list', input: { scope, page: 0, pageSize: 200 } });
  probes.push({ channel: 'printer.jobs', input: { limit: 200 } });
  probes.push({ channel: 'sla.board', input: targets.days });
  for (const applicationId of targets.applicationIds) probes.push({ channel: 'queue.detail', input: { applicationId }, canary: true });
  for (const jobId of targets.jobIds) probes.push({ channel: 'printer.preview', input: { jobId }, canary: true });
  return probes;
}
