// `sla-explain` as a real process: the JSON on the last line, both languages, usage errors (exit 2), a year
// beyond the holiday dataset (exit 1, typed key), and an operator's newer dataset file via --calendar.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../electron/app/paths.js';
import type { CliIo } from '../../electron/cli/command.js';
import { runCli } from '../../electron/cli/index.js';
import { defaultCalendarFile } from '../../electron/core/approvals/calendar.js';
import { SlaExplainOutputSchema } from '../../electron/core/approvals/schema.js';
import { tempDir } from '../helpers/temp.js';

function kiosk(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot(), 'electron/cli/index.ts'), 'sla-explain', ...args], {
    cwd: projectRoot(),
    // A fixed language unless the test asks for another: the shell's LANG must not change the expected text.
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', KIOSK_LANG: 'en', ...env },
    encoding: 'utf8',
  });
  const lines = result.stdout.trim().split('\n');
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, last: lines.at(-1) ?? '' };
}

test('online, Friday afternoon: the issue JSON on the last line with +08:00 times, exit 0', () => {
  const { status, last } = kiosk(['--channel', 'online', '--submitted', '2020-11-27T16:30+08:00', '--json']);
  assert.equal(status, 0);
  assert.equal(
    last,
    JSON.stringify({
      dueAt: '2020-11-30T15:30:00+08:00',
      warnAt: ['2020-11-30T11:00:00+08:00', '2020-11-30T14:54:00+08:00'],
      autoDefaultAt: '2020-12-01T18:00:00+08:00',
      explanation:
        'online, submitted Fri 27 Nov 2020 16:30: due Mon 30 Nov 15:30 (6 working hours: 30 min Fri 27 Nov, 5 h 30 min Mon 30 Nov), ' +
        'warned Mon 30 Nov 11:00 (50%) and 14:54 (90%); auto-default green at 18:00 on Tue 1 Dec',
    }),
  );
  assert.ok(SlaExplainOutputSchema.safeParse(JSON.parse(last)).success);
});

test('offline with and without verification; a UTC time means the same instant', () => {
  const verified = kiosk(['--channel', 'offline', '--submitted', '2020-04-30T12:00:00Z', '--verification', '--json']);
  assert.equal(verified.status, 0);
  assert.deepEqual(JSON.parse(verified.last), {
    dueAt: '2020-05-01T02:00:00+08:00',
    warnAt: ['2020-04-30T23:00:00+08:00', '2020-05-01T01:24:00+08:00'],
    autoDefaultAt: null,
    explanation:
      'offline with verification, submitted Thu 30 Apr 2020 20:00: due Fri 1 May 02:00 (6 clock hours), ' +
      'warned Thu 30 Apr 23:00 (50%) and Fri 1 May 01:24 (90%); no auto-default',
  });
  const spot = kiosk(['--channel', 'offline', '--submitted', '2020-04-30T20:00', '--json']);
  assert.equal(spot.status, 0);
  const answer = SlaExplainOutputSchema.parse(JSON.parse(spot.last));
  assert.deepEqual([answer.dueAt, answer.warnAt, answer.autoDefaultAt], ['2020-04-30T20:00:00+08:00', [], null]);
});

test('KIOSK_LANG=zh-CN explains in Chinese; without --json the human lines come first', () => {
  const zh = kiosk(['--channel', 'online', '--submitted', '2026-09-30T15:00', '--json'], { KIOSK_LANG: 'zh-CN' });
  assert.equal(zh.status, 0);
  const answer = SlaExplainOutputSchema.parse(JSON.parse(zh.last));
  assert.equal(answer.dueAt, '2026-10-08T14:00:00+08:00');
  assert.match(answer.explanation, /国庆节假期10月1日（周四）至10月7日（周三）不计/);
  const human = kiosk(['--channel', 'online', '--submitted', '2026-09-30T15:00']);
  assert.equal(human.status, 0);
  assert.match(human.stdout, /^policy: shandong-2020-04-20$/m);
  assert.match(human.stdout, /^due: 2026-10-08T14:00:00\+08:00$/m);
  assert.match(human.stdout, /^escalation: officer at .*, backup at 2026-10-08T14:00:00\+08:00, community-head at 2026-10-09T18:00/m);
});

test('a bad --channel in a real process: exit 2 with the usage line', () => {
  const { status, stderr } = kiosk(['--channel', 'bus', '--submitted', '2020-11-27T16:30']);
  assert.equal(status, 2);
  assert.match(stderr, /--channel "bus" is not offline or online\nusage: npm run kiosk -- sla-explain --channel <offline\|online>/);
});

test('a bad or missing --channel or --submitted is a usage error naming the problem, exit 2 (in-process)', async () => {
  const cases: [string[], RegExp][] = [
    [['--channel', 'bus', '--submitted', '2020-11-27T16:30'], /--channel "bus" is not offline or online/],
    [['--submitted', '2020-11-27T16:30'], /--channel is needed/],
    [['--channel', 'online'], /--submitted is needed/],
    [['--channel', 'online', '--submitted', 'yesterday'], /--submitted "yesterday" is not an ISO time/],
    [['--channel', 'online', '--submitted', '2021-02-29T10:00'], /not a real date and time/],
    [['--channel', 'online', '--submitted', '2020-11-27T16:30', '--urgent'], /urgent/],
  ];
  for (const [args, message] of cases) {
    const err: string[] = [];
    const io: CliIo = { out: () => {}, err: (line) => err.push(line), readStdin: async () => '', env: { KIOSK_LANG: 'en' } };
    const status = await runCli(['sla-explain', ...args], io);
    const stderr = err.join('\n');
    assert.equal(status, 2, args.join(' '));
    assert.match(stderr, message);
    assert.match(stderr, /usage: npm run kiosk -- sla-explain --channel <offline\|online> --submitted <ISO time>/);
  }
});

test('a deadline beyond the dataset is refused with the typed key naming the year, exit 1; a newer file fixes it', (t) => {
  const refused = kiosk(['--channel', 'online', '--submitted', '2026-12-31T16:00', '--json']);
  assert.equal(refused.status, 1);
  assert.deepEqual(JSON.parse(refused.last), {
    error: 'unavailable',
    key: 'errors.calendarYearMissing',
    params: { year: 2027, firstYear: 2004, lastYear: 2026 },
  });

  // The operator drops in a newer file (here: upstream plus an invented 2027 New Year's Day) — no code change.
  const upstream = JSON.parse(readFileSync(defaultCalendarFile(), 'utf8')) as { holidays: object; workdays: object };
  const file = join(tempDir(t), 'calendar.json');
  writeFileSync(file, JSON.stringify({ ...upstream, holidays: { ...upstream.holidays, '2027-01-01': "New Year's Day,元旦,1" } }));
  const newer = kiosk(['--channel', 'online', '--submitted', '2026-12-31T16:00', '--calendar', file, '--json']);
  assert.equal(newer.status, 0, newer.stderr);
  assert.equal(JSON.parse(newer.last).dueAt, '2027-01-04T15:00:00+08:00');

  const broken = kiosk(['--channel', 'online', '--submitted', '2020-11-27T16:30', '--calendar', join(tempDir(t), 'none.json')]);
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /calendar file .*none\.json/);
});
