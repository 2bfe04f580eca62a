// Provincial emulator faults as a terminal sees them: resets, lost answers, hangs, 503s, latency, duplicates, clock skew.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApplicationViewSchema, ChangeFeedSchema, ProvinceErrorSchema } from '../../electron/core/province/schema.js';
import { FaultInjector } from '../../emulators/provincial/faults.js';
import { admin, sampleApplication, startProvince } from '../helpers/province-client.js';

const faults = (url: string, body: unknown) => admin(url, 'POST', '/admin/faults', body);

test('reset drops the connection before processing: the client sees ECONNRESET and nothing was filed', async (t) => {
  const { client, clock, url } = await startProvince(t);
  await faults(url, { faults: [{ kind: 'reset', count: 1 }] });
  const app = sampleApplication(clock);
  await assert.rejects(
    client.submit(app),
    (error: NodeJS.ErrnoException) => error.code === 'ECONNRESET' || /socket hang up/.test(error.message),
  );
  assert.equal((await client.get(app.applicationId)).status, 404);
});

test('lost-after-commit: the client gets an error, yet a later GET shows the application, and a retry is a replay', async (t) => {
  const { client, clock, url } = await startProvince(t);
  await faults(url, { faults: [{ kind: 'lost-after-commit', count: 1, pathPrefix: '/v1/applications' }] });
  const app = sampleApplication(clock);
  await assert.rejects(client.submit(app));
  assert.equal(ApplicationViewSchema.parse((await client.get(app.applicationId)).json).status, 'GREEN');
  const retry = await client.submit(app);
  assert.equal(retry.headers['idempotent-replay'], 'true');
  assert.equal(((await admin(url, 'GET', '/admin/applications')).json as { count: number }).count, 1);
});

test('hang never answers: the client times out, and closing the emulator does not wait for it', async (t) => {
  const { client, url, close } = await startProvince(t);
  await faults(url, { faults: [{ kind: 'hang', count: 2 }] });
  await assert.rejects(client.request('GET', '/v1/trust-list', undefined, { timeoutMs: 300 }), /timeout/);
  void client.request('GET', '/v1/trust-list', undefined, { timeoutMs: 60_000 }).catch(() => {});
  await new Promise((resolve) => setTimeout(resolve, 50));
  const started = Date.now();
  await close();
  assert.ok(Date.now() - started < 1000);
});

test('error-5xx answers 503 unavailable with Retry-After, or a bare 500', async (t) => {
  const { client, url } = await startProvince(t);
  await faults(url, {
    faults: [
      { kind: 'error-5xx', count: 1, retryAfterSeconds: 7 },
      { kind: 'error-5xx', count: 1, status: 500 },
    ],
  });
  const first = await client.trustList();
  assert.equal(first.status, 503);
  assert.equal(first.headers['retry-after'], '7');
  assert.equal(ProvinceErrorSchema.parse(first.json).error.code, 'unavailable');
  // Both rules are of one kind: the first fires first, then the second once the first is spent.
  assert.equal((await client.trustList()).status, 500);
  assert.equal((await client.trustList()).status, 200);
});

test('latency delays the answer by the configured time', async (t) => {
  const { client, url } = await startProvince(t);
  await faults(url, { faults: [{ kind: 'latency', ms: 300, count: 1 }] });
  const started = Date.now();
  assert.equal((await client.trustList()).status, 200);
  assert.ok(Date.now() - started >= 280);
});

test('duplicate-delivery: the change feed repeats already-delivered seqs', async (t) => {
  const { client, clock, url } = await startProvince(t);
  for (let i = 0; i < 4; i++) await client.submit(sampleApplication(clock));
  await faults(url, { faults: [{ kind: 'duplicate-delivery', pathPrefix: '/v1/changes' }] });
  const page = ChangeFeedSchema.parse((await client.changes(2, 10)).json);
  const seqs = page.changes.map((c) => c.seq);
  assert.deepEqual(seqs, [1, 2, 3, 4]);
  assert.ok(
    seqs.some((s) => s <= 2),
    'a seq at or before the cursor came again',
  );
  const fromStart = ChangeFeedSchema.parse((await client.changes(0, 2)).json);
  assert.deepEqual(
    fromStart.changes.map((c) => c.seq),
    [1, 1, 2],
  );
  assert.equal(fromStart.nextCursor, 2);
});

test('clock-skew moves the verifier clock: a correctly signed request is refused as stale', async (t) => {
  const { client, url } = await startProvince(t);
  await faults(url, { faults: [{ kind: 'clock-skew', ms: 10 * 60_000, count: 1 }] });
  const reply = await client.trustList();
  assert.equal(reply.status, 401);
  assert.equal(ProvinceErrorSchema.parse(reply.json).error.code, 'stale-timestamp');
  assert.equal((await client.trustList()).status, 200);
});

test('rate faults are reproducible with a seed, and { faults: [] } clears', () => {
  const run = () => {
    const injector = new FaultInjector();
    injector.configure({ faults: [{ kind: 'error-5xx', rate: 0.3 }], seed: 42 });
    return Array.from({ length: 50 }, () => (injector.plan('/v1/changes')['error-5xx'] ? 1 : 0));
  };
  const a = run();
  assert.deepEqual(a, run());
  const hits = a.reduce<number>((n, x) => n + x, 0);
  assert.ok(hits > 5 && hits < 30, `hits ${hits}`);
  const injector = new FaultInjector();
  injector.configure({ faults: [{ kind: 'reset' }] });
  injector.configure({ faults: [] });
  assert.deepEqual(injector.plan('/v1/changes'), {});
});
