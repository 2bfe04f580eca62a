// Every deadline explained in one plain sentence (zh-CN or en), built from templates kept here as data.
// Core cannot use i18next; the templates use {{placeholders}} so they can move to the locale files as `sla.explain.*`.
import type { Calendar, DayInfo } from './calendar.js';
import type { SlaDeadlines, SlaInput } from './sla.js';

export type ExplainLanguage = 'zh-CN' | 'en';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The templates of one language; each key is the i18n key it would get under `sla.explain`. */
export interface ExplainTemplates {
  'channel.online': string;
  'channel.offline': string;
  'channel.offlineVerification': string;
  submitted: string;
  immediate: string;
  dueWorking: string;
  dueClock: string;
  dayPart: string;
  makeUpDay: string;
  holidaysSkipped: string;
  warned: string;
  warnItem: string;
  autoDefault: string;
  noAutoDefault: string;
  hours: string;
  minutes: string;
  listJoin: string;
  listLast: string;
  partsJoin: string;
  end: string;
  weekdays: string;
  dayMonth: string;
  dayMonthYear: string;
  dayRange: string;
}

export const explainTemplates: Record<ExplainLanguage, ExplainTemplates> = {
  'zh-CN': {
    'channel.online': '线上申请',
    'channel.offline': '现场办理',
    'channel.offlineVerification': '现场办理（需核实）',
    submitted: '{{channel}}，{{time}}提交',
    immediate: '当场办结（提交即到期），无预警，不自动默认',
    dueWorking: '应于{{time}}前审核完毕（{{hours}}个工作小时：{{days}}{{skipped}}）',
    dueClock: '应于{{time}}前核实完毕（{{hours}}小时）',
    dayPart: '{{day}}{{duration}}{{makeUp}}',
    makeUpDay: '（{{name}}调休上班）',
    holidaysSkipped: '；{{list}}不计',
    warned: '{{list}}预警',
    warnItem: '{{time}}（{{percent}}%）',
    autoDefault: '超时未审核的，由系统于{{day}}{{time}}自动签发绿码',
    noAutoDefault: '不自动默认',
    hours: '{{count}}小时',
    minutes: '{{count}}分钟',
    listJoin: '、',
    listLast: '和',
    partsJoin: '，',
    end: '。',
    weekdays: '周一,周二,周三,周四,周五,周六,周日',
    dayMonth: '{{month}}月{{day}}日（{{weekday}}）',
    dayMonthYear: '{{year}}年{{month}}月{{day}}日（{{weekday}}）',
    dayRange: '{{name}}假期{{from}}至{{to}}',
  },
  en: {
    'channel.online': 'online',
    'channel.offline': 'offline',
    'channel.offlineVerification': 'offline with verification',
    submitted: '{{channel}}, submitted {{time}}',
    immediate: 'decided on the spot (due at submission); no warnings; no auto-default',
    dueWorking: 'due {{time}} ({{hours}} working hours: {{days}}{{skipped}})',
    dueClock: 'due {{time}} ({{hours}} clock hours)',
    dayPart: '{{duration}} {{day}}{{makeUp}}',
    makeUpDay: ' (make-up working day, {{name}})',
    holidaysSkipped: '; not counted: {{list}}',
    warned: 'warned {{list}}',
    warnItem: '{{time}} ({{percent}}%)',
    autoDefault: 'auto-default green at {{time}} on {{day}}',
    noAutoDefault: 'no auto-default',
    hours: '{{count}} h',
    minutes: '{{count}} min',
    listJoin: ', ',
    listLast: ' and ',
    partsJoin: ', ',
    end: '',
    weekdays: 'Mon,Tue,Wed,Thu,Fri,Sat,Sun',
    dayMonth: '{{weekday}} {{day}} {{month}}',
    dayMonthYear: '{{weekday}} {{day}} {{month}} {{year}}',
    dayRange: '{{name}} holiday {{from}} – {{to}}',
  },
};

const englishMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Wall-clock fields of an instant at a fixed UTC offset (Asia/Shanghai has no summer time). */
function wallClock(at: Date, offsetMinutes: number) {
  const local = new Date(at.getTime() + offsetMinutes * MINUTE);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: ((local.getUTCDay() + 6) % 7) + 1,
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    ms: local.getUTCMilliseconds(),
    date: local.toISOString().slice(0, 10),
  };
}

/** ISO 8601 with the policy's offset, e.g. 2020-11-30T15:30:00+08:00 (milliseconds only when there are some). */
export function isoWithOffset(at: Date, offsetMinutes: number): string {
  const w = wallClock(at, offsetMinutes);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  const fraction = w.ms === 0 ? '' : `.${pad(w.ms, 3)}`;
  return `${w.date}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${fraction}${zone}`;
}

/** Explains the deadlines slaFor gave for `input`, in `language`, on the calendar they were counted with. */
export function explainSla(input: SlaInput, deadlines: SlaDeadlines, calendar: Calendar, language: ExplainLanguage = 'en'): string {
  const t = explainTemplates[language];
  const offset = calendar.utcOffsetMinutes;
  const weekdays = t.weekdays.split(',');
  const month = (n: number) => (language === 'en' ? englishMonths[n - 1]! : String(n));
  const dayWords = (at: Date, withYear = false) => {
    const w = wallClock(at, offset);
    const values = { year: w.year, month: month(w.month), day: w.day, weekday: weekdays[w.weekday - 1]! };
    return fill(withYear ? t.dayMonthYear : t.dayMonth, values);
  };
  const dateWords = (date: string) => dayWords(new Date(`${date}T12:00:00Z`));
  const time = (at: Date) => {
    const w = wallClock(at, offset);
    return `${pad(w.hour)}:${pad(w.minute)}${w.second === 0 && w.ms === 0 ? '' : `:${pad(w.second)}`}`;
  };
  const dayAndTime = (at: Date, withYear = false) =>
    language === 'en' ? `${dayWords(at, withYear)} ${time(at)}` : `${dayWords(at, withYear)}${time(at)}`;
  const duration = (ms: number) => {
    const minutes = Math.round(ms / MINUTE);
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    const parts = [h > 0 ? fill(t.hours, { count: h }) : '', m > 0 || h === 0 ? fill(t.minutes, { count: m }) : ''];
    return parts.filter(Boolean).join(language === 'en' ? ' ' : '');
  };
  const list = (items: string[]) =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(t.listJoin)}${t.listLast}${items.at(-1)!}`;

  const channel =
    input.channel === 'online'
      ? t['channel.online']
      : deadlines.basis === 'clock'
        ? t['channel.offlineVerification']
        : t['channel.offline'];
  const head = fill(t.submitted, { channel, time: dayAndTime(deadlines.submittedAt, true) });
  if (deadlines.basis === 'immediate') return `${head}${language === 'en' ? ': ' : '：'}${t.immediate}${t.end}`;

  const hours = String(Number((deadlines.allowedMs / HOUR).toFixed(2)));
  let due: string;
  if (deadlines.basis === 'working') {
    const days = calendar.workingTimeByDay(deadlines.submittedAt, deadlines.dueAt).map(({ date, ms }) => {
      const info = calendar.day(date);
      const makeUp = info.kind === 'make-up' && info.name !== null ? fill(t.makeUpDay, { name: info.name[language] }) : '';
      return fill(t.dayPart, { duration: duration(ms), day: dateWords(date), makeUp });
    });
    const holidays = holidayRuns(calendar, deadlines.submittedAt, deadlines.dueAt, offset).map((run) =>
      fill(t.dayRange, { name: run.name?.[language] ?? '', from: dateWords(run.from), to: dateWords(run.to) }),
    );
    const skipped = holidays.length === 0 ? '' : fill(t.holidaysSkipped, { list: list(holidays) });
    due = fill(t.dueWorking, { time: dayAndTime(deadlines.dueAt), hours, days: days.join(t.partsJoin), skipped });
  } else {
    due = fill(t.dueClock, { time: dayAndTime(deadlines.dueAt), hours });
  }

  // The date is said once per day: "warned Mon 30 Nov 09:00 (50%) and 10:24 (90%)".
  let lastDate = '';
  const warnings = deadlines.warnAt.map((at, i) => {
    const date = wallClock(at, offset).date;
    const words = date === lastDate ? time(at) : dayAndTime(at);
    lastDate = date;
    return fill(t.warnItem, { time: words, percent: Number(((deadlines.warnFractions[i] ?? 0) * 100).toFixed(1)) });
  });
  const warned = warnings.length === 0 ? '' : `${t.partsJoin}${fill(t.warned, { list: list(warnings) })}`;
  const autoDefault =
    deadlines.autoDefaultAt === null
      ? t.noAutoDefault
      : fill(t.autoDefault, { time: time(deadlines.autoDefaultAt), day: dayWords(deadlines.autoDefaultAt) });
  const colon = language === 'en' ? ': ' : '：';
  const semicolon = language === 'en' ? '; ' : '；';
  return `${head}${colon}${due}${warned}${semicolon}${autoDefault}${t.end}`;
}

/** Statutory holidays between the submission day and the due day, as runs of consecutive days of one festival. */
function holidayRuns(calendar: Calendar, from: Date, to: Date, offsetMinutes: number) {
  const runs: { from: string; to: string; name: DayInfo['name'] }[] = [];
  const offset = offsetMinutes * MINUTE;
  const last = Math.floor((to.getTime() + offset) / DAY);
  for (let day = Math.floor((from.getTime() + offset) / DAY); day <= last; day++) {
    const info = calendar.day(new Date(day * DAY - offset));
    if (info.kind !== 'holiday') continue;
    const previous = runs.at(-1);
    const yesterday = new Date((day - 1) * DAY).toISOString().slice(0, 10);
    if (previous !== undefined && previous.to === yesterday && previous.name?.en === info.name?.en) previous.to = info.date;
    else runs.push({ from: info.date, to: info.date, name: info.name });
  }
  return runs;
}
