// Document numbers by example: each type accepted with its facts, each reason given for the fault it names.
// Every number here is invented (check characters computed), except the two published specimens said so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { icaoCheckDigit, mod112CheckChar } from '../../electron/core/identity/check-digit.js';
import { parseDocumentNumber } from '../../electron/core/identity/document-number.js';
import type { RejectReason } from '../../electron/core/identity/schema.js';

/** Local noon, so the kiosk's calendar day is 2026-11-27 whatever the machine's time zone. */
const today = new Date(2026, 10, 27, 12);
const parse = (input: string) => parseDocumentNumber(input, today);
const refused = (input: string, reason: RejectReason) => assert.deepEqual(parse(input), { valid: false, reason }, input);

test('check characters: the GB 11643 specimen and the 2017-card specimen', () => {
  assert.equal(mod112CheckChar('11010519491231002'), 'X');
  assert.equal(mod112CheckChar('44030519900101123'), 'X');
  assert.equal(mod112CheckChar('32010220000229001'), '3');
  assert.equal(icaoCheckDigit('KAZ11009012310'), '5');
  assert.throws(() => mod112CheckChar('1101051949123100'), RangeError);
});

test('resident: the GB 11643 specimen, with its facts', () => {
  assert.deepEqual(parse('11010519491231002X'), {
    valid: true,
    type: 'resident',
    canonical: '11010519491231002X',
    birthDate: '1949-12-31',
    sex: 'F',
    region: '110105',
  });
  const male = parse('440305199001011256');
  assert.ok(male.valid);
  assert.equal(male.sex, 'M');
  assert.equal(male.region, '440305');
});

test('input forms: lowercase x, full-width digits and X, inner and ideographic spaces all give the canonical form', () => {
  for (const typed of [
    '11010519491231002x',
    '１１０１０５１９４９１２３１００２Ｘ',
    '１１０１０５１９４９１２３１００２ｘ',
    ' 110105 19491231 002X ',
    '110105\u300019491231\t002X',
  ]) {
    const parsed = parse(typed);
    assert.ok(parsed.valid, typed);
    assert.equal(parsed.canonical, '11010519491231002X');
  }
});

test('resident-legacy: 15 digits are upgraded to the known 18-digit number', () => {
  assert.deepEqual(parse('110105491231002'), {
    valid: true,
    type: 'resident-legacy',
    canonical: '11010519491231002X',
    birthDate: '1949-12-31',
    sex: 'F',
    region: '110105',
  });
  const male = parse('440305900101123');
  assert.ok(male.valid);
  assert.equal(male.canonical, '44030519900101123X');
  assert.equal(male.sex, 'M');
});

test('hmt-permit: 810000, 820000 and 830000', () => {
  assert.deepEqual(parse('810000199505050014'), {
    valid: true,
    type: 'hmt-permit',
    canonical: '810000199505050014',
    birthDate: '1995-05-05',
    sex: 'M',
    region: '810000',
  });
  assert.equal((parse('820000198808080023') as { type: string }).type, 'hmt-permit');
  assert.equal((parse('830000200101010031') as { region: string }).region, '830000');
});

test('foreign-permanent 2023: 9, accepting province, nationality, birth date, sequence, MOD 11-2', () => {
  assert.deepEqual(parse('931840198507040133'), {
    valid: true,
    type: 'foreign-permanent',
    canonical: '931840198507040133',
    birthDate: '1985-07-04',
    sex: 'M',
    region: '310000',
  });
});

test('foreign-permanent 2017: letters upper-cased, century not in the future, sex not encoded', () => {
  assert.deepEqual(parse('can310185070435'), {
    valid: true,
    type: 'foreign-permanent',
    canonical: 'CAN310185070435',
    birthDate: '1985-07-04',
    sex: null,
    region: '310100',
  });
  assert.equal((parse('CAN310105012037') as { birthDate: string }).birthDate, '2005-01-20');
  assert.equal((parse('CAN310130011522') as { birthDate: string }).birthDate, '1930-01-15');
  assert.equal((parse('GBR440100022939') as { birthDate: string }).birthDate, '2000-02-29');
  // The published specimen of the adaptation notes verifies the layout and the ICAO check digit.
  assert.equal(parse('KAZ110090123105').valid, true);
});

test('birth-date: 19000229 refused, 20000229 accepted, today accepted, tomorrow and pre-1900 refused', () => {
  refused('320102190002290017', 'birth-date');
  assert.equal((parse('320102200002290013') as { birthDate: string }).birthDate, '2000-02-29');
  assert.equal((parse('320102202611270025') as { birthDate: string }).birthDate, '2026-11-27');
  refused('320102202611280020', 'birth-date');
  refused('320102189912310015', 'birth-date');
  refused('320102000229001', 'birth-date'); // legacy: 19000229
  refused('CAN310199022934', 'birth-date'); // 2017 card: neither 2099-02-29 nor 1999-02-29 exists
});

test('length: empty, 17, 16 and 19 characters', () => {
  for (const n of ['', '   ', '11010519491231002', '1101051949123100', '11010519491231002X1']) refused(n, 'length');
});

test('charset: punctuation, a Chinese character, X not last, a letter in a 2017 card digit', () => {
  for (const n of [
    '110105-19491231002',
    '1101051949123100中X',
    '110105194912310X21',
    '11010519491231002Y',
    'KAZ11009012310A',
    '1234-6789012345',
  ]) {
    refused(n, 'charset');
  }
});

test('type: a leading 0, letters and digits mixed where a 2017 card has its nationality', () => {
  refused('010105194912310026', 'type');
  refused('010105491231002', 'type');
  refused('K1Z110090123105', 'type');
});

test('check-digit: a wrong check character on each check-bearing type', () => {
  refused('110105194912310021', 'check-digit');
  refused('810000199505050015', 'check-digit');
  refused('931840198507040134', 'check-digit');
  refused('KAZ110090123107', 'check-digit');
});

test('region: unknown province, Taiwan 71 on a resident number, 81 not a permit code, foreign card provinces', () => {
  refused('190105198001010010', 'region');
  refused('710100198001010016', 'region');
  refused('810101198001010016', 'region');
  refused('999840198507040131', 'region');
  refused('971840198507040130', 'region');
  refused('990102800101001', 'region');
  refused('CAN990085070434', 'region');
});
