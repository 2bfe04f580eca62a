// Duty, absence, delegation and backup: who may change what, who may be a delegate or backup, the list with loads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { officerViews, updateDuty } from '../../electron/core/approvals/duty.js';
import { KioskError } from '../../electron/core/errors.js';
import { addStaff, audits, bj, reviewSetup, submitForReview } from '../helpers/approvals-fixtures.js';

const refusal = (key: string) => (error: unknown) => error instanceof KioskError && error.key === key;

function setup(t: Parameters<typeof reviewSetup>[0]) {
  const { db, clock } = reviewSetup(t);
  const wang = addStaff(db, '1001', ['approver'], { name: '王小明' });
  const li = addStaff(db, '1002', ['approver'], { name: '李四' });
  const clerk = addStaff(db, '1003', ['officer']);
  addStaff(db, '1004', ['approver'], { active: false });
  const head = addStaff(db, '0999', ['community-head']);
  return { db, clock, wang, li, clerk, head };
}

test('an officer sets their own duty, absence and delegate; the change is audited with numbers and times only', (t) => {
  const { db, clock, wang } = setup(t);
  const awayUntil = '2026-11-28T09:00:00+08:00';
  const view = updateDuty(db, clock, { staffNo: '1001', onDuty: false, awayUntil, delegateTo: '1002' }, wang);
  assert.deepEqual(view, {
    staffNo: '1001',
    maskedName: '王**',
    roles: ['approver'],
    active: true,
    onDuty: false,
    awayUntil: '2026-11-28T01:00:00.000Z',
    delegateTo: '1002',
    backup: null,
    load: 0,
    hasCard: false,
  });
  assert.deepEqual(audits(db, 'officer.duty-changed'), [
    {
      actor: '1001',
      subject: 'officer:1001',
      detail: { onDuty: false, awayUntil: '2026-11-28T01:00:00.000Z', delegateTo: '1002', backup: null },
    },
  ]);
  // Only the fields given change.
  const back = updateDuty(db, clock, { staffNo: '1001', onDuty: true }, wang);
  assert.deepEqual([back.onDuty, back.awayUntil, back.delegateTo], [true, '2026-11-28T01:00:00.000Z', '1002']);
  // An absence that has ended shows as none.
  assert.equal(officerViews(db, bj('2026-11-28 10:00')).find((o) => o.staffNo === '1001')!.awayUntil, null);
});

test('changing someone else, or any backup, needs a community head or admin', (t) => {
  const { db, clock, wang, clerk, head } = setup(t);
  assert.throws(() => updateDuty(db, clock, { staffNo: '1002', onDuty: false }, wang), refusal('errors.dutyNotYours'));
  assert.throws(() => updateDuty(db, clock, { staffNo: '1001', backup: '1002' }, wang), refusal('errors.dutyNotYours'));
  assert.throws(() => updateDuty(db, clock, { staffNo: '1001', onDuty: false }, clerk), refusal('errors.dutyNotYours'));
  assert.equal(audits(db, 'officer.duty-changed').length, 0);
  const view = updateDuty(db, clock, { staffNo: '1001', backup: '1002', onDuty: false }, head);
  assert.deepEqual([view.backup, view.onDuty], ['1002', false]);
  assert.throws(() => updateDuty(db, clock, { staffNo: '5555', onDuty: false }, head), refusal('errors.officerNotFound'));
});

test('a delegate or backup must be another active approver', (t) => {
  const { db, clock, wang, head } = setup(t);
  for (const delegateTo of ['1001', '1003', '1004', '7777']) {
    assert.throws(() => updateDuty(db, clock, { staffNo: '1001', delegateTo }, wang), refusal('errors.delegateInvalid'), delegateTo);
  }
  assert.throws(() => updateDuty(db, clock, { staffNo: '1001', backup: '1003' }, head), refusal('errors.delegateInvalid'));
  assert.equal(updateDuty(db, clock, { staffNo: '1001', delegateTo: null }, wang).delegateTo, null);
});

test('officerViews lists every officer with roles and open load', (t) => {
  const { db, clock } = setup(t);
  submitForReview(db, clock);
  submitForReview(db, clock);
  submitForReview(db, clock);
  const views = officerViews(db, clock.now());
  assert.deepEqual(
    views.map((v) => [v.staffNo, v.load, v.active, v.roles.join(' ')]),
    [
      ['0999', 0, true, 'community-head'],
      ['1001', 2, true, 'approver'],
      ['1002', 1, true, 'approver'],
      ['1003', 0, true, 'officer'],
      ['1004', 0, false, 'approver'],
    ],
  );
  assert.ok(views.every((v) => v.maskedName.includes('*')));
});
