// 1,000 SIGKILLs of a writer process during submissions (issue 8): each writer is a real child process submitting
// through the real submitApplication on a real migrated SQLite file, killed at a seeded random moment. After every
// kill: each acknowledged application is in the file, each application has its outbox row, integrity_check is ok.
// The files accumulate run after run, like a terminal's; a few lanes (one file each) run side by side.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { migrationsDir } from '../../electron/app/paths.js';
import { submitApplication } from '../../electron/core/applications/submit.js';
import { verifyAuditChain } from '../../electron/core/audit/log.js';
import { loadMigrations, migrate } from '../../electron/core/db/migrations.js';
import { openDatabase, type Db } from '../../electron/core/db/open.js';
import { loadPolicies } from '../../electron/core/policy/load.js';
import { policyInForce } from '../../electron/core/policy/select.js';
import { fastChild } from '../helpers/child-snapshot.js';
import { fakeClock, seededRandom } from '../helpers/sync-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { finalCheck, laneChecker } from '../helpers/writer-kill-check.js';
import { killPlan, killWriter, Pace } from '../helpers/writer-kill-run.js';
import { openWriterDatabase, writerRequest } from '../helpers/writer-request.js';

const KILLS = Number(process.env.WRITER_KILLS ?? 1000);
/** Files written side by side: while one writer waits for its disk or the test reads a file, the others run. */
const LANES = 3;
/** Friday 27 Nov 2026, 08:00 in Shanghai; each run's clock starts a minute after the one before. */
const START = Date.parse('2026-11-27T00:00:00Z');
const CHILD = fileURLToPath(new URL('./writer-kill-child.ts', import.meta.url));

/** A migrated file whose vault's key check exists (the writers only read it), and the parent's connection to it. */
function laneFile(dir: string, lane: number): { file: string; db: Db } {
  const file = join(dir, `kiosk-${lane}.sqlite`);
  const setup = openDatabase(file);
  migrate(setup, loadMigrations(migrationsDir()));
  setup.close();
  return { file, db: openWriterDatabase(file) };
}

const totals = () => ({ kills: 0, acked: 0, lost: 0, withoutOutbox: 0, integrityFailures: 0, committedUnacked: 0 });

const policy = policyInForce(loadPolicies(fileURLToPath(new URL('../../policies', import.meta.url))), new Date(START));

test('the checks pass a healthy file and catch a lost acknowledgement and an application without its outbox row', (t) => {
  const { db } = laneFile(tempDir(t), 0);
  t.after(() => db.close());
  const checker = laneChecker(db);
  const clock = fakeClock(new Date(START).toISOString());
  const submit = (index: number) => {
    const result = submitApplication(db, clock, seededRandom(index + 1), writerRequest(policy, index));
    assert.equal(result.outcome, 'submitted');
    return result.outcome === 'submitted' ? result.applicationId : '';
  };
  const healthy = checker.afterKill([submit(0)]);
  assert.deepEqual(healthy, { lost: 0, withoutOutbox: 0, committedUnacked: 0, added: 1, integrity: 'ok' });

  const notThere = '00000000-0000-4000-8000-000000000000';
  const dropped = submit(1);
  db.prepare('DELETE FROM outbox WHERE target_id = ?').run(dropped);
  submit(2); // committed, never acknowledged
  assert.deepEqual(checker.afterKill([notThere, dropped]), { lost: 1, withoutOutbox: 1, committedUnacked: 1, added: 2, integrity: 'ok' });
  const final = finalCheck(db, checker.everAcked);
  assert.deepEqual(final, { applications: 3, lost: 1, withoutOutbox: 1, withoutAudit: 0, outboxWithoutApplication: 0 });
});

test(
  `${KILLS} SIGKILLs of a writer during submissions: nothing acknowledged lost, every application queued, file intact`,
  { timeout: 600_000 },
  async (t) => {
    const dir = tempDir(t, 'writer-kill-');
    const policyFile = join(dir, 'policy.json');
    // The writer reads the policy as JSON (validating the policy files would double its start): it must survive that.
    assert.deepEqual(JSON.parse(JSON.stringify(policy)), policy);
    writeFileSync(policyFile, JSON.stringify(policy));
    const child = await fastChild(CHILD, dir);
    if (!child.snapshot) t.diagnostic(`no startup snapshot, writers start slower: ${child.reason}`);

    const sum = totals();
    let withAck = 0;
    let midSubmit = 0;
    const pace = new Pace();
    const lanes = Array.from({ length: LANES }, (_, lane) => laneFile(dir, lane));
    t.after(() => lanes.forEach(({ db }) => db.close()));
    const began = performance.now();
    await Promise.all(
      lanes.map(async ({ file, db }, lane) => {
        const checker = laneChecker(db);
        const random = seededRandom(8000 + lane);
        let next = 0;
        for (let run = lane; run < KILLS; run += LANES) {
          const plan = killPlan(run, random);
          // Seeds a whole 2^20 steps of mulberry32 apart: no two writers draw the same application ids.
          const seed = Math.imul(run << 20, 0x6d2b79f5) >>> 0;
          const args = [file, policyFile, String(next), String(seed), String(START + run * 60_000)];
          const writer = await killWriter(child, args, plan, pace);
          const check = checker.afterKill(writer.acked);
          next += check.added;
          sum.kills += 1;
          sum.acked += writer.acked.length;
          sum.lost += check.lost;
          sum.withoutOutbox += check.withoutOutbox;
          sum.committedUnacked += check.committedUnacked;
          if (check.integrity !== 'ok') {
            sum.integrityFailures += 1;
            t.diagnostic(`run ${run}: integrity_check: ${check.integrity.slice(0, 300)}`);
          }
          if (writer.acked.length > 0) withAck += 1;
          if (writer.midSubmit) midSubmit += 1;
        }
        const final = finalCheck(db, checker.everAcked);
        t.diagnostic(`lane ${lane}: ${JSON.stringify(final)}`);
        assert.deepEqual(
          { ...final, applications: 0 },
          { applications: 0, lost: 0, withoutOutbox: 0, withoutAudit: 0, outboxWithoutApplication: 0 },
        );
        assert.equal(final.applications, next, 'the residents were numbered from the count of applications: no gap, no repeat');
        assert.equal(verifyAuditChain(db).ok, true, 'the audit hash chain is whole');
      }),
    );
    const seconds = Math.round((performance.now() - began) / 100) / 10;
    console.log(`FIGURE writer-kill ${JSON.stringify({ ...sum, seconds })}`);
    t.diagnostic(
      `${withAck} writers acknowledged at least one submission, ${sum.kills - withAck} none; ${midSubmit} killed inside submitApplication; usual ms ${JSON.stringify(pace.ms)}`,
    );

    assert.equal(sum.kills, KILLS);
    assert.equal(sum.lost, 0, 'an acknowledged application was lost');
    assert.equal(sum.withoutOutbox, 0, 'an application was saved without its outbox row');
    assert.equal(sum.integrityFailures, 0, 'integrity_check failed after a kill');
    // The kills must really land mid-work, or the figures prove nothing.
    assert.ok(withAck > KILLS / 3, 'many writers had acknowledged submissions when killed');
    assert.ok(KILLS < 10 || withAck < KILLS, 'some writers were killed before their first acknowledgement');
    assert.ok(midSubmit > KILLS / 10, 'many kills landed inside a submission');
  },
);
