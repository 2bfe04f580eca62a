// Base45 against RFC 9285's examples, and its strict decoding: every kind of invalid text is refused, none throws.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base45Decode, base45Encode } from '../../electron/core/codes/base45.js';

const text = (bytes: Uint8Array | null) => (bytes === null ? null : Buffer.from(bytes).toString('latin1'));

test('RFC 9285 §4.3 encoding examples', () => {
  assert.equal(base45Encode(Buffer.from('AB')), 'BB8');
  assert.equal(base45Encode(Buffer.from('Hello!!')), '%69 VD92EX0');
  assert.equal(base45Encode(Buffer.from('base-45')), 'UJCLQE7W581');
  assert.equal(base45Encode(new Uint8Array()), '');
});

test('RFC 9285 §4.4 decoding example, and the other examples back', () => {
  assert.equal(text(base45Decode('QED8WEX0')), 'ietf!');
  for (const s of ['AB', 'Hello!!', 'base-45', '']) assert.equal(text(base45Decode(base45Encode(Buffer.from(s)))), s);
});

test('RFC 9285 §4.2: "GGW" (65536) is refused, as is every other invalid text', () => {
  assert.equal(base45Decode('GGW'), null);
  assert.equal(base45Decode(':::'), null); // 44 + 44·45 + 44·2025 = 91124
  assert.deepEqual(base45Decode('FGW'), new Uint8Array([0xff, 0xff])); // 15 + 16·45 + 32·2025 = 65535, the largest triple
  assert.deepEqual(base45Decode('U5'), new Uint8Array([0xff])); // 30 + 5·45 = 255
  assert.equal(base45Decode('V5'), null); // 256
  assert.equal(base45Decode('B'), null); // 3k+1 characters
  assert.equal(base45Decode('BB8B'), null);
  assert.equal(base45Decode('bb8'), null); // lowercase is not Base45
  assert.equal(base45Decode('BB#'), null);
  assert.equal(base45Decode('BB\u0138'), null); // above U+00FF
  assert.equal(base45Decode('BB😀'), null);
  assert.equal(base45Decode(undefined as unknown as string), null);
});

test('a Uint8Array view inside a larger buffer encodes only its own bytes', () => {
  const big = Buffer.from('xxABxx');
  assert.equal(base45Encode(big.subarray(2, 4)), 'BB8');
});

test('all 65 536 byte pairs and all 256 single bytes round-trip', () => {
  for (let n = 0; n < 65536; n++) {
    const bytes = new Uint8Array([n >> 8, n & 0xff]);
    assert.deepEqual(base45Decode(base45Encode(bytes)), bytes);
  }
  for (let n = 0; n < 256; n++) assert.deepEqual(base45Decode(base45Encode(new Uint8Array([n]))), new Uint8Array([n]));
});
