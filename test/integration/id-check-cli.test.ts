// `id-check` as a real process: valid numbers of each type, every refusal reason, usage errors with exit status 2.
// All numbers are invented with computed check characters (plus the GB 11643 specimen).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../electron/app/paths.js';

function kiosk(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot(), 'electron/cli/index.ts'), ...args], {
    cwd: projectRoot(),
    encoding: 'utf8',
  });
  const lines = result.stdout.trim().split('\n');
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, last: lines.at(-1) ?? '' };
}

test('a valid resident number typed with spaces and lowercase x: JSON facts on the last line, exit 0', () => {
  const { status, last } = kiosk(['id-check', '110105 19491231 002x', '--json']);
  assert.equal(status, 0);
  assert.equal(
    last,
    '{"valid":true,"type":"resident","canonical":"11010519491231002X","birthDate":"1949-12-31","sex":"F","region":"110105"}',
  );
});

test('each document type is recognised', () => {
  const cases: [string, object][] = [
    ['440305900101123', { type: 'resident-legacy', canonical: '44030519900101123X', sex: 'M' }],
    ['810000199505050014', { type: 'hmt-permit', region: '810000', sex: 'M' }],
    ['931840198507040133', { type: 'foreign-permanent', region: '310000', birthDate: '1985-07-04' }],
    ['CAN310185070435', { type: 'foreign-permanent', region: '310100', sex: null }],
  ];
  for (const [number, expected] of cases) {
    const { status, last } = kiosk(['id-check', '--json', number]);
    assert.equal(status, 0);
    const answer = JSON.parse(last) as Record<string, unknown>;
    assert.equal(answer.valid, true, number);
    for (const [key, value] of Object.entries(expected)) assert.equal(answer[key], value, `${number} ${key}`);
  }
});

test('every refusal reason is the last line, exit 0', () => {
  const cases: [string, string][] = [
    ['11010519491231002', 'length'],
    ['110105-19491231002', 'charset'],
    ['110105194912310021', 'check-digit'],
    ['320102190002290017', 'birth-date'],
    ['320102209901010012', 'birth-date'], // 2099: in the future
    ['190105198001010010', 'region'],
    ['010105194912310026', 'type'],
  ];
  for (const [number, reason] of cases) {
    const { status, last } = kiosk(['id-check', number, '--json']);
    assert.equal(status, 0, number);
    assert.deepEqual(JSON.parse(last), { valid: false, reason }, number);
  }
});

test('human output says the same in words, with the canonical number', () => {
  const valid = kiosk(['id-check', '１１０１０５１９４９１２３１００２Ｘ']);
  assert.equal(valid.status, 0);
  assert.match(valid.stdout, /^valid: resident ID/m);
  assert.match(valid.stdout, /^number: 11010519491231002X$/m);
  assert.match(valid.stdout, /^birth date: 1949-12-31$/m);
  assert.match(valid.stdout, /^sex: female$/m);
  assert.match(valid.stdout, /^region: 110105 \(北京市 Beijing\)$/m);
  const invalid = kiosk(['id-check', '110105194912310021']);
  assert.equal(invalid.status, 0);
  assert.match(invalid.stdout, /^invalid \(check-digit\): the check character does not match/m);
});

test('usage errors exit 2 with the usage line: no number, blank number, extra argument, unknown option', () => {
  for (const args of [[], ['  '], ['110105', '19491231002X'], ['11010519491231002X', '--frobnicate']]) {
    const { status, stderr, stdout } = kiosk(['id-check', ...args]);
    assert.equal(status, 2, JSON.stringify(args));
    assert.match(stderr, /usage: npm run kiosk -- id-check <number> \[--json\]/);
    assert.equal(stdout, '');
  }
});

test('help lists id-check', () => {
  assert.match(kiosk(['help']).stdout, /id-check <number> \[--json\]/);
});
