// `sla-explain`: the review deadline, warnings and auto-default of an application submitted at a given time, explained.
import { parseArgs } from 'node:util';
import { policiesDir } from '../../app/paths.js';
import { CalendarFileError, createCalendar, loadCalendarData } from '../../core/approvals/calendar.js';
import { explainSla, isoWithOffset } from '../../core/approvals/explain.js';
import type { SlaExplainOutput } from '../../core/approvals/schema.js';
import { slaFor } from '../../core/approvals/sla.js';
import { loadPolicies } from '../../core/policy/load.js';
import { policyInForce } from '../../core/policy/select.js';
import { report, UsageError, type Command } from '../command.js';
import { cliLanguage } from '../messages.js';

/** Date and time, seconds and milliseconds optional, then Z, an offset, or nothing (= Beijing time). */
const isoTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/** An ISO time as an instant; without an offset it is Beijing wall-clock time (the hall's own clock). */
export function parseSubmitted(text: string): Date {
  const match = isoTime.exec(text.trim());
  if (match === null) throw new UsageError(`--submitted "${text}" is not an ISO time such as 2020-11-27T16:30+08:00`);
  const [, year, month, day, hour, minute, second = '00', fraction = '0', zone] = match;
  const local = Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute!, +second!, Number(fraction.padEnd(3, '0')));
  const wall = new Date(local);
  // Date.UTC rolls 2021-02-30 over to March: a date that does not round-trip does not exist.
  if (wall.getUTCDate() !== +day! || wall.getUTCMonth() !== +month! - 1 || +hour! > 23 || +minute! > 59 || +second! > 59) {
    throw new UsageError(`--submitted "${text}" is not a real date and time`);
  }
  const offsetMinutes =
    zone === 'Z' ? 0 : zone === undefined ? 8 * 60 : (zone.startsWith('-') ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(4, 6));
  return new Date(local - offsetMinutes * 60_000);
}

export const slaExplain: Command = {
  name: 'sla-explain',
  usage: 'sla-explain --channel <offline|online> --submitted <ISO time> [--verification] [--calendar FILE] [--json]',
  summary: 'show the review deadline, warnings and auto-default time of an application submitted then, and why',
  run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        channel: { type: 'string' },
        submitted: { type: 'string' },
        verification: { type: 'boolean', default: false },
        calendar: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const channel = values.channel;
    if (channel !== 'offline' && channel !== 'online') {
      throw new UsageError(
        channel === undefined ? '--channel is needed (offline or online)' : `--channel "${channel}" is not offline or online`,
      );
    }
    if (values.submitted === undefined) throw new UsageError('--submitted is needed (an ISO time such as 2020-11-27T16:30+08:00)');
    const submittedAt = parseSubmitted(values.submitted);
    if (values.calendar !== undefined && values.calendar.trim() === '') throw new UsageError('--calendar needs a file path');

    let calendarData;
    try {
      calendarData = loadCalendarData(values.calendar);
    } catch (error) {
      // A bad file the operator named is a usage problem; a broken installed dataset is not, and propagates.
      if (error instanceof CalendarFileError && values.calendar !== undefined) throw new UsageError(error.message);
      throw error;
    }
    const policy = policyInForce(loadPolicies(policiesDir()), submittedAt);
    const calendar = createCalendar(calendarData, policy.sla);
    const input = { channel, submittedAt, needsVerification: values.verification } as const;
    const deadlines = slaFor(input, policy, calendar);
    const explanation = explainSla(input, deadlines, calendar, cliLanguage(io.env));
    const iso = (at: Date) => isoWithOffset(at, policy.sla.utcOffsetMinutes);
    const output: SlaExplainOutput = {
      dueAt: iso(deadlines.dueAt),
      warnAt: deadlines.warnAt.map(iso),
      autoDefaultAt: deadlines.autoDefaultAt === null ? null : iso(deadlines.autoDefaultAt),
      explanation,
    };
    report(io, values.json, output, [
      `policy: ${policy.id}`,
      `due: ${output.dueAt}`,
      `warnings: ${output.warnAt.length === 0 ? 'none' : output.warnAt.map((at, i) => `${at} (${deadlines.warnFractions[i]! * 100}%)`).join(', ')}`,
      `auto-default: ${output.autoDefaultAt ?? 'none'}`,
      `escalation: ${deadlines.escalations.length === 0 ? 'none' : deadlines.escalations.map((step) => `${step.to} at ${iso(step.at)}`).join(', ')}`,
      explanation,
    ]);
    return 0;
  },
};
