// Paper codes by property: random valid fields round-trip through the payload and through signing and verifying;
// random bytes and random text never make the decoders or the verifier throw, and never verify.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { base45Decode, base45Encode } from '../../electron/core/codes/base45.js';
import { humanCodeId, parseHumanCodeId } from '../../electron/core/codes/human-id.js';
import { issuerKeyFromSeed, trustedKey } from '../../electron/core/codes/keys.js';
import { decodePayload, encodePayload, type CodeFields } from '../../electron/core/codes/payload.js';
import { signCode } from '../../electron/core/codes/sign.js';
import { verifyCode } from '../../electron/core/codes/verify.js';

const hex = (bytes: number) => fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => Buffer.from(b).toString('hex'));
const u32 = fc.nat({ max: 0xffffffff });

/** statusAsOf ≤ issuedAt ≤ validUntil: three sorted u32s. */
const fieldsArb = fc
  .record({
    kid: hex(4),
    codeId: hex(8),
    status: fc.constantFrom('PENDING', 'GREEN', 'YELLOW', 'RED' as const),
    times: fc.tuple(u32, u32, u32).map((t) => t.sort((a, b) => a - b)),
    holderTag: hex(8),
    proxy: fc.boolean(),
    hallId: u32,
  })
  .map(({ times: [statusAsOf, issuedAt, validUntil], ...rest }): CodeFields => ({ ...rest, statusAsOf, issuedAt, validUntil }));

const key = issuerKeyFromSeed(Buffer.alloc(32, 42));
const trustList = { keys: [trustedKey(key, new Date(0), null)] };

test('random valid fields round-trip through the payload', () => {
  fc.assert(
    fc.property(fieldsArb, (fields) => {
      assert.deepEqual(decodePayload(encodePayload(fields)), { ok: true, fields });
    }),
    { numRuns: 5_000 },
  );
});

test('random valid fields, signed, verify at any moment inside their validity', () => {
  fc.assert(
    fc.property(fieldsArb, fc.double({ min: 0, max: 1, noNaN: true }), ({ kid: _kid, ...fields }, at) => {
      const signed = signCode(fields, key);
      assert.equal(signed.text.length, 155);
      const from = Math.max(fields.issuedAt - 5, 0) * 60_000;
      const now = new Date(Math.round(from + at * (fields.validUntil * 60_000 - from)));
      assert.deepEqual(verifyCode(signed.text, { trustList, revokedHashes: [], now }), {
        ok: true,
        fields: { ...fields, kid: key.kid },
        kid: key.kid,
      });
    }),
    { numRuns: 500 },
  );
});

test('random byte strings never make decodePayload, Base45 or verifyCode throw, and never verify', () => {
  const now = new Date('2020-03-05T00:00:00Z');
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      const payload = decodePayload(bytes);
      if (payload.ok) assert.deepEqual(encodePayload(payload.fields), bytes);
      const text = base45Encode(bytes);
      assert.deepEqual(base45Decode(text), bytes);
      assert.equal(verifyCode(text, { trustList, revokedHashes: [], now }).ok, false);
    }),
    { numRuns: 5_000 },
  );
});

test('random text never makes Base45, the printed-id parser or verifyCode throw', () => {
  const now = new Date('2020-03-05T00:00:00Z');
  const b45ish = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:a\u00e9\n'), maxLength: 200 });
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), b45ish), (text) => {
      const bytes = base45Decode(text);
      if (bytes !== null) assert.equal(base45Encode(bytes), text);
      parseHumanCodeId(text);
      assert.equal(verifyCode(text, { trustList, revokedHashes: [], now }).ok, false);
    }),
    { numRuns: 5_000 },
  );
});

test('printed ids round-trip for random code ids', () => {
  fc.assert(
    fc.property(hex(8), (codeId) => {
      assert.deepEqual(parseHumanCodeId(humanCodeId(codeId)), { ok: true, codeId });
    }),
    { numRuns: 5_000 },
  );
});
