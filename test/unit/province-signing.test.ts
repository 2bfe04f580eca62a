// Provincial request signatures: a good request passes once; every kind of tampering is refused with its own reason.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRequestVerifier, SIGNATURE_HEADERS, signRequest } from '../../electron/core/province/signing.js';

const secret = new Uint8Array(32).fill(9);
const credentials = { terminalId: 'T-0123456789ABCDEF', secret };
let counter = 0;
const random = { bytes: (n: number) => new Uint8Array(n).fill(++counter % 256) };

function setup() {
  let now = Date.parse('2026-11-27T02:00:00Z');
  const clock = { now: () => new Date(now) };
  const verify = createRequestVerifier({ secretOf: (id) => (id === credentials.terminalId ? secret : undefined), clock });
  const request = { method: 'POST', path: '/v1/applications', body: '{"applicationId":"a"}' };
  const sign = (r = request) => signRequest(r, credentials, clock, random);
  return { verify, request, sign, advance: (ms: number) => (now += ms) };
}

test('a signed request is accepted, and the same request replayed is refused as a reused nonce', () => {
  const { verify, request, sign } = setup();
  const headers = sign();
  assert.deepEqual(verify(request, headers), { ok: true, terminalId: credentials.terminalId });
  assert.deepEqual(verify(request, headers), { ok: false, problem: 'nonce-reused' });
});

test('a tampered body, path or method is a bad signature', () => {
  const { verify, request, sign } = setup();
  assert.deepEqual(verify({ ...request, body: '{"applicationId":"b"}' }, sign()), { ok: false, problem: 'bad-signature' });
  assert.deepEqual(verify({ ...request, path: '/v1/applications?x=1' }, sign()), { ok: false, problem: 'bad-signature' });
  assert.deepEqual(verify({ ...request, method: 'PUT' }, sign()), { ok: false, problem: 'bad-signature' });
  const headers = sign();
  assert.deepEqual(verify(request, { ...headers, [SIGNATURE_HEADERS.nonce]: 'other' }), { ok: false, problem: 'bad-signature' });
});

test('a timestamp outside ±5 minutes is stale, in both directions', () => {
  const { verify, request, sign, advance } = setup();
  const early = sign();
  advance(5 * 60_000 + 1);
  assert.deepEqual(verify(request, early), { ok: false, problem: 'stale-timestamp' });
  const late = sign();
  advance(-(10 * 60_000 + 2));
  assert.deepEqual(verify(request, late), { ok: false, problem: 'stale-timestamp' });
  const inside = sign();
  advance(4 * 60_000);
  assert.equal(verify(request, inside).ok, true);
});

test('an unknown terminal and missing or malformed headers have their own reasons', () => {
  const { verify, request, sign } = setup();
  const headers = sign();
  assert.deepEqual(verify(request, { ...headers, [SIGNATURE_HEADERS.terminal]: 'T-UNKNOWN0000' }), {
    ok: false,
    problem: 'unknown-terminal',
  });
  for (const name of [SIGNATURE_HEADERS.terminal, SIGNATURE_HEADERS.timestamp, SIGNATURE_HEADERS.nonce, SIGNATURE_HEADERS.signature]) {
    const without: Record<string, string> = { ...headers };
    delete without[name];
    assert.deepEqual(verify(request, without), { ok: false, problem: 'missing-headers' }, name);
  }
  assert.deepEqual(verify(request, { ...headers, [SIGNATURE_HEADERS.timestamp]: 'yesterday' }), { ok: false, problem: 'missing-headers' });
});

test('a signature made with another secret is refused', () => {
  const { verify, request } = setup();
  const clock = { now: () => new Date('2026-11-27T02:00:00Z') };
  const forged = signRequest(request, { ...credentials, secret: new Uint8Array(32).fill(1) }, clock, random);
  assert.deepEqual(verify(request, forged), { ok: false, problem: 'bad-signature' });
});
