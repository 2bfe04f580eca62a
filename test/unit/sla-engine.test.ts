// The SLA engine against a table of hand-checked cases (weekends, lunch, holidays, 调休, the 2020 Spring Festival
// extension, National Day 2026, offline with and without verification), plus escalation, anchors and the explanation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { policiesDir } from '../../electron/app/paths.js';
import { createCalendar, loadCalendarData } from '../../electron/core/approvals/calendar.js';
import { explainSla, isoWithOffset } from '../../electron/core/approvals/explain.js';
import { slaFor, slaStatusAt, type SlaInput } from '../../electron/core/approvals/sla.js';
import { loadPolicies } from '../../electron/core/policy/load.js';
import type { Policy } from '../../electron/core/policy/schema.js';

const policies = loadPolicies(policiesDir());
/** The shipped policy with DOMAIN.md §3's reference values; its SLA is used for every row, whatever the date. */
const policy = policies.policies.find((p) => p.id === 'shandong-2020-03-27')!;
const data = loadCalendarData();
const calendar = createCalendar(data, policy.sla);
const at = (beijing: string) => new Date(`${beijing}:00+08:00`);
const iso = (d: Date | null) => (d === null ? null : isoWithOffset(d, 480).replace(/:00\+08:00$/, ''));

test('the shipped policies carry the reference values of DOMAIN.md §3', () => {
  for (const shipped of policies.policies) {
    assert.deepEqual(shipped.sla, {
      timeZone: 'Asia/Shanghai',
      utcOffsetMinutes: 480,
      officeHours: [
        { from: '08:30', to: '12:00' },
        { from: '13:30', to: '17:00' },
      ],
      workingDays: [1, 2, 3, 4, 5],
      onlineReviewWorkingHours: 6,
      offlineReviewClockHours: 6,
      autoDefault: { anchor: 'deadline', dayOffset: 1, at: '18:00' },
      warnAt: [0.5, 0.9],
      escalation: [
        { at: 0.9, to: 'officer' },
        { at: 1, to: 'backup' },
        { at: 'autoDefault', to: 'community-head' },
        { at: 'autoDefault', to: 'report' },
      ],
    });
  }
});

interface Row {
  why: string;
  channel: 'online' | 'offline';
  submitted: string;
  verification?: boolean;
  due: string;
  /** [50%, 90%]; omitted when the row checks only the deadline. */
  warn?: [string, string] | [];
  autoDefault: string | null;
}

// Times are Beijing wall-clock (YYYY-MM-DDTHH:mm). Office hours 08:30–12:00, 13:30–17:00: 7 working hours a day.
// Online: 6 working hours; 50% = 3 h, 90% = 5 h 24 min. Auto-default: 18:00 on the calendar day after the due day.
const table: Row[] = [
  {
    why: 'Friday afternoon → Monday: 30 min Fri, then Mon 08:30–12:00 (3 h 30) and 13:30–15:30 (2 h)',
    channel: 'online',
    submitted: '2020-11-27T16:30',
    due: '2020-11-30T15:30',
    warn: ['2020-11-30T11:00', '2020-11-30T14:54'], // 3 h = 30 min + 2 h 30 → 11:00; 5 h 24 = 30 min + 3 h 30 + 1 h 24 → 14:54
    autoDefault: '2020-12-01T18:00',
  },
  {
    why: 'submitted at lunch (12:30): counting starts 13:30; 3 h 30 that afternoon, 2 h 30 next morning',
    channel: 'online',
    submitted: '2020-11-25T12:30',
    due: '2020-11-26T11:00',
    warn: ['2020-11-25T16:30', '2020-11-26T10:24'], // 3 h → 16:30; 5 h 24 = 3 h 30 + 1 h 54 → 10:24
    autoDefault: '2020-11-27T18:00',
  },
  {
    why: 'before 08:30 (07:00): counting starts 08:30; 3 h 30 + 2 h 30 → the same day 16:00',
    channel: 'online',
    submitted: '2020-11-25T07:00',
    due: '2020-11-25T16:00',
    warn: ['2020-11-25T11:30', '2020-11-25T15:24'],
    autoDefault: '2020-11-26T18:00',
  },
  {
    why: 'Saturday: nothing counts until Monday 08:30 → Monday 16:00',
    channel: 'online',
    submitted: '2020-11-28T10:00',
    due: '2020-11-30T16:00',
    autoDefault: '2020-12-01T18:00',
  },
  {
    why: 'submitted at 17:00 sharp: the day is over, Monday 08:30 + 6 h → 16:00',
    channel: 'online',
    submitted: '2020-11-27T17:00',
    due: '2020-11-30T16:00',
    autoDefault: '2020-12-01T18:00',
  },
  {
    why: 'submitted 09:30: 2 h 30 + 3 h 30 ends exactly at 17:00 the same day (a slot end is the deadline)',
    channel: 'online',
    submitted: '2020-11-25T09:30',
    due: '2020-11-25T17:00',
    autoDefault: '2020-11-26T18:00',
  },
  {
    why: 'holiday eve: Thu 30 Apr 2020 14:30 → 2 h 30 Thu; 1–5 May is Labour Day; Wed 6 May 08:30 + 3 h 30 → 12:00',
    channel: 'online',
    submitted: '2020-04-30T14:30',
    due: '2020-05-06T12:00',
    warn: ['2020-05-06T09:00', '2020-05-06T11:24'], // 3 h = 2 h 30 + 30 min; 5 h 24 = 2 h 30 + 2 h 54
    autoDefault: '2020-05-07T18:00',
  },
  {
    why: '调休 Saturday 9 May 2020 is a working day: 2 h + 3 h 30 there, Sunday off, Monday 30 min → 09:00',
    channel: 'online',
    submitted: '2020-05-09T10:00',
    due: '2020-05-11T09:00',
    autoDefault: '2020-05-12T18:00',
  },
  {
    why: 'Friday 8 May 16:00 → 1 h Fri, then the 调休 Saturday: 3 h 30 + 1 h 30 → Sat 9 May 15:00; auto-default Sunday',
    channel: 'online',
    submitted: '2020-05-08T16:00',
    due: '2020-05-09T15:00',
    autoDefault: '2020-05-10T18:00', // a calendar day: Sunday is not a working day, still the day after
  },
  {
    why: '调休 Sunday 26 Apr 2020 is a working day: 09:00 → 3 h + 3 h → 16:30 the same Sunday',
    channel: 'online',
    submitted: '2020-04-26T09:00',
    due: '2020-04-26T16:30',
    autoDefault: '2020-04-27T18:00',
  },
  {
    why: 'Spring Festival 2020 with the extension to 2 Feb: Thu 23 Jan 15:00 → 2 h, then Mon 3 Feb 3 h 30 + 30 min → 14:00 (not Fri 31 Jan)',
    channel: 'online',
    submitted: '2020-01-23T15:00',
    due: '2020-02-03T14:00',
    autoDefault: '2020-02-04T18:00',
  },
  {
    why: 'submitted on a Spring Festival day (Sat 1 Feb 2020, a 调休 day cancelled by the extension) → Mon 3 Feb 16:00',
    channel: 'online',
    submitted: '2020-02-01T10:00',
    due: '2020-02-03T16:00',
    autoDefault: '2020-02-04T18:00',
  },
  {
    why: 'National Day 2026: Wed 30 Sep 15:00 → 2 h; 1–7 Oct off; Thu 8 Oct 3 h 30 + 30 min → 14:00',
    channel: 'online',
    submitted: '2026-09-30T15:00',
    due: '2026-10-08T14:00',
    autoDefault: '2026-10-09T18:00',
  },
  {
    why: 'deadline on the eve of National Day 2026 (Wed 30 Sep 16:30): auto-default on Thu 1 Oct, a holiday — DOMAIN says calendar day',
    channel: 'online',
    submitted: '2026-09-30T09:00',
    due: '2026-09-30T16:30',
    autoDefault: '2026-10-01T18:00',
  },
  {
    why: 'National Day 2026 调休 Saturday 10 Oct: Fri 9 Oct 15:00 → 2 h Fri, Sat 3 h 30 + 30 min → Sat 14:00',
    channel: 'online',
    submitted: '2026-10-09T15:00',
    due: '2026-10-10T14:00',
    autoDefault: '2026-10-11T18:00',
  },
  {
    why: 'Mid-Autumn 2026 (Fri 25–Sun 27 Sep): Thu 24 Sep 16:00 → 1 h Thu, Mon 28 Sep 3 h 30 + 1 h 30 → 15:00',
    channel: 'online',
    submitted: '2026-09-24T16:00',
    due: '2026-09-28T15:00',
    autoDefault: '2026-09-29T18:00',
  },
  {
    why: 'offline with verification: 6 clock hours, evenings count; no auto-default',
    channel: 'offline',
    verification: true,
    submitted: '2020-11-27T16:30',
    due: '2020-11-27T22:30',
    warn: ['2020-11-27T19:30', '2020-11-27T21:54'], // 3 h and 5 h 24 of clock time
    autoDefault: null,
  },
  {
    why: 'offline with verification on a holiday eve: clock hours ignore holidays and midnight',
    channel: 'offline',
    verification: true,
    submitted: '2020-04-30T20:00',
    due: '2020-05-01T02:00',
    warn: ['2020-04-30T23:00', '2020-05-01T01:24'],
    autoDefault: null,
  },
  {
    why: 'offline without verification: decided on the spot, due at submission, no warnings, no auto-default',
    channel: 'offline',
    submitted: '2020-05-02T10:15',
    due: '2020-05-02T10:15',
    warn: [],
    autoDefault: null,
  },
  {
    why: 'online ignores the verification flag: an online application pending review always has 6 working hours',
    channel: 'online',
    verification: true,
    submitted: '2020-11-30T08:30',
    due: '2020-11-30T16:00',
    warn: ['2020-11-30T11:30', '2020-11-30T15:24'],
    autoDefault: '2020-12-01T18:00',
  },
];

test(`hand-checked table (${table.length} rows)`, () => {
  assert.ok(table.length >= 15);
  for (const row of table) {
    const result = slaFor(
      { channel: row.channel, submittedAt: at(row.submitted), needsVerification: row.verification ?? false },
      policy,
      calendar,
    );
    assert.equal(iso(result.dueAt), row.due, `due: ${row.why}`);
    if (row.warn !== undefined) assert.deepEqual(result.warnAt.map(iso), row.warn, `warnings: ${row.why}`);
    assert.equal(iso(result.autoDefaultAt), row.autoDefault, `auto-default: ${row.why}`);
  }
});

test('escalation steps follow the policy: officer at 90%, backup at the deadline, head and report at auto-default', () => {
  const result = slaFor({ channel: 'online', submittedAt: at('2020-11-27T16:30'), needsVerification: false }, policy, calendar);
  assert.deepEqual(
    result.escalations.map((step) => [step.to, iso(step.at), step.step]),
    [
      ['officer', '2020-11-30T14:54', 0.9],
      ['backup', '2020-11-30T15:30', 1],
      ['community-head', '2020-12-01T18:00', 'autoDefault'],
      ['report', '2020-12-01T18:00', 'autoDefault'],
    ],
  );
  const offline = slaFor({ channel: 'offline', submittedAt: at('2020-11-27T16:30'), needsVerification: true }, policy, calendar);
  assert.deepEqual(
    offline.escalations.map((step) => [step.to, iso(step.at)]),
    [
      ['officer', '2020-11-27T21:54'],
      ['backup', '2020-11-27T22:30'],
    ],
  );
  assert.deepEqual(
    slaFor({ channel: 'offline', submittedAt: at('2020-11-27T16:30'), needsVerification: false }, policy, calendar).escalations,
    [],
  );
});

test('the status at an instant: yellow at 50%, red at 90%, overdue after the deadline, auto-defaulted at 18:00', () => {
  const result = slaFor({ channel: 'online', submittedAt: at('2020-11-27T16:30'), needsVerification: false }, policy, calendar);
  const status = (when: string) => slaStatusAt(result, at(when));
  assert.deepEqual(status('2020-11-30T10:59'), { warnings: 0, overdue: false, autoDefaulted: false, escalatedTo: [] });
  assert.deepEqual(status('2020-11-30T11:00'), { warnings: 1, overdue: false, autoDefaulted: false, escalatedTo: [] });
  assert.deepEqual(status('2020-11-30T14:54'), { warnings: 2, overdue: false, autoDefaulted: false, escalatedTo: ['officer'] });
  assert.deepEqual(status('2020-11-30T15:31'), { warnings: 2, overdue: true, autoDefaulted: false, escalatedTo: ['officer', 'backup'] });
  assert.deepEqual(status('2020-12-01T18:00'), {
    warnings: 2,
    overdue: true,
    autoDefaulted: true,
    escalatedTo: ['officer', 'backup', 'community-head', 'report'],
  });
});

test('the clock never pauses: reassignment and "sent back" after submission change nothing', () => {
  const base: SlaInput = { channel: 'online', submittedAt: at('2020-04-30T14:30'), needsVerification: false };
  const withTimeline: SlaInput = {
    ...base,
    events: [
      { kind: 'assigned', at: at('2020-04-30T14:31') },
      { kind: 'reassigned', at: at('2020-04-30T16:00') },
      { kind: 'sent-back', at: at('2020-05-06T08:45') },
      { kind: 'resubmitted', at: at('2020-05-06T10:00') },
    ],
  };
  assert.deepEqual(slaFor(withTimeline, policy, calendar), slaFor(base, policy, calendar));
});

test('the auto-default reading is policy data: anchor on submission, or two days after the deadline', () => {
  const variant = (autoDefault: Policy['sla']['autoDefault']): Policy => ({ ...policy, sla: { ...policy.sla, autoDefault } });
  const input: SlaInput = { channel: 'online', submittedAt: at('2020-11-27T16:30'), needsVerification: false };
  // Read from submission, "次日18时" is Saturday — before the Monday deadline. The engine reports it as the data says.
  assert.equal(
    iso(slaFor(input, variant({ anchor: 'submission', dayOffset: 1, at: '18:00' }), calendar).autoDefaultAt),
    '2020-11-28T18:00',
  );
  assert.equal(iso(slaFor(input, variant({ anchor: 'deadline', dayOffset: 2, at: '12:00' }), calendar).autoDefaultAt), '2020-12-02T12:00');
  assert.equal(slaFor(input, variant(null), calendar).autoDefaultAt, null);
});

test('warnings and working hours come from the policy; a calendar for other office hours is refused', () => {
  const longer: Policy = { ...policy, sla: { ...policy.sla, onlineReviewWorkingHours: 14, warnAt: [0.25, 0.5, 0.75] } };
  const result = slaFor({ channel: 'online', submittedAt: at('2020-11-30T08:30'), needsVerification: false }, longer, calendar);
  assert.equal(iso(result.dueAt), '2020-12-01T17:00'); // two whole working days
  assert.deepEqual(result.warnAt.map(iso), ['2020-11-30T12:00', '2020-11-30T17:00', '2020-12-01T12:00']);
  const otherHours: Policy = { ...policy, sla: { ...policy.sla, officeHours: [{ from: '09:00', to: '17:00' }] } };
  assert.throws(
    () => slaFor({ channel: 'online', submittedAt: at('2020-11-30T08:30'), needsVerification: false }, otherHours, calendar),
    RangeError,
  );
  assert.equal(
    iso(
      slaFor(
        { channel: 'online', submittedAt: at('2020-11-30T08:30'), needsVerification: false },
        otherHours,
        createCalendar(data, otherHours.sla),
      ).dueAt,
    ),
    '2020-11-30T15:00',
  );
});

test('the explanation says the deadline, the working hours per day, skipped holidays, warnings and auto-default', () => {
  const friday: SlaInput = { channel: 'online', submittedAt: at('2020-11-27T16:30'), needsVerification: false };
  assert.equal(
    explainSla(friday, slaFor(friday, policy, calendar), calendar, 'en'),
    'online, submitted Fri 27 Nov 2020 16:30: due Mon 30 Nov 15:30 (6 working hours: 30 min Fri 27 Nov, 5 h 30 min Mon 30 Nov), ' +
      'warned Mon 30 Nov 11:00 (50%) and 14:54 (90%); auto-default green at 18:00 on Tue 1 Dec',
  );
  const holidayEve: SlaInput = { channel: 'online', submittedAt: at('2020-04-30T14:30'), needsVerification: false };
  assert.equal(
    explainSla(holidayEve, slaFor(holidayEve, policy, calendar), calendar, 'zh-CN'),
    '线上申请，2020年4月30日（周四）14:30提交：应于5月6日（周三）12:00前审核完毕（6个工作小时：4月30日（周四）2小时30分钟，' +
      '5月6日（周三）3小时30分钟；劳动节假期5月1日（周五）至5月5日（周二）不计），5月6日（周三）09:00（50%）和11:24（90%）预警；' +
      '超时未审核的，由系统于5月7日（周四）18:00自动签发绿码。',
  );
  const makeUp: SlaInput = { channel: 'online', submittedAt: at('2020-05-08T16:00'), needsVerification: false };
  assert.match(explainSla(makeUp, slaFor(makeUp, policy, calendar), calendar, 'en'), /5 h Sat 9 May \(make-up working day, Labour Day\)/);
  const offline: SlaInput = { channel: 'offline', submittedAt: at('2020-11-27T16:30'), needsVerification: true };
  assert.equal(
    explainSla(offline, slaFor(offline, policy, calendar), calendar, 'en'),
    'offline with verification, submitted Fri 27 Nov 2020 16:30: due Fri 27 Nov 22:30 (6 clock hours), ' +
      'warned Fri 27 Nov 19:30 (50%) and 21:54 (90%); no auto-default',
  );
  const spot: SlaInput = { channel: 'offline', submittedAt: at('2020-11-27T16:30'), needsVerification: false };
  assert.match(explainSla(spot, slaFor(spot, policy, calendar), calendar, 'zh-CN'), /^现场办理，2020年11月27日（周五）16:30提交：当场办结/);
});
