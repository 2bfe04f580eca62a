// Core's timestamps are shown as the hall's wall-clock time (Asia/Shanghai), whatever the browser's time zone or the
// offset the timestamp was written with, in the screen's language.
import { describe, expect, it } from 'vitest';
import { formatCoreTime } from '../../renderer/src/i18n/format-time';

describe('formatCoreTime', () => {
  it('formats zh-CN with the date, weekday and 24-hour time', () => {
    expect(formatCoreTime('2024-05-01T09:30:00+08:00', 'zh-CN')).toEqual({ date: '2024年5月1日星期三', time: '09:30' });
  });

  it('formats en', () => {
    expect(formatCoreTime('2024-05-01T21:05:00+08:00', 'en')).toEqual({ date: 'Wednesday, May 1, 2024', time: '21:05' });
  });

  it('shows the same instant as the hall reads it, whatever offset core wrote (a day boundary included)', () => {
    // 23:30 at -05:00 is 04:30Z, 12:30 the next day in Beijing.
    expect(formatCoreTime('2024-05-01T23:30:00-05:00', 'en')).toEqual({ date: 'Thursday, May 2, 2024', time: '12:30' });
    // A UTC time (core's clock.tick, the province's times) and the same instant at +08:00 read alike.
    expect(formatCoreTime('2024-05-01T19:00:00Z', 'zh-CN')).toEqual({ date: '2024年5月2日星期四', time: '03:00' });
    expect(formatCoreTime('2024-05-01T19:00:00Z', 'en')).toEqual(formatCoreTime('2024-05-02T03:00:00+08:00', 'en'));
  });

  it('refuses what it cannot read', () => {
    expect(formatCoreTime('not a time', 'en')).toBeUndefined();
    expect(formatCoreTime('2024-05-01T09:30:00', 'en')).toBeUndefined();
  });
});
