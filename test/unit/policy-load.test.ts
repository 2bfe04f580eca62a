// Policy files at start: the shipped set loads; each kind of malformed file is refused naming the file and field path.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { loadPolicies, PolicyFileError, syntaxErrorOffset } from '../../electron/core/policy/load.js';
import { tempDir } from '../helpers/temp.js';

const shipped = fileURLToPath(new URL('../../policies', import.meta.url));
const reference = JSON.parse(readFileSync(join(shipped, 'shandong-2020-03-27.json'), 'utf8')) as Record<string, unknown>;

const DELETE = Symbol('delete');

/** A folder with one copy of the 03-27 file in which the value at the dotted `path` is replaced (or deleted). */
function folderWith(t: TestContext, path = '', value: unknown = DELETE): string {
  const dir = tempDir(t, 'policy-');
  const policy = structuredClone(reference);
  if (path !== '') {
    const keys = path.split('.');
    const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, policy);
    if (value === DELETE) delete parent[keys.at(-1)!];
    else parent[keys.at(-1)!] = value;
  }
  writeFileSync(join(dir, 'shandong-2020-03-27.json'), JSON.stringify(policy, null, 2));
  return dir;
}

function refusal(dir: string): PolicyFileError {
  try {
    loadPolicies(dir);
  } catch (error) {
    assert.ok(error instanceof PolicyFileError, `expected PolicyFileError, got ${String(error)}`);
    return error;
  }
  return assert.fail('the folder loaded');
}

/** The file is named, the first problem is at `path`, and the message says both. */
function assertRefused(dir: string, path: string, problem: RegExp, file = 'shandong-2020-03-27.json'): PolicyFileError {
  const error = refusal(dir);
  assert.equal(error.file, file);
  assert.ok(
    error.problems.some((p) => p.path === path && problem.test(p.problem)),
    `no problem at ${path} matching ${problem}: ${JSON.stringify(error.problems)}`,
  );
  assert.match(error.message, new RegExp(`^policy file ${file.replace('.', '\\.')}: `));
  assert.ok(error.message.includes(path), error.message);
  return error;
}

test('the shipped folder loads every reference version, oldest first', () => {
  const set = loadPolicies(shipped);
  assert.deepEqual(
    set.policies.map((p) => [p.id, p.effectiveFrom]),
    [
      ['shandong-2020-03-04', '2020-03-04'],
      ['shandong-2020-03-27', '2020-03-27'],
      ['shandong-2020-04-20', '2020-04-20'],
    ],
  );
});

test('a missing field is named', (t) => {
  const error = assertRefused(folderWith(t, 'validityDays'), 'validityDays', /missing field \(expected number\)/);
  assert.equal(error.path, 'validityDays');
});

test('a wrong type is named, deep in the file', (t) => {
  assertRefused(folderWith(t, 'sla.officeHours.1.to', 1700), 'sla.officeHours[1].to', /expected string/);
  assertRefused(folderWith(t, 'rules.2.effect', 'deny'), 'rules[2].effect', /review|refuse/);
});

test('an unknown field is named with its own key, not just its parent', (t) => {
  assertRefused(folderWith(t, 'expires', '2020-06-02'), 'expires', /unknown field/);
  assertRefused(folderWith(t, 'channels.proxy-family.allowd', true), 'channels["proxy-family"].allowd', /unknown field/);
});

test('a misspelt condition field is named at its path, at any depth', (t) => {
  assertRefused(folderWith(t, 'rules.1.when.field', 'coughOrOtherSymptom'), 'rules[1].when.field', /expected one of/);
  assertRefused(
    folderWith(t, 'rules.3.when.all.1.not.field', 'answers.travelLowRiskOnly'),
    'rules[3].when.all[1].not.field',
    /expected one of/,
  );
  assertRefused(folderWith(t, 'rules.5.when.field', 'answers.underObservation'), 'rules[5].when.field', /expected one of/);
});

test('conditions must use the operator of their field type and values of its enum', (t) => {
  assertRefused(folderWith(t, 'rules.0.when.any.0', { field: 'fever', atLeast: 1 }), 'rules[0].when.any[0].atLeast', /boolean field/);
  assertRefused(
    folderWith(t, 'rules.5.when', { field: 'answers.underMedicalObservation', in: ['yes'] }),
    'rules[5].when.in',
    /answers\.underMedicalObservation is a boolean field/,
  );
  assertRefused(folderWith(t, 'rules.4.when.all.0.in', ['staf']), 'rules[4].when.all[0].in[0]', /one of none, family, staff, batch/);
  assertRefused(folderWith(t, 'rules.2.when', { any: [], all: [] }), 'rules[2].when.any', /at least 1|>=1/i);
  assertRefused(
    folderWith(t, 'rules.2.when', { field: 'fever', is: true, not: { field: 'fever', is: false } }),
    'rules[2].when.not',
    /cannot also carry/,
  );
});

test('bad dates are refused: not a calendar day, or not ISO', (t) => {
  assertRefused(folderWith(t, 'effectiveFrom', '2020-02-30'), 'effectiveFrom', /real calendar day/);
  assertRefused(folderWith(t, 'source.date', '2020/03/27'), 'source.date', /2020-03-27/);
  assertRefused(folderWith(t, 'sla.autoDefault.at', '24:00'), 'sla.autoDefault.at', /08:30/);
});

test('two versions with the same effectiveFrom, or the same id, are refused naming the second file', (t) => {
  const dir = folderWith(t);
  writeFileSync(join(dir, 'shandong-2020-03-27-copy.json'), JSON.stringify({ ...reference, id: 'shandong-copy' }));
  const sameDay = refusal(dir);
  assert.equal(sameDay.file, 'shandong-2020-03-27.json'); // files are read in name order: "-copy" sorts first
  assert.equal(sameDay.path, 'effectiveFrom');
  assert.match(sameDay.problem, /shandong-2020-03-27-copy\.json/);

  const dir2 = folderWith(t);
  writeFileSync(join(dir2, 'z-later.json'), JSON.stringify({ ...reference, effectiveFrom: '2020-04-20' }));
  const sameId = refusal(dir2);
  assert.deepEqual([sameId.file, sameId.path], ['z-later.json', 'id']);
});

test('inside one file: a rule id used twice, and a fever threshold no rule uses, are refused', (t) => {
  assertRefused(folderWith(t, 'rules.1.id', 'SD-0327-1'), 'rules[1].id', /already used at rules\[0\]\.id/);
  assertRefused(folderWith(t, 'channels.online.id', 'SD-0327-3'), 'rules[2].id', /already used at channels\.online\.id/);
  assertRefused(folderWith(t, 'feverThresholdC', 37.5), 'feverThresholdC', /no rule tests temperatureC atLeast 37\.5/);
  assertRefused(
    folderWith(t, 'proxyLimits.maxSubjectsPerProxyPerDay.value', 3),
    'proxyLimits.maxSubjectsPerProxyPerDay.sentence["zh-CN"]',
    /must state the limit \(3\)/,
  );
});

test('broken JSON names the file and the line and column', (t) => {
  const dir = tempDir(t, 'policy-');
  writeFileSync(join(dir, 'broken.json'), '{\n  "id": "x",\n  "version": 1,\n}\n');
  const error = refusal(dir);
  assert.equal(error.file, 'broken.json');
  assert.match(error.message, /^policy file broken\.json: not valid JSON at line 4, column 1/);
});

test('an empty folder fails at start too', (t) => {
  const dir = tempDir(t, 'policy-');
  writeFileSync(join(dir, 'README.md'), 'not a policy');
  assert.match(refusal(dir).message, /no policy files/);
});

test('the JSON error locator: null for valid JSON, the offending offset otherwise', () => {
  assert.equal(syntaxErrorOffset('{"a":[1,2.5e3,true,null,"\\u00e9"]}'), null);
  assert.equal(syntaxErrorOffset('{"a":1,}'), 7);
  assert.equal(syntaxErrorOffset('[1 2]'), 3);
  assert.equal(syntaxErrorOffset('{"a":tru}'), 5);
  assert.equal(syntaxErrorOffset('"open'), 5);
  assert.equal(syntaxErrorOffset('{} x'), 3);
  fc.assert(
    fc.property(fc.json(), (text) => syntaxErrorOffset(text) === null),
    { numRuns: 500 },
  );
  // Whenever JSON.parse refuses a text, the locator finds a position inside it.
  fc.assert(
    fc.property(fc.json(), fc.nat(), fc.constantFrom('}', ',', ']', ':', 'x', '"'), (text, at, junk) => {
      const broken = text.slice(0, at % (text.length + 1)) + junk + text.slice(at % (text.length + 1));
      let parses = true;
      try {
        JSON.parse(broken);
      } catch {
        parses = false;
      }
      const offset = syntaxErrorOffset(broken);
      assert.equal(offset === null, parses, broken);
    }),
    { numRuns: 1000 },
  );
});
