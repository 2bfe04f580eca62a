// Card text decoding: round trip per card type, 长期, every ethnicity, bad lengths, unknown type, bad fields — never a throw.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeCardData, encodeCardData, encodeCardText, type CardTextFields } from '../../electron/core/devices/id-reader/card.js';
import { ethnicities } from '../../electron/core/devices/id-reader/ethnicity.js';
import { fieldOffsets, PHOTO_BYTES, TEXT_BYTES } from '../../electron/core/devices/id-reader/layout.js';
import { checkDigit, demoCards } from '../../emulators/id-reader/demo-cards.js';
import { photoField, silhouette } from '../../emulators/id-reader/photo.js';

const photo = photoField();
const elderly = demoCards.find((c) => c.id === 'resident-elderly')!;
const dataOf = (fields: CardTextFields, type = elderly.cardType) => encodeCardData(encodeCardText(fields, type), photo);

for (const card of demoCards) {
  test(`${card.id} (${card.cardType}) survives encode → decode unchanged`, () => {
    const result = decodeCardData(dataOf(card.fields, card.cardType));
    assert.ok(result.ok, JSON.stringify(result));
    const { photo: got, cardType, ...fields } = result.card;
    const { passNumber: _p, issueCount: _i, ...expected } = card.fields;
    assert.equal(cardType, card.cardType);
    assert.deepEqual(fields, expected);
    assert.deepEqual(got, photo);
  });
}

test('demo numbers carry valid MOD 11-2 check digits (and a known example checks out)', () => {
  assert.equal(checkDigit('11010519491231002'), 'X'); // the GB 11643 textbook example
  for (const card of demoCards) assert.equal(card.fields.idNumber.at(-1), checkDigit(card.fields.idNumber.slice(0, 17)), card.id);
  assert.match(demoCards.find((c) => c.cardType === 'foreign-permanent')!.fields.idNumber, /^9\d{17}$/);
  assert.match(demoCards.find((c) => c.cardType === 'hmt-permit')!.fields.idNumber, /^810000/);
});

test('the demo photo is a PNG under 1 KiB, zero-padded to the 1024-byte field', () => {
  assert.ok(silhouette.length <= PHOTO_BYTES);
  assert.deepEqual([...silhouette.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  assert.equal(photo.length, PHOTO_BYTES);
  assert.ok(photo.subarray(silhouette.length).every((b) => b === 0));
});

test('长期 decodes to long-term; a dated validTo to YYYY-MM-DD', () => {
  const text = encodeCardText(elderly.fields, 'resident');
  const { offset } = fieldOffsets('resident').get('validTo')!;
  assert.equal(Buffer.from(text.subarray(offset, offset + 4)).toString('utf16le'), '长期');
  const long = decodeCardData(dataOf(elderly.fields));
  assert.ok(long.ok && long.card.validTo === 'long-term');
  const dated = decodeCardData(dataOf({ ...elderly.fields, validTo: '2035-03-10' }));
  assert.ok(dated.ok && dated.card.validTo === '2035-03-10');
});

test('every ethnicity code 01–56, 97, 98 decodes to its name; 00, 57 and 99 are bad fields', () => {
  assert.equal(ethnicities.size, 58);
  assert.equal(ethnicities.get('01'), '汉');
  assert.equal(ethnicities.get('08'), '壮');
  assert.equal(ethnicities.get('56'), '基诺');
  for (const [code, name] of ethnicities) {
    const result = decodeCardData(dataOf({ ...elderly.fields, ethnicity: { code, name } }));
    assert.ok(result.ok, code);
    assert.deepEqual(result.card.ethnicity, { code, name });
  }
  for (const code of ['00', '57', '99']) {
    assert.deepEqual(decodeCardData(dataOf({ ...elderly.fields, ethnicity: { code, name: '' } })), {
      ok: false,
      error: 'bad-field',
      field: 'ethnicity',
    });
  }
});

test("sex '1' male, '2' female, '0' and '9' unknown", () => {
  const text = encodeCardText(elderly.fields, 'resident');
  const { offset } = fieldOffsets('resident').get('sex')!;
  const expectations: Array<[string, 'M' | 'F' | null | 'bad']> = [
    ['1', 'M'],
    ['2', 'F'],
    ['0', null],
    ['9', null],
    ['3', 'bad'],
  ];
  for (const [char, sex] of expectations) {
    const edited = Uint8Array.from(text);
    edited[offset] = char.charCodeAt(0);
    const result = decodeCardData(encodeCardData(edited, photo));
    if (sex === 'bad') assert.deepEqual(result, { ok: false, error: 'bad-field', field: 'sex' });
    else assert.ok(result.ok && result.card.sex === sex, char);
  }
});

test('short data and lengths that do not match the bytes are refused', () => {
  const good = dataOf(elderly.fields);
  assert.deepEqual(decodeCardData(new Uint8Array(3)), { ok: false, error: 'short-data' });
  assert.deepEqual(decodeCardData(good.subarray(0, good.length - 1)), { ok: false, error: 'bad-lengths' });
  assert.deepEqual(decodeCardData(Uint8Array.of(...good, 0)), { ok: false, error: 'bad-lengths' });
  const wrongText = Uint8Array.from(good);
  wrongText[1] = 0xfe; // text length 254
  assert.deepEqual(decodeCardData(wrongText), { ok: false, error: 'bad-lengths' });
  const bigPhoto = encodeCardData(encodeCardText(elderly.fields, 'resident'), new Uint8Array(PHOTO_BYTES + 1));
  assert.deepEqual(decodeCardData(bigPhoto), { ok: false, error: 'bad-lengths' });
});

test("an unknown card-type char is 'unknown-card-type'; blank and NUL both mean resident", () => {
  const text = encodeCardText(elderly.fields, 'resident');
  for (const [char, expected] of [
    [0x5a, 'unknown-card-type'],
    [0x00, 'resident'],
    [0x20, 'resident'],
  ] as const) {
    const edited = Uint8Array.from(text);
    edited[248] = char;
    const result = decodeCardData(encodeCardData(edited, photo));
    if (expected === 'resident') assert.ok(result.ok && result.card.cardType === 'resident');
    else assert.deepEqual(result, { ok: false, error: expected });
  }
});

test('impossible dates and malformed numbers are bad fields, named', () => {
  const cases: Array<[Partial<CardTextFields>, string]> = [
    [{ birthDate: '1941-02-30' }, 'birthDate'],
    [{ validFrom: '2015-13-01' }, 'validFrom'],
    [{ validTo: '2015-1-1' }, 'validTo'],
    [{ idNumber: '1101011941' }, 'idNumber'],
    [{ name: '' }, 'name'],
  ];
  for (const [change, field] of cases) {
    assert.deepEqual(decodeCardData(dataOf({ ...elderly.fields, ...change })), { ok: false, error: 'bad-field', field }, field);
  }
});

test('the text block is 256 bytes, padded with UCS-2 spaces', () => {
  const text = encodeCardText(elderly.fields, 'resident');
  assert.equal(text.length, TEXT_BYTES);
  assert.deepEqual([...text.subarray(254)], [0x20, 0x00]);
});

test('property: arbitrary names, addresses and dates round-trip; arbitrary bytes never throw', () => {
  const day = fc
    .date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const cjk = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 15 });
  fc.assert(
    fc.property(cjk, cjk, day, day, (name, address, birthDate, validFrom) => {
      const result = decodeCardData(dataOf({ ...elderly.fields, name, address, birthDate, validFrom }));
      assert.ok(result.ok);
      assert.deepEqual(
        [result.card.name, result.card.address, result.card.birthDate, result.card.validFrom],
        [name, address, birthDate, validFrom],
      );
    }),
  );
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 1400 }), (bytes) => {
      const result = decodeCardData(bytes);
      assert.equal(typeof result.ok, 'boolean');
    }),
  );
});
