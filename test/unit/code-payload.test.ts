// Paper-code payload and printed id by example: every field round-trips at its limits, each decode error is given for
// the fault it names, and the printed id's check symbol catches every single-symbol error and adjacent swap.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { humanCodeId, parseHumanCodeId } from '../../electron/core/codes/human-id.js';
import {
  PAYLOAD_LENGTH,
  dateOfMinutes,
  decodePayload,
  encodePayload,
  minutesOf,
  newCodeId,
  type CodeFields,
} from '../../electron/core/codes/payload.js';

const fields: CodeFields = {
  kid: '21fe31df',
  codeId: '8f3a5c7e9b1d2f46',
  status: 'GREEN',
  issuedAt: 26385210,
  statusAsOf: 26385180,
  validUntil: 26395290,
  holderTag: 'c4582162c91a8416',
  proxy: true,
  hallId: 370202001,
};
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const decoded = (bytes: Uint8Array) => {
  const result = decodePayload(bytes);
  assert.ok(result.ok, JSON.stringify(result));
  return result.fields;
};

test('layout: 39 bytes, big-endian, at the offsets docs/paper-code.md gives', () => {
  const bytes = encodePayload(fields);
  assert.equal(bytes.length, PAYLOAD_LENGTH);
  assert.equal(PAYLOAD_LENGTH, 39);
  assert.equal(
    hex(bytes),
    '01' + '21fe31df' + '8f3a5c7e9b1d2f46' + '02' + '01929b3a' + '01929b1c' + '0192c29a' + 'c4582162c91a8416' + '01' + '1610d591',
  );
});

test('every field round-trips, each at its smallest and largest value', () => {
  assert.deepEqual(decoded(encodePayload(fields)), fields);
  const low: CodeFields = { ...fields, kid: '00000000', codeId: '0'.repeat(16), issuedAt: 0, statusAsOf: 0, validUntil: 0 };
  const high: CodeFields = {
    ...fields,
    kid: 'ffffffff',
    codeId: 'f'.repeat(16),
    holderTag: 'f'.repeat(16),
    issuedAt: 0xffffffff,
    statusAsOf: 0xffffffff,
    validUntil: 0xffffffff,
    hallId: 0xffffffff,
  };
  for (const f of [
    low,
    high,
    { ...low, holderTag: '0'.repeat(16), hallId: 0, proxy: false },
    ...(['PENDING', 'GREEN', 'YELLOW', 'RED'] as const).map((status) => ({ ...fields, status })),
    { ...fields, proxy: false },
  ]) {
    assert.deepEqual(decoded(encodePayload(f)), f);
  }
});

test('times: whole minutes since the Unix epoch in UTC', () => {
  assert.equal(minutesOf(new Date('2020-03-02T01:30:59.999Z')), 26385210);
  assert.equal(dateOfMinutes(26385210).toISOString(), '2020-03-02T01:30:00.000Z');
  assert.equal(minutesOf(new Date(0)), 0);
});

test('the code id comes from the injected random source', () => {
  assert.equal(newCodeId({ bytes: (n) => new Uint8Array(n).fill(0xab) }), 'abababababababab');
});

test('decode errors: short, version, field — and no throw for any of them', () => {
  const good = encodePayload(fields);
  const withByte = (offset: number, value: number) => {
    const copy = good.slice();
    copy[offset] = value;
    return copy;
  };
  const withU32 = (offset: number, value: number) => {
    const copy = good.slice();
    new DataView(copy.buffer).setUint32(offset, value);
    return copy;
  };
  assert.deepEqual(decodePayload(new Uint8Array(0)), { ok: false, error: 'short' });
  assert.deepEqual(decodePayload(good.subarray(0, 38)), { ok: false, error: 'short' });
  assert.deepEqual(decodePayload(good.subarray(0, 1)), { ok: false, error: 'short' });
  assert.deepEqual(decodePayload(withByte(0, 2)), { ok: false, error: 'version' });
  assert.deepEqual(decodePayload(withByte(0, 0)), { ok: false, error: 'version' });
  assert.deepEqual(decodePayload(new Uint8Array([2])), { ok: false, error: 'version' });
  for (const status of [0, 5, 255]) assert.deepEqual(decodePayload(withByte(13, status)), { ok: false, error: 'field', field: 'status' });
  for (const flags of [2, 0x80, 0xff]) assert.deepEqual(decodePayload(withByte(34, flags)), { ok: false, error: 'field', field: 'flags' });
  assert.deepEqual(decodePayload(withU32(18, fields.issuedAt + 1)), { ok: false, error: 'field', field: 'statusAsOf' });
  assert.deepEqual(decodePayload(withU32(22, fields.issuedAt - 1)), { ok: false, error: 'field', field: 'validUntil' });
  assert.deepEqual(decodePayload(new Uint8Array([...good, 0])), { ok: false, error: 'field', field: 'length' });
  assert.deepEqual(decodePayload(new Uint8Array(39)), { ok: false, error: 'version' });
  assert.deepEqual(decodePayload(undefined as unknown as Uint8Array), { ok: false, error: 'short' });
});

test('a payload inside a larger buffer decodes from its own offset', () => {
  const big = new Uint8Array(100).fill(0xee);
  big.set(encodePayload(fields), 50);
  assert.deepEqual(decoded(big.subarray(50, 89)), fields);
});

test('encoding refuses fields it cannot represent, naming the field', () => {
  const bad: [Partial<CodeFields>, string][] = [
    [{ kid: '21FE31DF' }, 'kid'],
    [{ kid: '21fe31' }, 'kid'],
    [{ codeId: '8f3a5c7e9b1d2f4' }, 'codeId'],
    [{ status: 'EXPIRED' as CodeFields['status'] }, 'status'],
    [{ issuedAt: -1 }, 'issuedAt'],
    [{ issuedAt: 1.5 }, 'issuedAt'],
    [{ issuedAt: 2 ** 32, validUntil: 2 ** 32 }, 'issuedAt'],
    [{ statusAsOf: fields.issuedAt + 1 }, 'statusAsOf'],
    [{ validUntil: fields.issuedAt - 1 }, 'validUntil'],
    [{ holderTag: 'zz582162c91a8416' }, 'holderTag'],
    [{ proxy: 1 as unknown as boolean }, 'proxy'],
    [{ hallId: 2 ** 32 }, 'hallId'],
    [{ hallId: -1 }, 'hallId'],
  ];
  for (const [change, field] of bad) {
    assert.throws(() => encodePayload({ ...fields, ...change }), { name: 'RangeError', message: new RegExp(`: ${field}$`) }, field);
  }
});

test('printed id: 13 Crockford symbols and the mod-37 check symbol, in groups of four', () => {
  assert.equal(humanCodeId('8f3a5c7e9b1d2f46'), '8YEJ-WFTD-HTBT-6=');
  // By hand: 0 → all zeros, check 0; 2^64 − 1 → F then twelve Z, and as 2^36 ≡ 1 (mod 37), 2^64 − 1 ≡ 2^28 − 1 ≡ 11 → B.
  assert.equal(humanCodeId('0000000000000000'), '0000-0000-0000-00');
  assert.equal(humanCodeId('ffffffffffffffff'), 'FZZZ-ZZZZ-ZZZZ-ZB');
  // 32 is "10" in base 32, and 32 mod 37 = 32, the first of the five extra check symbols.
  assert.equal(humanCodeId('0000000000000020'), `0000-0000-0001-0${checkOf(32n)}`);
  assert.equal(checkOf(32n), '*');
  assert.throws(() => humanCodeId('8F3A5C7E9B1D2F46'), RangeError);
  for (const id of ['8f3a5c7e9b1d2f46', '0000000000000000', 'ffffffffffffffff', '0123456789abcdef']) {
    assert.deepEqual(parseHumanCodeId(humanCodeId(id)), { ok: true, codeId: id });
  }
});

/** The check symbol for a value, from Crockford's table written out again here. */
function checkOf(n: bigint): string {
  return '0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U'[Number(n % 37n)]!;
}

test('printed id typed back: case, hyphens, spaces and look-alike letters are forgiven; the rest named', () => {
  const id = '8f3a5c7e9b1d2f46';
  for (const typed of ['8yej-wftd-htbt-6=', '8YEJ WFTD HTBT 6=', '8YEJWFTDHTBT6=', ' 8YEJ-WFTD-HTBT-6= ']) {
    assert.deepEqual(parseHumanCodeId(typed), { ok: true, codeId: id }, typed);
  }
  assert.deepEqual(parseHumanCodeId('OOOO-OOOO-OOOO-OO'), { ok: true, codeId: '0000000000000000' });
  assert.deepEqual(parseHumanCodeId('0000-0000-0000-I1'.replace('I1', '11')), parseHumanCodeId('0000-0000-0000-IL'));
  assert.deepEqual(parseHumanCodeId('8YEJ-WFTD-HTBT-6'), { ok: false, problem: 'length' });
  assert.deepEqual(parseHumanCodeId('8YEJ-WFTD-HTBT-6=0'), { ok: false, problem: 'length' });
  assert.deepEqual(parseHumanCodeId('8YEJ-WFTD-HTUT-6='), { ok: false, problem: 'charset' });
  assert.deepEqual(parseHumanCodeId('8YEJ-WFTD-HT*T-6='), { ok: false, problem: 'charset' });
  assert.deepEqual(parseHumanCodeId('8YEJ-WFTD-HTBT-6#'), { ok: false, problem: 'charset' });
  assert.deepEqual(parseHumanCodeId('GZZZ-ZZZZ-ZZZZ-Z0'), { ok: false, problem: 'range' });
  assert.deepEqual(parseHumanCodeId('8YEJ-WFTD-HTBT-6~'), { ok: false, problem: 'check' });
});

test('check symbol: every single-symbol substitution and every adjacent swap of 200 ids is caught', () => {
  const all = '0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U';
  let state = 0x9e3779b9;
  const nextByte = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 24).toString(16).padStart(2, '0');
  for (let k = 0; k < 200; k++) {
    const id = Array.from({ length: 8 }, nextByte).join('');
    const printed = humanCodeId(id).replaceAll('-', '');
    for (let i = 0; i < printed.length; i++) {
      for (const c of all) {
        if (c === printed[i]) continue;
        const typed = printed.slice(0, i) + c + printed.slice(i + 1);
        assert.equal(parseHumanCodeId(typed).ok, false, `${printed} → ${typed}`);
      }
      if (i + 1 < printed.length && printed[i] !== printed[i + 1]) {
        const swapped = printed.slice(0, i) + printed[i + 1] + printed[i] + printed.slice(i + 2);
        assert.equal(parseHumanCodeId(swapped).ok, false, `${printed} → ${swapped}`);
      }
    }
  }
});
