// The synthetic officers of a demo terminal (the first is printed in the trainer panel; all share its PIN; they are
// deleted once the terminal is configured) and the demo hall's two weeks of history.
import type { Clock, RandomSource } from '../core/clock.js';
import type { Db } from '../core/db/open.js';
import { ensureLookupKey } from '../core/applications/lookup-key.js';
import { updateDuty } from '../core/approvals/duty.js';
import { seedDemoReviews } from '../core/approvals/demo-seed.js';
import type { PolicySet } from '../core/policy/schema.js';
import { addOfficer, findOfficer, removeDemoOfficers } from '../core/staff/officers.js';
import type { Role } from '../core/staff/schema.js';
import { applicantKey } from '../core/sync/outbox.js';
import { demoCards } from '../../emulators/id-reader/demo-cards.js';

export const DEMO_STAFF = { staffNo: '0001', pin: '246810', name: '演示审核员', roles: ['officer', 'approver'] } as const;

/** A hall's team for training: two approvers (so assignment and backup show), a community head and an admin. */
export const DEMO_OFFICERS: readonly { staffNo: string; name: string; roles: Role[]; card?: string }[] = [
  { ...DEMO_STAFF, roles: [...DEMO_STAFF.roles], card: 'staff-officer' },
  { staffNo: '0002', name: '演示审核员二', roles: ['officer', 'approver'] },
  { staffNo: '0003', name: '演示社区书记', roles: ['officer', 'community-head'] },
  { staffNo: '0004', name: '演示管理员', roles: ['officer', 'admin'] },
];

export function prepareDemoStaff(db: Db, demo: boolean, clock: Clock, random: RandomSource): void {
  if (!demo) {
    removeDemoOfficers(db);
    return;
  }
  const lookupKey = ensureLookupKey(db, random);
  const added = DEMO_OFFICERS.filter((officer) => !findOfficer(db, officer.staffNo));
  for (const officer of added) {
    const card = demoCards.find((c) => c.id === officer.card);
    const cardKey = card ? applicantKey(card.fields.idNumber, lookupKey) : null;
    addOfficer(db, clock, random, { ...officer, pin: DEMO_STAFF.pin, demo: true, cardKey });
  }
  if (added.length === DEMO_OFFICERS.length) {
    // The two approvers stand in for each other, so the escalation to a backup has someone to go to.
    const head = findOfficer(db, '0003')!;
    updateDuty(db, clock, { staffNo: '0001', backup: '0002' }, head);
    updateDuty(db, clock, { staffNo: '0002', backup: '0001' }, head);
  }
}

/** Two weeks of the demo hall's reviews (once, on a fresh demo database), so the SLA board shows real figures. */
export function seedDemoHall(db: Db, clock: Clock, random: RandomSource, policies: PolicySet, hallId: string): void {
  try {
    seedDemoReviews(db, clock, random, {
      policies,
      hallId,
      officers: DEMO_OFFICERS.filter((o) => o.roles.includes('approver')).map((o) => o.staffNo),
    });
  } catch {
    // A demo without history is still a demo: the board starts empty and fills as trainers work.
    console.error('[demo] the demo reviews could not be seeded');
  }
}
