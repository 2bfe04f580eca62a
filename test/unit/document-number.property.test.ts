// Document numbers by property: generated valid numbers of each type are accepted with their facts, and every
// single substitution and adjacent transposition of a resident number is refused. fast-check prints its seed on failure.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseDocumentNumber } from '../../electron/core/identity/document-number.js';

const today = new Date(2026, 10, 27, 12);
const many = { numRuns: 10_000 };

// Check characters computed here another way than in the code under test, so one bug cannot hide in both:
// MOD 11-2 weights are 2^(17-i) mod 11 and the check value makes the weighted sum ≡ 1 (mod 11).
function mod112(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}
const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const icao = (body: string) => String([...body].reduce((sum, c, i) => sum + alphabet.indexOf(c) * [7, 3, 1][i % 3]!, 0) % 10);

// GB/T 2260 mainland province prefixes, written out here rather than read from the table under test.
const ranges: [number, number][] = [
  [11, 15],
  [21, 23],
  [31, 37],
  [41, 46],
  [50, 54],
  [61, 65],
];
const mainland = ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i)));
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const letters = fc.array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), { minLength: 3, maxLength: 3 }).map((l) => l.join(''));
/** A real past date as YYYYMMDD; the day before `today` in UTC so no time zone makes it tomorrow. */
const date = (from: string, to = '2026-11-26') =>
  fc
    .date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
const iso = (ymd: string) => `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
const sex = (sequence: string) => (Number(sequence) % 2 === 1 ? 'M' : 'F');

const resident = fc.tuple(fc.constantFrom(...mainland), digits(4), date('1900-01-01'), digits(3)).map(([p, county, ymd, seq]) => {
  const body = p + county + ymd + seq;
  return { number: body + mod112(body), expected: { type: 'resident', birthDate: iso(ymd), sex: sex(seq), region: p + county } };
});

test('10,000 generated resident numbers are accepted with their facts', () => {
  fc.assert(
    fc.property(resident, ({ number, expected }) => {
      assert.deepEqual(parseDocumentNumber(number, today), { valid: true, canonical: number, ...expected });
    }),
    many,
  );
});

test('10,000 generated legacy 15-digit numbers are upgraded and accepted', () => {
  const legacy = fc.tuple(fc.constantFrom(...mainland), digits(4), date('1900-01-01', '1999-12-31'), digits(3));
  fc.assert(
    fc.property(legacy, ([p, county, ymd, seq]) => {
      const body = p + county + ymd + seq;
      const expected = { type: 'resident-legacy', canonical: body + mod112(body), birthDate: iso(ymd), sex: sex(seq), region: p + county };
      assert.deepEqual(parseDocumentNumber(p + county + ymd.slice(2) + seq, today), { valid: true, ...expected });
    }),
    many,
  );
});

test('10,000 generated HMT residence permit numbers are accepted', () => {
  const permit = fc.tuple(fc.constantFrom('810000', '820000', '830000'), date('1900-01-01'), digits(3));
  fc.assert(
    fc.property(permit, ([region, ymd, seq]) => {
      const number = region + ymd + seq + mod112(region + ymd + seq);
      const expected = { type: 'hmt-permit', canonical: number, birthDate: iso(ymd), sex: sex(seq), region };
      assert.deepEqual(parseDocumentNumber(number, today), { valid: true, ...expected });
    }),
    many,
  );
});

test('10,000 generated 2023 foreign permanent resident numbers are accepted', () => {
  const card = fc.tuple(fc.constantFrom(...mainland), digits(3), date('1900-01-01'), digits(3));
  fc.assert(
    fc.property(card, ([p, nationality, ymd, seq]) => {
      const body = `9${p}${nationality}${ymd}${seq}`;
      const number = body + mod112(body);
      const expected = { type: 'foreign-permanent', canonical: number, birthDate: iso(ymd), sex: sex(seq), region: `${p}0000` };
      assert.deepEqual(parseDocumentNumber(number, today), { valid: true, ...expected });
    }),
    many,
  );
});

test('10,000 generated 2017 foreign permanent resident numbers are accepted, lowercase too', () => {
  // Births in the 100 years up to today, where the two-digit year has exactly one century that is not in the future.
  const card = fc.tuple(letters, fc.constantFrom(...mainland), digits(2), date('1926-11-28'), digits(1), fc.boolean());
  fc.assert(
    fc.property(card, ([nationality, p, city, ymd, seq, lower]) => {
      const body = nationality + p + city + ymd.slice(2) + seq;
      const number = body + icao(body);
      const expected = { type: 'foreign-permanent', canonical: number, birthDate: iso(ymd), sex: null, region: `${p}${city}00` };
      assert.deepEqual(parseDocumentNumber(lower ? number.toLowerCase() : number, today), { valid: true, ...expected });
    }),
    many,
  );
});

test('every single-character substitution of a resident number is refused (MOD 11-2 catches them all)', () => {
  fc.assert(
    fc.property(resident, ({ number }) => {
      for (let i = 0; i < 18; i++) {
        for (const c of i === 17 ? '0123456789X' : '0123456789') {
          if (c === number[i]) continue;
          const changed = number.slice(0, i) + c + number.slice(i + 1);
          assert.notEqual(mod112(changed.slice(0, 17)), changed[17], `MOD 11-2 missed ${changed}`);
          assert.equal(parseDocumentNumber(changed, today).valid, false, changed);
        }
      }
    }),
    { numRuns: 1_000 },
  );
});

test('every adjacent transposition of a resident number is refused unless the two characters are equal', () => {
  fc.assert(
    fc.property(resident, ({ number }) => {
      for (let i = 0; i < 17; i++) {
        const swapped = number.slice(0, i) + number[i + 1] + number[i] + number.slice(i + 2);
        assert.equal(parseDocumentNumber(swapped, today).valid, number[i] === number[i + 1], swapped);
      }
    }),
    { numRuns: 1_000 },
  );
});
