/** The one date module (issue 8, item 5): the school's day is Beijing's, whatever the computer's clock zone. */
import { describe, expect, it } from 'vitest';
import { addDaysIso, compactSchoolDay, isIsoDay, isoDaySchema, schoolDay, schoolMonth, zhSchoolDate } from '../../../shared/domain/dates';
import { schoolYearStart } from '../../../shared/domain/calendar';
import { zhDate } from '../../../electron/core/platform/report/layout';

describe('school dates', () => {
  it('between 00:00 and 08:00 Beijing time it is already the next day', () => {
    const t = new Date('2026-12-03T17:30:00Z'); // 2026-12-04 01:30 in Beijing
    expect(schoolDay(t)).toBe('2026-12-04');
    expect(compactSchoolDay(t)).toBe('20261204');
    expect(zhSchoolDate(t)).toBe('2026年12月4日');
    expect(zhDate(t)).toBe('2026年12月4日');
    expect(schoolMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(schoolYearStart(new Date('2026-08-31T16:30:00Z'))).toBe(2026); // 1 September in Beijing
  });

  it('validates stored days as real calendar days', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2025-02-29')).toBe(false);
    expect(isIsoDay('2025-13-01')).toBe(false);
    expect(isIsoDay('2025-9-1')).toBe(false);
    expect(isoDaySchema.safeParse('2025-02-30').success).toBe(false);
    expect(isoDaySchema.safeParse('2025-02-30').error?.issues[0].message).toBe('badDate');
  });

  it('adds days on the calendar', () => {
    expect(addDaysIso('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
  });
});
