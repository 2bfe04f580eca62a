// The demo seed: two weeks of a hall through the real functions — reviews decided on time and late, breaches,
// auto-defaults, a few still open — masked invented people, nothing left for the province, and only once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slaBoard } from '../../electron/core/approvals/board.js';
import { seedDemoReviews } from '../../electron/core/approvals/demo-seed.js';
import { queuePage } from '../../electron/core/approvals/review-store.js';
import { verifyAuditChain } from '../../electron/core/audit/log.js';
import { addStaff, bj, count, HALL, policies, reviewSetup } from '../helpers/approvals-fixtures.js';
import { seededRandom } from '../helpers/sync-fixtures.js';

test('two weeks of a hall: figures on the board, a queue now, masked people, idempotent', (t) => {
  const { db, clock } = reviewSetup(t, bj('2026-11-27 15:00').toISOString());
  addStaff(db, '9001', ['approver']);
  addStaff(db, '9002', ['approver']);
  addStaff(db, '9003', ['approver'], { backup: '9001' });
  addStaff(db, '9009', ['community-head']);
  const options = { policies, days: 14, hallId: HALL, officers: ['9001', '9002', '9003'] };
  const began = performance.now();
  const result = seedDemoReviews(db, clock, seededRandom(11), options);
  t.diagnostic(`seeded in ${Math.round(performance.now() - began)} ms: ${JSON.stringify(result)}`);
  assert.ok(result.applications >= 300, `~30–60 a working day (${result.applications})`);
  assert.ok(result.reviews > 40 && result.reviews < result.applications / 2, `some need review (${result.reviews})`);
  assert.ok(result.decided > 30);
  assert.ok(result.autoDefaulted >= 1, 'a few never decided, issued by default');
  assert.ok(result.open >= 1, 'a handful still open now');
  assert.equal(count(db, 'review'), result.reviews);
  assert.equal(count(db, `review WHERE state = 'auto-defaulted'`), result.autoDefaulted);

  const board = slaBoard(db, { from: '2026-11-13', to: '2026-11-27' }, clock.now());
  assert.equal(board.totals.decided, count(db, `review WHERE state = 'decided'`));
  assert.ok(board.totals.onTime > 0 && board.totals.onTime < board.totals.decided, 'some on time, some late');
  assert.ok(board.totals.breaches > 0);
  assert.ok(board.officers.filter((o) => o.decided > 0).length >= 3);
  assert.ok(queuePage(db, { scope: 'team', page: 0, pageSize: 50 }, { staffNo: '9001', now: clock.now(), policies }).total >= 1);

  const people = db.prepare('SELECT masked_name, masked_number FROM application').all() as { masked_name: string; masked_number: string }[];
  assert.ok(people.every((p) => p.masked_name.includes('*') && /^\d{2}\*{14}[\dX]{2}$/.test(p.masked_number)));
  assert.equal(count(db, `outbox WHERE state = 'pending'`), 0, 'nothing for the province to receive');
  assert.equal(count(db, `review WHERE state NOT IN ('open', 'info-requested') AND declaration IS NOT NULL`), 0);
  assert.equal(verifyAuditChain(db).ok, true);

  const audits = count(db, 'audit');
  assert.deepEqual(seedDemoReviews(db, clock, seededRandom(12), options), {
    applications: 0,
    reviews: 0,
    decided: 0,
    autoDefaulted: 0,
    open: 0,
  });
  assert.equal(count(db, 'audit'), audits);
});
