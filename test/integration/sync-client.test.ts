// The province client over real HTTP: each kind of answer or failure becomes the right typed outcome, never a throw.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { createProvinceClient, parseRetryAfter } from '../../electron/core/province/client.js';
import { startFakeProvince, type Fault } from '../helpers/fake-province.js';
import { fakeClock, seededRandom, submission, TERMINAL, uuidFrom } from '../helpers/sync-fixtures.js';

async function setup(t: import('node:test').TestContext, faults: Fault[] = []) {
  const clock = fakeClock();
  const random = seededRandom(1);
  const province = await startFakeProvince(t, { clock, fault: () => faults.shift() ?? 'ok', retryAfterSeconds: 7 });
  const client = createProvinceClient({ baseUrl: province.url, ...TERMINAL, clock, random, timeoutMs: 200 });
  return { province, client, body: submission(uuidFrom(random)) };
}

test('a submission is filed once; a resend under the same key is a replay of the first answer', async (t) => {
  const { province, client, body } = await setup(t);
  const first = await client.submitApplication(body);
  assert.equal(first.kind, 'ok');
  assert.equal(first.kind === 'ok' && first.replay, false);
  const again = await client.submitApplication(body);
  assert.deepEqual(again, { ...first, replay: true });
  assert.deepEqual(province.filings, [body.applicationId]);
  assert.equal((await client.getApplication(body.applicationId)).kind, 'ok');
});

test('503 is a clean retry carrying Retry-After; a 400 is a refusal with its code', async (t) => {
  const { client, body } = await setup(t, ['unavailable', 'refuse']);
  assert.deepEqual(await client.submitApplication(body), { kind: 'retry', retryAfterMs: 7000, reason: 'unavailable' });
  assert.deepEqual(await client.submitApplication(body), { kind: 'refused', code: 'invalid-request', status: 400 });
  assert.deepEqual(await client.getApplication(uuidFrom(seededRandom(9))), { kind: 'refused', code: 'not-found', status: 404 });
});

test('nonce-reused is signed afresh and retried; a wrong secret is refused as bad-signature', async (t) => {
  const { province, client, body } = await setup(t, ['nonce-reused']);
  assert.equal((await client.submitApplication(body)).kind, 'ok');
  const clock = fakeClock();
  const wrong = createProvinceClient({
    baseUrl: province.url,
    terminalId: TERMINAL.terminalId,
    secret: new Uint8Array(32),
    clock,
    random: seededRandom(2),
  });
  assert.deepEqual(await wrong.trustList(), { kind: 'refused', code: 'bad-signature', status: 401 });
});

test('sent-then-failed is ambiguous: reset after commit, 500, and a hang past the timeout', async (t) => {
  const { province, client, body } = await setup(t, ['commit-then-drop', 'error-500', 'hang', 'reset-before']);
  assert.deepEqual(await client.submitApplication(body), { kind: 'ambiguous', reason: 'reset' });
  assert.deepEqual(await client.submitApplication(body), { kind: 'ambiguous', reason: 'server-error' });
  assert.deepEqual(await client.submitApplication(body), { kind: 'ambiguous', reason: 'timeout' });
  assert.deepEqual(
    await client.submitApplication(body),
    { kind: 'ambiguous', reason: 'reset' },
    'a reset after sending may have committed',
  );
  assert.deepEqual(province.filings, [body.applicationId], 'the first call did commit');
});

test('a port nobody listens on is a clean retry: nothing reached the province', async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as import('node:net').AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  const client = createProvinceClient({ baseUrl: `http://127.0.0.1:${port}`, ...TERMINAL, clock: fakeClock(), random: seededRandom(3) });
  assert.deepEqual(await client.revocations(), { kind: 'retry', reason: 'connect-failed' });
});

test('Retry-After accepts seconds and HTTP dates', () => {
  const now = new Date('2026-11-27T02:00:00Z');
  assert.equal(parseRetryAfter('3', now), 3000);
  assert.equal(parseRetryAfter('Fri, 27 Nov 2026 02:00:10 GMT', now), 10_000);
  assert.equal(parseRetryAfter('soon', now), undefined);
  assert.equal(parseRetryAfter(undefined, now), undefined);
});
