// officer-add / officer-list as real processes: PIN on standard input, refusals in the operator's language.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../electron/app/paths.js';
import { writeFileSync } from 'node:fs';
import { mod112CheckChar } from '../../electron/core/identity/check-digit.js';
import { tempDir } from '../helpers/temp.js';

function kiosk(args: string[], input: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot(), 'electron/cli/index.ts'), ...args], {
    cwd: projectRoot(),
    env: { ...process.env, KIOSK_LANG: 'en', ...env },
    input,
    encoding: 'utf8',
  });
  return { status: result.status, stderr: result.stderr, last: result.stdout.trim().split('\n').at(-1) ?? '' };
}

test('an officer added with a PIN on stdin is listed with a masked name, and the PIN is nowhere in the output', (t) => {
  const db = join(tempDir(t), 'k.sqlite');
  const added = kiosk(
    ['officer-add', '--staff-no', '1024', '--name', '王建国', '--role', 'approver', '--role', 'officer', '--db', db, '--json'],
    '135790\n',
  );
  assert.equal(added.status, 0, added.stderr);
  assert.deepEqual(JSON.parse(added.last), { staffNo: '1024', roles: ['approver', 'officer'], card: false });
  const listed = kiosk(['officer-list', '--db', db, '--json'], '');
  assert.deepEqual(JSON.parse(listed.last), {
    officers: [{ staffNo: '1024', maskedName: '王**', roles: ['approver', 'officer'], locked: false, demo: false }],
  });
  assert.ok(!listed.last.includes('135790') && !added.last.includes('135790'));
});

test('a bad PIN or a second officer with the same number is refused with its key, in English or Chinese', (t) => {
  const db = join(tempDir(t), 'k.sqlite');
  const shortPin = kiosk(['officer-add', '--staff-no', '1024', '--name', '王建国', '--role', 'approver', '--db', db, '--json'], '12\n');
  assert.equal(shortPin.status, 1);
  assert.equal(JSON.parse(shortPin.last).key, 'errors.pinInvalid');
  assert.match(shortPin.stderr, /PIN/);
  assert.equal(kiosk(['officer-add', '--staff-no', '1024', '--name', '王建国', '--role', 'approver', '--db', db], '135790\n').status, 0);
  const again = kiosk(['officer-add', '--staff-no', '1024', '--name', '李四', '--role', 'officer', '--db', db], '246810\n', {
    KIOSK_LANG: 'zh-CN',
  });
  assert.equal(again.status, 1);
  assert.match(again.stderr, /1024/);
  assert.match(again.stderr, /[\u4e00-\u9fff]/, 'the refusal is in Chinese');
});

test('missing options and unknown roles are usage errors (exit 2)', (t) => {
  const db = join(tempDir(t), 'k.sqlite');
  assert.equal(kiosk(['officer-add', '--staff-no', '1024', '--db', db], '135790\n').status, 2);
  assert.equal(kiosk(['officer-add', '--staff-no', '1024', '--name', 'x', '--role', 'boss', '--db', db], '135790\n').status, 2);
});

// Invented people: sequence codes 99x mark the numbers as synthetic.
const withCheck = (body17: string) => body17 + mod112CheckChar(body17);

test('an officer added with their card reads it from stdin, never from the arguments, and a bad number is refused', (t) => {
  const db = join(tempDir(t), 'k.sqlite');
  const card = withCheck('37020219800101991');
  const added = kiosk(
    ['officer-add', '--staff-no', '1024', '--name', '王建国', '--role', 'approver', '--with-card', '--db', db, '--json'],
    `135790\n${card}\n`,
  );
  assert.equal(added.status, 0, added.stderr);
  assert.deepEqual(JSON.parse(added.last), { staffNo: '1024', roles: ['approver'], card: true });
  const bad = kiosk(
    ['officer-add', '--staff-no', '1025', '--name', '李四', '--role', 'officer', '--with-card', '--db', db, '--json'],
    '135790\n12345\n',
  );
  assert.equal(bad.status, 1);
  assert.equal(JSON.parse(bad.last).key, 'errors.cardNumberInvalid');
  assert.ok(!added.last.includes(card) && !bad.stderr.includes('12345'));
});

test('officer-roster applies a roster file and reports the counts; a bad file is refused whole', (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'k.sqlite');
  const file = join(dir, 'roster.json');
  const entry = (staffNo: string, body: string) => ({ staffNo, name: '王建国', roles: ['approver'], idNumber: withCheck(body) });
  writeFileSync(
    file,
    JSON.stringify({
      officers: [entry('2001', '37020219800101991'), entry('2002', '37020219850202992')],
      updatedAt: '2026-11-27T00:00:00Z',
    }),
  );
  const applied = kiosk(['officer-roster', '--file', file, '--db', db, '--json'], '');
  assert.equal(applied.status, 0, applied.stderr);
  assert.deepEqual(JSON.parse(applied.last), { added: 2, updated: 0, deactivated: 0, unchanged: 0 });
  const good = withCheck('37020219900303993');
  const wrongCheck = { ...entry('2003', '37020219900303993'), idNumber: good.slice(0, 17) + (good.endsWith('1') ? '2' : '1') };
  writeFileSync(file, JSON.stringify({ officers: [wrongCheck], updatedAt: '2026-11-27T00:00:00Z' }));
  const refused = kiosk(['officer-roster', '--file', file, '--db', db, '--json'], '');
  assert.equal(refused.status, 1);
  assert.deepEqual(JSON.parse(refused.last).params, { staffNo: '2003' });
  const listed = kiosk(['officer-list', '--db', db, '--json'], '');
  assert.deepEqual(
    JSON.parse(listed.last).officers.map((o: { staffNo: string }) => o.staffNo),
    ['2001', '2002'],
  );
  assert.equal(kiosk(['officer-roster', '--db', db], '').status, 2);
});
