// Signing and offline verification by example: each refusal reason for the fault it names, holder binding, the
// trust and revocation list schemas, and the worked example of docs/paper-code.md, read from the document itself.
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { base45Decode, base45Encode } from '../../electron/core/codes/base45.js';
import { holderMatches, holderTag } from '../../electron/core/codes/holder.js';
import { generateIssuerKey, issuerKeyFromSeed, keyId, publicKeyFromRaw, trustedKey } from '../../electron/core/codes/keys.js';
import { decodePayload } from '../../electron/core/codes/payload.js';
import { RevocationListSchema, TrustListSchema } from '../../electron/core/codes/schema.js';
import { revocationHash, signCode } from '../../electron/core/codes/sign.js';
import { CLOCK_SKEW_MINUTES, verifyCode, type VerifyOptions } from '../../electron/core/codes/verify.js';
import {
  exampleCodeId,
  exampleFields,
  exampleHolder,
  examplePublicHex,
  exampleSeed,
  exampleTrustList,
  otherKey,
} from '../helpers/code-fixtures.js';

// RFC 8032 §7.1 TEST 1: a published key pair, so the derivation is checked against someone else's numbers.
const publicHex = examplePublicHex;
const key = issuerKeyFromSeed(exampleSeed);
const other = otherKey;
const idNumber = exampleHolder;
const codeId = exampleCodeId;
const fields = exampleFields;
const trustList = exampleTrustList;
const now = new Date('2020-03-05T00:00:00Z');
const options: VerifyOptions = { trustList, revokedHashes: [], now };
const signed = signCode(fields, key);

test('keys: the RFC 8032 TEST 1 seed gives its public key; kid is SHA-256 of it, first 4 bytes', () => {
  assert.equal(Buffer.from(key.publicKeyRaw).toString('hex'), publicHex);
  assert.equal(key.kid, '21fe31df');
  assert.equal(keyId(Buffer.from(publicHex, 'hex')), key.kid);
  assert.equal(trustList.keys[0]!.publicKey, '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=');
  const fresh = generateIssuerKey({ bytes: () => Buffer.alloc(32, 7) });
  assert.deepEqual(fresh.publicKeyRaw, other.publicKeyRaw);
  assert.notEqual(generateIssuerKey().kid, generateIssuerKey().kid);
  assert.equal(publicKeyFromRaw(new Uint8Array(31)), null);
  assert.throws(() => issuerKeyFromSeed(new Uint8Array(31)), RangeError);
});

test('a signed code: 103 bytes, 155 Base45 characters, the key id from the key', () => {
  assert.equal(signed.bytes.length, 103);
  assert.equal(signed.text.length, 155);
  assert.match(signed.text, /^[0-9A-Z $%*+\-./:]+$/);
  assert.equal(signed.revocationHash, revocationHash(signed.bytes));
  const payload = decodePayload(signed.bytes.subarray(0, 39));
  assert.ok(payload.ok);
  assert.equal(payload.fields.kid, key.kid);
});

test('verify ok: the fields, the kid; trailing CR/LF from a wedge scanner is dropped', () => {
  const expected = { ok: true, fields: { ...fields, kid: key.kid }, kid: key.kid };
  assert.deepEqual(verifyCode(signed.text, options), expected);
  assert.deepEqual(verifyCode(`${signed.text}\r\n`, options), expected);
  assert.deepEqual(verifyCode(signed.text, { ...options, revokedHashes: new Set(['0000000000000000']) }), expected);
});

test('format: not Base45, too short, or a payload that does not decode', () => {
  for (const text of [
    '',
    'hello',
    `${signed.text} `,
    signed.text.toLowerCase(),
    signed.text.slice(0, 150),
    'GGW',
    base45Encode(new Uint8Array(64)),
  ]) {
    assert.deepEqual(verifyCode(text, options), { ok: false, reason: 'format' }, JSON.stringify(text));
  }
  assert.deepEqual(verifyCode(undefined as unknown as string, options), { ok: false, reason: 'format' });
  // A valid signature over a version-2 payload is still a format failure for a version-1 verifier.
  const v2 = signed.bytes.slice();
  v2[0] = 2;
  assert.deepEqual(verifyCode(base45Encode(v2), options), { ok: false, reason: 'format' });
});

test('a flipped bit anywhere gives signature, format, or (in the kid) unknown-key — never ok', () => {
  const seen = new Set<string>();
  for (let bit = 0; bit < signed.bytes.length * 8; bit++) {
    const bytes = signed.bytes.slice();
    bytes[bit >> 3]! ^= 0x80 >> (bit & 7);
    const result = verifyCode(base45Encode(bytes), options);
    assert.equal(result.ok, false, `bit ${bit}`);
    const allowed = bit >= 8 && bit < 40 ? ['unknown-key'] : ['signature', 'format'];
    assert.ok(!result.ok && allowed.includes(result.reason), `bit ${bit}: ${JSON.stringify(result)}`);
    if (!result.ok) seen.add(result.reason);
  }
  assert.deepEqual([...seen].sort(), ['format', 'signature', 'unknown-key']);
});

test('unknown-key: kid not listed, a listed kid that is not its key hash, or signed by another key', () => {
  assert.deepEqual(verifyCode(signed.text, { ...options, trustList: { keys: [] } }), { ok: false, reason: 'unknown-key' });
  const lying = { ...trustedKey(other, new Date('2020-02-01T00:00:00Z'), null), kid: key.kid };
  assert.deepEqual(verifyCode(signed.text, { ...options, trustList: { keys: [lying] } }), { ok: false, reason: 'unknown-key' });
  const byOther = signCode(fields, other);
  assert.deepEqual(verifyCode(byOther.text, options), { ok: false, reason: 'unknown-key' });
});

test('signature: a code whose kid names a trusted key but which another key signed', () => {
  const forged = signCode(fields, other).bytes.slice();
  forged.set(Buffer.from(key.kid, 'hex'), 1);
  // The kid is inside the signed payload, so changing it breaks the other key's signature too.
  assert.deepEqual(verifyCode(base45Encode(forged), options), { ok: false, reason: 'signature' });
});

test('two listed keys share a kid (a real 4-byte collision, found by search): the one that verifies is used', () => {
  const seedOf = (i: number) => createHash('sha256').update(`kid-collision-${i}`).digest();
  const [a, b] = [issuerKeyFromSeed(seedOf(40374)), issuerKeyFromSeed(seedOf(46715))];
  assert.equal(a.kid, '6ddffd41');
  assert.equal(b.kid, a.kid);
  const from = new Date('2020-02-01T00:00:00Z');
  const both = { keys: [trustedKey(a, from, null), trustedKey(b, from, null)] };
  for (const signer of [a, b]) assert.equal(verifyCode(signCode(fields, signer).text, { ...options, trustList: both }).ok, true);
  const onlyA = { keys: [trustedKey(a, from, null)] };
  assert.deepEqual(verifyCode(signCode(fields, b).text, { ...options, trustList: onlyA }), { ok: false, reason: 'signature' });
});

test('key validity: issued before validFrom, issued after validTo, or checked after validTo → unknown-key', () => {
  const at = (validFrom: string, validTo: string | null, when = now) =>
    verifyCode(signed.text, {
      ...options,
      now: when,
      trustList: { keys: [trustedKey(key, new Date(validFrom), validTo === null ? null : new Date(validTo))] },
    });
  const refused = { ok: false, reason: 'unknown-key' };
  assert.deepEqual(at('2020-03-02T01:31:00Z', null), refused);
  assert.equal(at('2020-03-02T01:30:59Z', null).ok, true); // validFrom inside issuedAt's minute
  assert.equal(at('2020-03-02T01:30:00Z', '2020-03-02T01:30:00Z', new Date('2020-03-02T01:30:00Z')).ok, true);
  assert.deepEqual(at('2020-02-01T00:00:00Z', '2020-03-02T01:29:00Z', new Date('2020-03-02T01:29:00Z')), refused);
  assert.deepEqual(at('2020-02-01T00:00:00Z', '2020-03-04T00:00:00Z'), refused);
  assert.equal(at('2020-02-01T00:00:00Z', '2020-03-05T00:00:00Z').ok, true);
});

test('not-yet-valid beyond a 5-minute skew; expired after validUntil', () => {
  const issued = new Date('2020-03-02T01:30:00Z').getTime();
  const at = (ms: number) => verifyCode(signed.text, { ...options, now: new Date(ms) });
  assert.equal(CLOCK_SKEW_MINUTES, 5);
  assert.equal(at(issued - 5 * 60_000).ok, true);
  assert.deepEqual(at(issued - 5 * 60_000 - 1), { ok: false, reason: 'not-yet-valid' });
  const until = new Date('2020-03-09T01:30:00Z').getTime();
  assert.equal(at(until).ok, true);
  assert.deepEqual(at(until + 1), { ok: false, reason: 'expired' });
});

test('revoked: its hash in the list (array or Set), also when otherwise expired', () => {
  assert.deepEqual(verifyCode(signed.text, { ...options, revokedHashes: [signed.revocationHash] }), { ok: false, reason: 'revoked' });
  const set = new Set([signed.revocationHash]);
  assert.deepEqual(verifyCode(signed.text, { ...options, revokedHashes: set }), { ok: false, reason: 'revoked' });
  const later = new Date('2021-01-01T00:00:00Z');
  assert.deepEqual(verifyCode(signed.text, { ...options, revokedHashes: set, now: later }), { ok: false, reason: 'revoked' });
  const reprint = signCode({ ...fields, codeId: '0011223344556677', holderTag: holderTag('0011223344556677', idNumber) }, key);
  assert.equal(verifyCode(reprint.text, { ...options, revokedHashes: set }).ok, true);
});

test('holder: the tapped card matches; another number, or the same number for another code id, does not', () => {
  const verified = verifyCode(signed.text, options);
  assert.ok(verified.ok);
  assert.equal(holderMatches(verified.fields, idNumber), true);
  assert.equal(holderMatches(verified.fields, '11010519491231002x'), true);
  assert.equal(holderMatches(verified.fields, '１１０１０５ １９４９１２３１ ００２Ｘ'), true);
  assert.equal(holderMatches(verified.fields, '110105194912310029'), false);
  assert.equal(holderMatches(verified.fields, '440305199001011256'), false);
  assert.equal(holderMatches({ ...verified.fields, codeId: '0011223344556677' }, idNumber), false);
  assert.equal(holderMatches({ ...verified.fields, holderTag: 'nothex' }, idNumber), false);
  assert.notEqual(holderTag('0011223344556677', idNumber), holderTag(codeId, idNumber));
  // Recomputed here with the documented construction, not through holderTag.
  const expected = createHmac('sha256', Buffer.concat([Buffer.from('mashangban.holder.v1'), Buffer.from(codeId, 'hex')]))
    .update(idNumber)
    .digest('hex')
    .slice(0, 16);
  assert.equal(holderTag(codeId, idNumber), expected);
});

test('trust and revocation lists: the schemas accept the documented shape and refuse each kind of fault', () => {
  assert.deepEqual(TrustListSchema.parse(trustList), trustList);
  const entry = trustList.keys[0]!;
  const refuses = (keys: unknown[]) => assert.equal(TrustListSchema.safeParse({ ...trustList, keys }).success, false, JSON.stringify(keys));
  refuses([{ ...entry, kid: '21FE31DF' }]);
  refuses([{ ...entry, kid: '21fe31' }]);
  refuses([{ ...entry, alg: 'ES256' }]);
  refuses([{ ...entry, publicKey: Buffer.alloc(31).toString('base64') }]);
  refuses([{ ...entry, publicKey: Buffer.alloc(33).toString('base64') }]);
  refuses([{ ...entry, publicKey: entry.publicKey.replace('Ro=', 'Rp=') }]); // non-zero padding bits
  refuses([{ ...entry, validFrom: '2020-02-01' }]);
  refuses([{ ...entry, validTo: '2020-01-01T00:00:00Z' }]);
  refuses([{ ...entry, extra: 1 }]);
  assert.equal(TrustListSchema.safeParse({ ...trustList, issuer: '' }).success, false);
  assert.equal(TrustListSchema.safeParse({ keys: [], updatedAt: trustList.updatedAt }).success, false);
  const list = { hashes: [signed.revocationHash], updatedAt: '2020-03-05T00:00:00+08:00' };
  assert.deepEqual(RevocationListSchema.parse(list), list);
  for (const hash of ['F6B24935E6690B3E', 'f6b24935e6690b3', 'f6b24935e6690b3e0']) {
    assert.equal(RevocationListSchema.safeParse({ ...list, hashes: [hash] }).success, false, hash);
  }
});

/** The text of the fenced block after `<!-- worked-example:NAME -->` in docs/paper-code.md. */
function docBlock(name: string): string {
  const doc = readFileSync(new URL('../../docs/paper-code.md', import.meta.url), 'utf8');
  const match = doc.match(new RegExp(`<!-- worked-example:${name} -->\\n\`\`\`text\\n([^\`]*)\`\`\``));
  assert.ok(match, `block ${name} in docs/paper-code.md`);
  return match[1]!.replace(/\n$/, '');
}

test('the worked example of docs/paper-code.md verifies, and signing its fields gives exactly its bytes', () => {
  const text = docBlock('base45');
  const hex = docBlock('hex').replace(/\s+/g, '');
  assert.equal(Buffer.from(base45Decode(text)!).toString('hex'), hex);
  assert.equal(signed.text, text);
  assert.equal(signed.revocationHash, 'f6b24935e6690b3e');
  const result = verifyCode(text, options);
  assert.deepEqual(result, { ok: true, fields: { ...fields, kid: '21fe31df' }, kid: '21fe31df' });
  assert.ok(result.ok && holderMatches(result.fields, idNumber));
  assert.deepEqual(verifyCode(text, { ...options, now: new Date('2020-03-09T01:30:00.001Z') }), { ok: false, reason: 'expired' });
  assert.deepEqual(verifyCode(text, { ...options, now: new Date('2020-03-02T01:24:59.999Z') }), { ok: false, reason: 'not-yet-valid' });
});
