// The emulator's honourIdempotencyKeys switch: off, a resent submission is filed again (so sync tests can prove they bite).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApplicationViewSchema } from '../../electron/core/province/schema.js';
import { sampleApplication, startProvince } from '../helpers/province-client.js';

test('by default a resent submission is a replay: one row at the province', async (t) => {
  const { client, clock, emulator } = await startProvince(t);
  const app = sampleApplication(clock);
  assert.equal((await client.submit(app)).status, 201);
  const again = await client.submit(app);
  assert.equal(again.headers['idempotent-replay'], 'true');
  const counts = emulator.admin.applications();
  assert.deepEqual([counts.count, counts.created, counts.duplicateApplicants], [1, 1, 0]);
});

test('with honourIdempotencyKeys false every resend is filed anew under a derived row id, and the counts show it', async (t) => {
  const { client, clock, emulator } = await startProvince(t, { honourIdempotencyKeys: false });
  const app = sampleApplication(clock);
  const answers = [await client.submit(app), await client.submit(app), await client.submit(app)];
  assert.deepEqual(
    answers.map((a) => [a.status, a.headers['idempotent-replay']]),
    [
      [201, undefined],
      [201, undefined],
      [201, undefined],
    ],
  );
  // The terminal is still answered with its own id, so its client reads the answer as a normal success.
  for (const a of answers) assert.equal(ApplicationViewSchema.parse(a.json).applicationId, app.applicationId);
  const counts = emulator.admin.applications();
  assert.deepEqual([counts.count, counts.created, counts.duplicateApplicants], [3, 3, 1]);
  const ids = counts.applications.map((a) => a.applicationId);
  assert.equal(ids[0], app.applicationId);
  assert.equal(new Set(ids).size, 3, 'each refiling has its own row id');
  // A derived id is a real row: it can be looked up like any other.
  assert.equal((await client.get(ids[2]!)).status, 200);
});
