// The writer the writer-kill test SIGKILLs: submits invented residents through the real submitApplication in a loop on
// the kiosk's SQLite file, one per byte read from stdin. Prints "try N" before each submission and "ack ID" only
// after its transaction has committed.
// Started by writer-kill.test.ts through helpers/child-snapshot.ts (main gets FILE POLICY_JSON FIRST_INDEX SEED START_MS).
import { readFileSync, readSync, writeSync } from 'node:fs';
import { submitApplication } from '../../electron/core/applications/submit.js';
import { DeclarationSchema } from '../../electron/core/applications/schema.js';
import { AuditEntrySchema } from '../../electron/core/audit/log.js';
import { AnswersSchema, type Policy } from '../../electron/core/policy/schema.js';
import { SubmitApplicationSchema } from '../../electron/core/province/schema.js';
import { lowRiskDeclaration, seededRandom } from '../helpers/sync-fixtures.js';
import { inventedResident, openWriterDatabase, writerRequest } from '../helpers/writer-request.js';

/**
 * Run once while the startup snapshot is built: zod compiles a validator on its first parse, which would otherwise
 * add to every writer's first submission. safeParse: a schema that has changed costs the warm-up, never the snapshot.
 */
export function warmUp(): void {
  const { number, name } = inventedResident(0);
  const id = '00000000-0000-4000-8000-000000000000';
  const at = new Date(Date.UTC(2026, 10, 27));
  DeclarationSchema.safeParse(lowRiskDeclaration);
  AnswersSchema.safeParse({});
  SubmitApplicationSchema.safeParse({
    applicationId: id,
    channel: 'offline',
    submittedAt: at.toISOString(),
    hallId: '370102001',
    applicant: { documentType: 'resident', idNumber: number, name },
    declaration: lowRiskDeclaration,
    proxy: null,
  });
  AuditEntrySchema.safeParse({
    at,
    actor: 'resident',
    action: 'application.submitted',
    subject: `application:${id}`,
    detail: { rules: [] },
  });
}

export function main(args: readonly string[]): void {
  const [file, policyFile, firstIndex, seed, startMs] = args;
  if (file === undefined || policyFile === undefined || startMs === undefined) {
    throw new Error('usage: writer-kill-child FILE POLICY_JSON FIRST_INDEX SEED START_MS');
  }
  // Synchronous writes to the pipe: once writeSync returns, the parent gets the line even if SIGKILL comes next.
  const say = (line: string) => writeSync(1, `${line}\n`);

  const db = openWriterDatabase(file);
  let now = Number(startMs);
  // A second per submission: refs and timestamps advance the way a busy hall's do.
  const clock = { now: () => new Date(now) };
  const random = seededRandom(Number(seed));
  // The policy in force, validated by the parent with loadPolicies: validating the policy files would double a start.
  const policy = JSON.parse(readFileSync(policyFile, 'utf8')) as Policy;
  say('ready');

  // One submission per byte from the parent: it paces the writer so that it can aim its kill at one submission.
  for (let index = Number(firstIndex); nextGo(); index++, now += 1000) {
    say(`try ${index}`);
    const result = submitApplication(db, clock, random, writerRequest(policy, index));
    if (result.outcome !== 'submitted') throw new Error(`resident ${index} was refused: the writer's request must be eligible`);
    say(`ack ${result.applicationId}`);
  }
}

/** Waits for the parent's next byte; false when the parent closed the pipe (it never should: it kills). */
function nextGo(): boolean {
  const byte = Buffer.alloc(1);
  for (;;) {
    try {
      return readSync(0, byte) === 1;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}
