// The synthetic officer of a demo terminal: printed in the trainer panel, deleted once the terminal is configured.
import type { Clock, RandomSource } from '../core/clock.js';
import type { Db } from '../core/db/open.js';
import { addOfficer, findOfficer, removeDemoOfficers } from '../core/staff/officers.js';

export const DEMO_STAFF = { staffNo: '0001', pin: '246810', name: '演示审核员', roles: ['officer', 'approver'] } as const;

export function prepareDemoStaff(db: Db, demo: boolean, clock: Clock, random: RandomSource): void {
  if (!demo) {
    removeDemoOfficers(db);
    return;
  }
  if (!findOfficer(db, DEMO_STAFF.staffNo)) addOfficer(db, clock, random, { ...DEMO_STAFF, roles: [...DEMO_STAFF.roles], demo: true });
}
