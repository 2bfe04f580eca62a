// Core's timestamps are shown as core's wall-clock time, whatever the browser's time zone, in the screen's language.
import { describe, expect, it } from 'vitest';
import { formatCoreTime } from '../../renderer/src/i18n/format-time';

describe('formatCoreTime', () => {
  it('formats zh-CN with the date, weekday and 24-hour time', () => {
    expect(formatCoreTime('2024-05-01T09:30:00+08:00', 'zh-CN')).toEqual({ date: '2024年5月1日星期三', time: '09:30' });
  });

  it('formats en', () => {
    expect(formatCoreTime('2024-05-01T21:05:00+08:00', 'en')).toEqual({ date: 'Wednesday, May 1, 2024', time: '21:05' });
  });

  it('keeps the offset written in the timestamp (a day boundary included)', () => {
    expect(formatCoreTime('2024-05-01T23:30:00-05:00', 'en')).toEqual({ date: 'Wednesday, May 1, 2024', time: '23:30' });
    expect(formatCoreTime('2024-05-01T00:10:00Z', 'en')?.time).toBe('00:10');
  });

  it('refuses what it cannot read', () => {
    expect(formatCoreTime('not a time', 'en')).toBeUndefined();
    expect(formatCoreTime('2024-05-01T09:30:00', 'en')).toBeUndefined();
  });
});
