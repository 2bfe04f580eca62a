// officer-add / officer-list as real processes: PIN on standard input, refusals in the operator's language.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../electron/app/paths.js';
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
  assert.deepEqual(JSON.parse(added.last), { staffNo: '1024', roles: ['approver', 'officer'] });
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
