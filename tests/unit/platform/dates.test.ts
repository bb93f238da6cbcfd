/** The one date module (issue 8, item 5): the school's day is Beijing's, whatever the computer's clock zone. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  addDaysIso, compactSchoolDay, fromSchoolTimestamp, isIsoDay, isoDaySchema, schoolDateTime, schoolDay, schoolMonth, schoolTimestamp, zhSchoolDate,
} from '../../../shared/domain/dates';
import { createBackup, hasDailyBackupToday, listBackups } from '../../../electron/core/platform/backups';
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

describe('times on the school clock', () => {
  it('shows and stamps an instant in Beijing time, and reads a stamp back to the same instant', () => {
    const t = new Date('2026-12-04T19:21:11.562Z'); // 2026-12-05 03:21:11.562 in Beijing
    expect(schoolDateTime(t)).toBe('2026-12-05 03:21');
    expect(schoolDateTime(t.toISOString(), true)).toBe('2026-12-05 03:21:11');
    expect(schoolTimestamp(t)).toBe('20261205-032111-562');
    expect(fromSchoolTimestamp('20261205', '032111', '562').getTime()).toBe(t.getTime());
  });

  it('names a backup by the school clock and lists it at the instant it was made', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-bk-'));
    const db = new Database(':memory:');
    const t = new Date('2026-12-04T19:21:11.562Z');
    const b = await createBackup(db, dir, 'manual', t);
    expect(b.file).toBe('jiaowu-20261205-032111-562-manual.sqlite');
    expect(listBackups(dir).map((x) => x.createdAt)).toEqual([t.toISOString()]);
    // The school's day had already begun in Beijing: the day's backup is there on the 5th, not on the 4th.
    expect(hasDailyBackupToday(dir, t)).toBe(false); // a manual backup is not the daily one
    await createBackup(db, dir, 'daily', t);
    expect(hasDailyBackupToday(dir, new Date('2026-12-05T10:00:00Z'))).toBe(true);
    expect(hasDailyBackupToday(dir, new Date('2026-12-05T16:30:00Z'))).toBe(false); // 00:30 on the 6th in Beijing
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
