/**
 * Timetable settings per term: the default day (periods, breaks, lesson lengths), clock times per section, and
 * validation. Pure functions shared by core and renderer.
 */
import type { FieldIssue } from '../../errors';
import type { BreakDef, PeriodDef, TimetableSettings } from '../../contract/timetable';
import type { SchoolType } from '../constants';

export type Section = 'primary' | 'middle';

/** Grades 1-6 are primary (小学), 7-9 middle (初中): their lessons differ in length in a nine-year school. */
export function sectionOfGrade(level: number): Section {
  return level <= 6 ? 'primary' : 'middle';
}

/** Sections a school of this type teaches. */
export function sectionsOf(type: SchoolType): Section[] {
  return type === '小学' ? ['primary'] : type === '初中' ? ['middle'] : ['primary', 'middle'];
}

export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

export function fromMinutes(min: number): string {
  const h = Math.floor(min / 60);
  const m = min % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * The usual day: middle schools 8 periods (4 from 08:00, 4 from 14:00), primary schools 7 (4 + 3). Period starts
 * leave room for the longer (45-minute) lesson plus a 10-minute change; 早读 before period 1, 大课间 after period 2,
 * 午休 after period 4. A nine-year school gets the middle-school day (grades 7-9 need 34 periods a week).
 */
export function defaultSettings(termId: number, schoolType: SchoolType): TimetableSettings {
  const morning = ['08:00', '08:55', '10:20', '11:15'];
  const afternoon = schoolType === '小学' ? ['14:00', '14:55', '15:50'] : ['14:00', '14:55', '15:50', '16:45'];
  const periods: PeriodDef[] = [
    ...morning.map((start, i) => ({ no: i + 1, part: 'morning' as const, start })),
    ...afternoon.map((start, i) => ({ no: morning.length + i + 1, part: 'afternoon' as const, start })),
  ];
  const breaks: BreakDef[] = [
    { name: '早读', afterPeriod: 0, start: '07:30', end: '07:55' },
    { name: '大课间', afterPeriod: 2, start: '09:45', end: '10:15' },
    { name: '午休', afterPeriod: 4, start: '12:05', end: '13:55' },
  ];
  return { termId, daysPerWeek: 5, periods, breaks, lessonMinutes: { primary: 40, middle: 45 } };
}

export interface PeriodTime { no: number; part: 'morning' | 'afternoon'; start: string; end: string }

/** Clock times of each period for one section: end = start + that section's lesson length. */
export function periodTimes(settings: TimetableSettings, section: Section): PeriodTime[] {
  const minutes = settings.lessonMinutes[section];
  return [...settings.periods]
    .sort((a, b) => a.no - b.no)
    .map((p) => ({ no: p.no, part: p.part, start: p.start, end: fromMinutes(toMinutes(p.start) + minutes) }));
}

/**
 * Problems with a settings object (all i18n keys under `errors.`): periods numbered 1..n without gaps, morning
 * before afternoon, no period overlapping the next or a break (checked for each section taught), breaks that end
 * after they start and sit where `afterPeriod` says.
 */
export function validateSettings(settings: TimetableSettings, sections: Section[] = ['primary', 'middle']): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const periods = settings.periods;
  periods.forEach((p, i) => {
    if (p.no !== i + 1) issues.push({ path: ['periods', i, 'no'], key: 'periodNumbering', params: { no: p.no, expected: i + 1 } });
    if (i > 0 && periods[i - 1].part === 'afternoon' && p.part === 'morning') {
      issues.push({ path: ['periods', i, 'part'], key: 'periodPartOrder', params: { no: p.no } });
    }
  });
  settings.breaks.forEach((b, i) => {
    if (toMinutes(b.end) <= toMinutes(b.start)) issues.push({ path: ['breaks', i, 'end'], key: 'breakEndBeforeStart', params: { name: b.name } });
    if (b.afterPeriod > periods.length) issues.push({ path: ['breaks', i, 'afterPeriod'], key: 'breakAfterMissingPeriod', params: { name: b.name, no: b.afterPeriod } });
  });
  if (issues.length) return issues;

  const seen = new Set<string>();
  const push = (issue: FieldIssue) => {
    const k = `${issue.path.join('.')}:${issue.key}`;
    if (!seen.has(k)) { seen.add(k); issues.push(issue); }
  };
  for (const section of sections) {
    const times = periodTimes(settings, section);
    times.forEach((t, i) => {
      const start = toMinutes(t.start);
      const end = toMinutes(t.end);
      const next = times[i + 1];
      if (next && end > toMinutes(next.start)) {
        push({ path: ['periods', i + 1, 'start'], key: 'periodOverlap', params: { no: next.no, prev: t.no, end: t.end } });
      }
      settings.breaks.forEach((b, bi) => {
        if (start < toMinutes(b.end) && toMinutes(b.start) < end) {
          push({ path: ['breaks', bi, 'start'], key: 'periodBreakOverlap', params: { name: b.name, no: t.no } });
        }
      });
    });
    // A break must lie between the period it follows and the next one.
    settings.breaks.forEach((b, bi) => {
      const before = times[b.afterPeriod - 1];
      const after = times[b.afterPeriod];
      const okBefore = !before || toMinutes(before.end) <= toMinutes(b.start);
      const okAfter = !after || toMinutes(b.end) <= toMinutes(after.start);
      if (!okBefore || !okAfter) push({ path: ['breaks', bi, 'afterPeriod'], key: 'breakOutOfPlace', params: { name: b.name, no: b.afterPeriod } });
    });
  }
  return issues;
}
