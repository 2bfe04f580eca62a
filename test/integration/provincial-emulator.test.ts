// Provincial emulator over real HTTP: signatures, contract checks, rules and codes, idempotency, feed, persistence.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TrustListSchema, RevocationListSchema } from '../../electron/core/codes/schema.js';
import { verifyCode } from '../../electron/core/codes/verify.js';
import { ApplicationViewSchema, ChangeFeedSchema, ProvinceErrorSchema, type ApplicationView } from '../../electron/core/province/schema.js';
import { SIGNATURE_HEADERS } from '../../electron/core/province/signing.js';
import { admin, createRawProvinceClient, sampleApplication, startProvince, TERMINAL, testIdNumber } from '../helpers/province-client.js';

const HOUR = 3_600_000;
const errorCode = (json: unknown) => ProvinceErrorSchema.parse(json).error.code;
const view = (json: unknown): ApplicationView => ApplicationViewSchema.parse(json);

test('each signature problem is refused with its own 401 code, before anything else', async (t) => {
  const { client, url, clock } = await startProvince(t);
  const app = sampleApplication(clock);

  const tampered = await client.submit(app, { sentBody: JSON.stringify({ ...app, hallId: '999' }) });
  assert.equal(tampered.status, 401);
  assert.equal(errorCode(tampered.json), 'bad-signature');

  const stale = createRawProvinceClient(url, TERMINAL, { now: () => new Date(clock.now().getTime() - 6 * 60_000) });
  const staleReply = await stale.get(app.applicationId);
  assert.equal(errorCode(staleReply.json), 'stale-timestamp');

  await client.get(app.applicationId);
  const replayed = await client.get(app.applicationId, { reuseHeaders: client.lastHeaders() });
  assert.equal(replayed.status, 401);
  assert.equal(errorCode(replayed.json), 'nonce-reused');

  const stranger = createRawProvinceClient(url, { terminalId: 'T-FFFFFFFFFFFFFFFF', secret: TERMINAL.secret }, clock);
  assert.equal(errorCode((await stranger.get(app.applicationId)).json), 'unknown-terminal');

  const missing = await client.get(app.applicationId, { headers: { [SIGNATURE_HEADERS.signature]: undefined } });
  assert.equal(missing.status, 401);
  assert.equal(errorCode(missing.json), 'missing-headers');

  // A bad signature on an unknown path still says bad-signature: the unsigned learn nothing about routes.
  const unsignedPath = await client.request('GET', '/v1/nowhere', undefined, { headers: { [SIGNATURE_HEADERS.signature]: 'AAAA' } });
  assert.equal(errorCode(unsignedPath.json), 'bad-signature');

  const counts = await admin(url, 'GET', '/admin/applications');
  assert.equal((counts.json as { count: number }).count, 0);
});

test('an invalid body is 400 invalid-request naming the first bad field; unknown fields too', async (t) => {
  const { client, clock } = await startProvince(t);
  const app = sampleApplication(clock);
  const badTemp = { ...app, declaration: { ...app.declaration, temperatureC: 50 } };
  const reply = await client.submit(badTemp);
  assert.equal(reply.status, 400);
  assert.equal(errorCode(reply.json), 'invalid-request');
  assert.match(ProvinceErrorSchema.parse(reply.json).error.message, /^declaration\.temperatureC:/);

  const extra = await client.submit({ ...app, shoeSize: 42 } as typeof app);
  assert.match(ProvinceErrorSchema.parse(extra.json).error.message, /^shoeSize:/);

  const noKey = await client.submit(app, { idempotencyKey: '' });
  assert.equal(noKey.status, 400);
  assert.match(ProvinceErrorSchema.parse(noKey.json).error.message, /^idempotency-key:/);
});

test('a low-risk declaration is GREEN at once with a 14-day code that verifies against the trust list', async (t) => {
  const { client, clock } = await startProvince(t);
  const reply = await client.submit(sampleApplication(clock));
  assert.equal(reply.status, 201);
  const answer = view(reply.json);
  assert.equal(answer.status, 'GREEN');
  assert.equal(answer.reviewDueAt, null);
  assert.ok(answer.code);
  assert.equal(Date.parse(answer.code.validUntil) - clock.now().getTime(), 14 * 24 * HOUR);

  const trustList = TrustListSchema.parse((await client.trustList()).json);
  const revocations = RevocationListSchema.parse((await client.revocations()).json);
  const verified = verifyCode(answer.code.codeText, { trustList, revokedHashes: revocations.hashes, now: clock.now() });
  assert.equal(verified.ok, true);
  assert.equal(verified.ok && verified.fields.status, 'GREEN');
  assert.equal(verified.ok && verified.fields.codeId, answer.code.codeId);

  const byProvince = await client.verify(answer.code.codeText);
  assert.deepEqual(byProvince.json, { valid: true, status: 'GREEN', reason: null });
  const broken = await client.verify(answer.code.codeText.slice(0, -3) + '000');
  assert.equal((broken.json as { valid: boolean }).valid, false);
});

test('risky declarations are PENDING with the rule id and reviewDueAt (offline 6 h, online 6 working hours)', async (t) => {
  const { client, clock } = await startProvince(t);
  const cases = [
    { declaration: { fever: true }, rule: 'fever' },
    { declaration: { temperatureC: 37.5 }, rule: 'fever' },
    { declaration: { coughOrOtherSymptoms: true }, rule: 'symptoms' },
    { declaration: { travelOutsideProvince14d: true }, rule: 'travel' },
    { declaration: { contactWithCase14d: true }, rule: 'contact' },
  ];
  for (const c of cases) {
    const answer = view((await client.submit(sampleApplication(clock, { declaration: c.declaration }))).json);
    assert.equal(answer.status, 'PENDING', c.rule);
    assert.equal(answer.reasonCode, c.rule);
    assert.equal(answer.code, null);
    assert.equal(answer.reviewDueAt, new Date(clock.now().getTime() + 6 * HOUR).toISOString());
  }
  // Friday 10:00 Shanghai: 10:00–12:00 and 13:30–17:00 are 5.5 h, so due Monday 09:00 (01:00Z).
  const online = view((await client.submit(sampleApplication(clock, { channel: 'online', declaration: { fever: true } }))).json);
  assert.equal(online.reviewDueAt, '2026-11-30T01:00:00.000Z');
});

test('officers approve (GREEN + code), refuse (RED with the rule id) or ask for information (PENDING ask-info)', async (t) => {
  const { client, clock } = await startProvince(t);
  const submit = async () =>
    view((await client.submit(sampleApplication(clock, { declaration: { travelOutsideProvince14d: true } }))).json);

  const approved = view((await client.decide((await submit()).applicationId, 'approve')).json);
  assert.equal(approved.status, 'GREEN');
  assert.ok(approved.code);

  const refused = view((await client.decide((await submit()).applicationId, 'refuse', 'travel')).json);
  assert.equal(refused.status, 'RED');
  assert.equal(refused.reasonCode, 'travel');

  const asked = view((await client.decide((await submit()).applicationId, 'ask-info')).json);
  assert.equal(asked.status, 'PENDING');
  assert.equal(asked.reasonCode, 'ask-info');

  const unknown = await client.decide('00000000-0000-4000-8000-000000000000', 'approve');
  assert.equal(unknown.status, 404);
  const correction = await client.request(
    'POST',
    `/v1/applications/${approved.applicationId}/corrections`,
    { field: 'applicant.name', value: '测试乙', reason: 'typo' },
    { idempotencyKey: 'corr-1' },
  );
  assert.equal(view(correction.json).status, 'GREEN');
});

test('auto-default: an online application still PENDING turns GREEN at 18:00 the day after its deadline; offline stays', async (t) => {
  const { client, clock, url, emulator } = await startProvince(t);
  const online = view(
    (await client.submit(sampleApplication(clock, { channel: 'online', declaration: { contactWithCase14d: true } }))).json,
  );
  const offline = view((await client.submit(sampleApplication(clock, { declaration: { contactWithCase14d: true } }))).json);
  // Due Monday 09:00 Shanghai → auto-default Tuesday 18:00 Shanghai = 2026-12-01T10:00Z.
  await admin(url, 'POST', '/admin/clock', { now: '2026-12-01T09:59:00.000Z' });
  assert.equal(view((await client.get(online.applicationId)).json).status, 'PENDING');
  emulator.admin.setClock({ advanceMs: 60_000 });
  const defaulted = view((await client.get(online.applicationId)).json);
  assert.equal(defaulted.status, 'GREEN');
  assert.equal(defaulted.reasonCode, 'auto-default');
  assert.ok(defaulted.code);
  assert.equal(view((await client.get(offline.applicationId)).json).status, 'PENDING');
});

test('a replay with the same key and body gets the first answer and files nothing; another body is 422', async (t) => {
  const { client, clock, url } = await startProvince(t);
  const app = sampleApplication(clock);
  const first = await client.submit(app);
  const again = await client.submit(app);
  assert.equal(first.status, 201);
  assert.equal(again.status, 200);
  assert.equal(again.headers['idempotent-replay'], 'true');
  assert.deepEqual(again.json, first.json);

  const other = await client.submit({ ...app, hallId: '370102002' });
  assert.equal(other.status, 422);
  assert.equal(errorCode(other.json), 'idempotency-mismatch');

  const counts = (await admin(url, 'GET', '/admin/applications')).json as Record<string, number>;
  assert.equal(counts.count, 1);
  assert.equal(counts.created, 1);
  assert.equal(counts.replays, 1);
  assert.equal(counts.duplicateApplicants, 0);
});

test('the change feed pages with a cursor, in order, with no gaps', async (t) => {
  const { client, clock } = await startProvince(t);
  for (let i = 0; i < 5; i++) await client.submit(sampleApplication(clock, { idNumber: testIdNumber('19800101', i) }));
  const pending = view((await client.submit(sampleApplication(clock, { declaration: { fever: true } }))).json);
  await client.decide(pending.applicationId, 'approve');

  const seqs: number[] = [];
  let cursor = 0;
  for (;;) {
    const page = ChangeFeedSchema.parse((await client.changes(cursor, 3)).json);
    if (page.changes.length === 0) break;
    seqs.push(...page.changes.map((c) => c.seq));
    cursor = page.nextCursor;
  }
  assert.deepEqual(seqs, [1, 2, 3, 4, 5, 6, 7]);
  const last = ChangeFeedSchema.parse((await client.changes(6, 10)).json).changes;
  assert.equal(last[0]?.applicationId, pending.applicationId);
  assert.equal(last[0]?.status, 'GREEN');
});

test('an admin status change reaches the feed, revokes the old code and issues a new one', async (t) => {
  const { client, clock, url } = await startProvince(t);
  const green = view((await client.submit(sampleApplication(clock))).json);
  const changed = await admin(url, 'POST', '/admin/status', {
    applicationId: green.applicationId,
    status: 'YELLOW',
    reasonCode: 'big-data',
  });
  const yellow = view(changed.json);
  assert.equal(yellow.status, 'YELLOW');
  assert.notEqual(yellow.code?.codeId, green.code?.codeId);

  const feed = ChangeFeedSchema.parse((await client.changes(1, 10)).json);
  assert.deepEqual(
    feed.changes.map((c) => [c.status, c.reasonCode]),
    [['YELLOW', 'big-data']],
  );
  const verdict = await client.verify(green.code!.codeText);
  assert.deepEqual(verdict.json, { valid: false, status: null, reason: 'revoked' });
  const revocations = RevocationListSchema.parse((await client.revocations()).json);
  assert.equal(revocations.hashes.length, 1);
  assert.deepEqual((await client.verify(yellow.code!.codeText)).json, { valid: true, status: 'YELLOW', reason: null });
});

test('a restart on the same SQLite file keeps applications, feed, idempotency answers and the issuer key', async (t) => {
  const first = await startProvince(t);
  const app = sampleApplication(first.clock);
  const filed = await first.client.submit(app);
  const trustBefore = TrustListSchema.parse((await first.client.trustList()).json).keys;
  await first.close();

  const second = await startProvince(t, { dbFile: first.dbFile });
  assert.deepEqual(view((await second.client.get(app.applicationId)).json), view(filed.json));
  assert.equal(ChangeFeedSchema.parse((await second.client.changes(0, 10)).json).changes.length, 1);
  assert.deepEqual(TrustListSchema.parse((await second.client.trustList()).json).keys, trustBefore);
  const replay = await second.client.submit(app);
  assert.equal(replay.headers['idempotent-replay'], 'true');
  assert.deepEqual((await second.client.verify(view(filed.json).code!.codeText)).json, { valid: true, status: 'GREEN', reason: null });
});
