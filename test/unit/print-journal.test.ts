// The print job journal on a real SQLite file: transitions, restart recovery, reprint numbering (补打 n), dismiss, audit.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { verifyAuditChain } from '../../electron/core/audit/log.js';
import type { Db } from '../../electron/core/db/open.js';
import { KioskError } from '../../electron/core/errors.js';
import {
  dismiss,
  enqueue,
  getJob,
  jobCounts,
  jobToPrint,
  listJobs,
  markDone,
  markFailed,
  markSent,
  nextQueued,
  recoverAfterRestart,
  reprint,
} from '../../electron/core/printing/journal.js';
import type { PrintFailure } from '../../electron/core/printing/schema.js';
import { migratedDb } from '../helpers/migrated-db.js';
import { fakeClock } from '../helpers/sync-fixtures.js';

const STAFF = '1024';
const input = (label = 'C-1') => ({
  template: 'paper-code' as const,
  label,
  data: { maskedName: '王*', codeId: label },
  paper: '58mm' as const,
});

function setup(t: TestContext) {
  const db = migratedDb(t);
  const clock = fakeClock();
  return { db, clock };
}

/** Runs a job through the journal the way the printer loop does. */
function print(db: Db, clock: ReturnType<typeof fakeClock>, id: number, end: 'done' | PrintFailure | `refused:${PrintFailure}`): void {
  clock.advance(1000);
  if (end.startsWith('refused:')) return markFailed(db, clock, id, end.slice(8) as PrintFailure);
  markSent(db, clock, id);
  clock.advance(1000);
  if (end === 'done') markDone(db, clock, id);
  else markFailed(db, clock, id, end as PrintFailure);
}

const conflict = (error: unknown) => error instanceof KioskError && error.code === 'conflict' && error.key === 'errors.conflict';
const audits = (db: Db) =>
  db.prepare('SELECT actor, action, subject, detail FROM audit ORDER BY seq').all() as Array<Record<string, string>>;

test('enqueue writes a queued job; the queue is served oldest first and listed newest first', (t) => {
  const { db, clock } = setup(t);
  const first = enqueue(db, clock, input('C-1'));
  clock.advance(10);
  const second = enqueue(db, clock, input('C-2'));
  assert.deepEqual(
    {
      state: first.state,
      reason: first.reason,
      reprintNumber: first.reprintNumber,
      reprintOf: first.reprintOf,
      mayHavePrinted: first.mayHavePrinted,
      resolved: first.resolved,
    },
    { state: 'queued', reason: null, reprintNumber: 0, reprintOf: null, mayHavePrinted: false, resolved: false },
  );
  assert.equal(first.createdAt, '2026-11-27T02:00:00.000Z');
  assert.deepEqual(nextQueued(db), {
    id: first.id,
    template: 'paper-code',
    data: { maskedName: '王*', codeId: 'C-1' },
    paper: '58mm',
    reprintNumber: 0,
  });
  assert.deepEqual(
    listJobs(db, 10).map((j) => j.id),
    [second.id, first.id],
  );
  assert.deepEqual(
    listJobs(db, 1).map((j) => j.id),
    [second.id],
  );
  assert.deepEqual(jobCounts(db), { failedJobs: 0, pendingJobs: 2 });
});

test('enqueue refuses bad input and oversized data, writing nothing', (t) => {
  const { db, clock } = setup(t);
  const invalid = (e: unknown) => e instanceof KioskError && e.code === 'invalid-input';
  assert.throws(() => enqueue(db, clock, { ...input(), template: 'love-letter' as 'receipt' }), invalid);
  assert.throws(() => enqueue(db, clock, { ...input(), label: 'x'.repeat(65) }), invalid);
  assert.throws(() => enqueue(db, clock, { ...input(), data: { blob: 'x'.repeat(17_000) } }), invalid);
  assert.equal(listJobs(db, 10).length, 0);
});

test('markSent sets may_have_printed with the state; done and failed follow; a wrong transition throws', (t) => {
  const { db, clock } = setup(t);
  const job = enqueue(db, clock, input());
  assert.throws(() => markDone(db, clock, job.id), /not in/);
  markSent(db, clock, job.id);
  assert.deepEqual(
    db.prepare('SELECT state, may_have_printed FROM print_jobs WHERE id = ?').get(job.id),
    { state: 'sent', may_have_printed: 1 },
    'one statement: there is no moment in which the job is sent but not marked as possibly printed',
  );
  assert.equal(nextQueued(db), null, 'a sent job is not served again');
  assert.throws(() => markSent(db, clock, job.id), /not in/);
  clock.advance(500);
  markDone(db, clock, job.id);
  const done = getJob(db, job.id);
  assert.equal(done?.state, 'done');
  assert.equal(done?.updatedAt, '2026-11-27T02:00:00.500Z');
  assert.throws(() => markFailed(db, clock, job.id, 'timeout'), /not in/, 'done is final');
  assert.deepEqual(jobCounts(db), { failedJobs: 0, pendingJobs: 0 });
});

test('a job refused before sending has not printed; one failed after sending may have', (t) => {
  const { db, clock } = setup(t);
  const refused = enqueue(db, clock, input('A'));
  const lost = enqueue(db, clock, input('B'));
  print(db, clock, refused.id, 'refused:cover-open');
  print(db, clock, lost.id, 'disconnected');
  assert.deepEqual(
    [getJob(db, refused.id), getJob(db, lost.id)].map((j) => [j?.state, j?.reason, j?.mayHavePrinted]),
    [
      ['failed', 'cover-open', false],
      ['failed', 'disconnected', true],
    ],
  );
  assert.deepEqual(jobCounts(db), { failedJobs: 2, pendingJobs: 0 });
  assert.throws(() => markSent(db, clock, lost.id), /not in/, 'a failed job is never sent again');
});

test('recoverAfterRestart fails every sent job as interrupted and leaves queued jobs queued', (t) => {
  const { db, clock } = setup(t);
  const out = enqueue(db, clock, input('A'));
  const waiting = enqueue(db, clock, input('B'));
  const done = enqueue(db, clock, input('C'));
  markSent(db, clock, out.id);
  markSent(db, clock, done.id);
  markDone(db, clock, done.id);
  assert.equal(recoverAfterRestart(db, clock), 1);
  assert.deepEqual(
    [out, waiting, done].map((j) => {
      const now = getJob(db, j.id);
      return [now?.state, now?.reason, now?.mayHavePrinted];
    }),
    [
      ['failed', 'interrupted', true],
      ['queued', null, false],
      ['done', null, true],
    ],
  );
  assert.equal(recoverAfterRestart(db, clock), 0, 'idempotent');
});

test('reprint of a printed job is 补打 1, then 2, whichever job of the chain is reprinted', (t) => {
  const { db, clock } = setup(t);
  const original = enqueue(db, clock, input());
  print(db, clock, original.id, 'done');
  const first = reprint(db, clock, original.id, STAFF);
  assert.deepEqual([first.state, first.reprintNumber, first.reprintOf], ['queued', 1, original.id]);
  assert.equal(nextQueued(db)?.reprintNumber, 1);
  print(db, clock, first.id, 'done');
  const second = reprint(db, clock, first.id, STAFF);
  assert.equal(second.reprintNumber, 2);
  assert.equal(second.reprintOf, first.id);
  const third = reprint(db, clock, original.id, STAFF);
  assert.equal(third.reprintNumber, 3, 'a queued 补打 2 counts: two slips never share a number');
  assert.equal(getJob(db, original.id)?.resolved, false, 'a done job is not waiting for staff, so it is never marked resolved');
});

test('a job refused before a byte went out is printed again as if first (no 补打)', (t) => {
  const { db, clock } = setup(t);
  const original = enqueue(db, clock, input());
  print(db, clock, original.id, 'refused:paper-end');
  const again = reprint(db, clock, original.id, STAFF);
  assert.deepEqual([again.reprintNumber, again.reprintOf, again.mayHavePrinted], [0, original.id, false]);
  assert.equal(getJob(db, original.id)?.resolved, true);
  assert.deepEqual(jobCounts(db), { failedJobs: 0, pendingJobs: 1 });
  print(db, clock, again.id, 'refused:offline');
  assert.equal(reprint(db, clock, again.id, STAFF).reprintNumber, 0, 'still nothing of the chain on paper');
});

test('a job that failed after sending, or was interrupted, is reprinted with a 补打 mark', (t) => {
  const { db, clock } = setup(t);
  const timedOut = enqueue(db, clock, input('A'));
  print(db, clock, timedOut.id, 'timeout');
  assert.equal(reprint(db, clock, timedOut.id, STAFF).reprintNumber, 1);
  const interrupted = enqueue(db, clock, input('B'));
  markSent(db, clock, interrupted.id);
  recoverAfterRestart(db, clock);
  assert.equal(reprint(db, clock, interrupted.id, STAFF).reprintNumber, 1);
});

test('a refused 补打 leaves no gap: its reprint takes the same number', (t) => {
  const { db, clock } = setup(t);
  const original = enqueue(db, clock, input());
  print(db, clock, original.id, 'done');
  const first = reprint(db, clock, original.id, STAFF);
  print(db, clock, first.id, 'refused:cover-open');
  const retry = reprint(db, clock, first.id, STAFF);
  assert.equal(retry.reprintNumber, 1, '补打 1 never reached paper, so the next slip is 补打 1');
  print(db, clock, retry.id, 'done');
  assert.equal(reprint(db, clock, retry.id, STAFF).reprintNumber, 2);
});

test('chains do not mix: another slip starts at 0', (t) => {
  const { db, clock } = setup(t);
  const a = enqueue(db, clock, input('A'));
  const b = enqueue(db, clock, input('B'));
  print(db, clock, a.id, 'done');
  print(db, clock, b.id, 'done');
  reprint(db, clock, a.id, STAFF);
  assert.equal(reprint(db, clock, b.id, STAFF).reprintNumber, 1);
});

test('the same failed job cannot be reprinted twice, nor a queued or sent one; unknown ids and bad actors are refused', (t) => {
  const { db, clock } = setup(t);
  const failed = enqueue(db, clock, input('A'));
  print(db, clock, failed.id, 'disconnected');
  reprint(db, clock, failed.id, STAFF);
  assert.throws(() => reprint(db, clock, failed.id, STAFF), conflict, 'a double tap does not print twice');
  const queued = enqueue(db, clock, input('B'));
  assert.throws(() => reprint(db, clock, queued.id, STAFF), conflict);
  markSent(db, clock, queued.id);
  assert.throws(() => reprint(db, clock, queued.id, STAFF), conflict);
  assert.throws(
    () => reprint(db, clock, 999, STAFF),
    (e: unknown) => e instanceof KioskError && e.code === 'not-found',
  );
  markDone(db, clock, queued.id);
  assert.throws(
    () => reprint(db, clock, queued.id, 'system'),
    (e: unknown) => e instanceof KioskError && e.key === 'errors.staffNoInvalid',
  );
  assert.equal(listJobs(db, 10).length, 3, 'only the one reprint was written');
});

test('each reprint and dismissal writes one audit row in the same transaction, and the chain verifies', (t) => {
  const { db, clock } = setup(t);
  const a = enqueue(db, clock, input('A'));
  const b = enqueue(db, clock, input('B'));
  print(db, clock, a.id, 'timeout');
  print(db, clock, b.id, 'refused:cover-open');
  const again = reprint(db, clock, a.id, STAFF);
  const dismissed = dismiss(db, clock, b.id, '2048');
  assert.equal(dismissed.resolved, true);
  assert.deepEqual(audits(db), [
    {
      actor: STAFF,
      action: 'print.reprint',
      subject: `print-job:${a.id}`,
      detail: JSON.stringify({
        newJob: again.id,
        previousReason: 'timeout',
        previousState: 'failed',
        reprintNumber: 1,
        template: 'paper-code',
      }),
    },
    {
      actor: '2048',
      action: 'print.dismiss',
      subject: `print-job:${b.id}`,
      detail: JSON.stringify({ mayHavePrinted: false, reason: 'cover-open', template: 'paper-code' }),
    },
  ]);
  assert.ok(!JSON.stringify(audits(db)).includes('王'), 'no personal data from the slip reaches the audit log');
  assert.deepEqual(verifyAuditChain(db), { ok: true, rows: 2 });
  assert.deepEqual(jobCounts(db), { failedJobs: 0, pendingJobs: 1 });
});

test('dismiss only an unresolved failed job', (t) => {
  const { db, clock } = setup(t);
  const job = enqueue(db, clock, input());
  assert.throws(() => dismiss(db, clock, job.id, STAFF), conflict, 'queued');
  print(db, clock, job.id, 'offline');
  dismiss(db, clock, job.id, STAFF);
  assert.throws(() => dismiss(db, clock, job.id, STAFF), conflict, 'already dismissed');
  assert.throws(() => reprint(db, clock, job.id, STAFF), conflict, 'a dismissed job is resolved');
  assert.equal(verifyAuditChain(db).rows, 1);
});

test('a reprint inside a caller transaction that rolls back leaves nothing: no job, not resolved, no audit row', (t) => {
  const { db, clock } = setup(t);
  const job = enqueue(db, clock, input());
  print(db, clock, job.id, 'disconnected');
  assert.throws(() =>
    db.transaction(() => {
      reprint(db, clock, job.id, STAFF);
      throw new Error('the caller failed afterwards');
    })(),
  );
  assert.equal(listJobs(db, 10).length, 1);
  assert.equal(getJob(db, job.id)?.resolved, false);
  assert.equal(verifyAuditChain(db).rows, 0);
});

test('jobToPrint gives any job as the printer renders it, with its 补打 number; an unknown id is not-found', (t) => {
  const { db, clock } = setup(t);
  const job = enqueue(db, clock, input('A'));
  print(db, clock, job.id, 'done');
  const again = reprint(db, clock, job.id, STAFF);
  assert.deepEqual(jobToPrint(db, again.id), {
    id: again.id,
    template: 'paper-code',
    data: { maskedName: '王*', codeId: 'A' },
    paper: '58mm',
    reprintNumber: 1,
  });
  assert.throws(
    () => jobToPrint(db, 999),
    (e: unknown) => e instanceof KioskError && e.code === 'not-found',
  );
});
