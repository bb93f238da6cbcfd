/**
 * Periods actually taught over a date range (授课实绩): the weekly timetable laid over the term's teaching days,
 * minus cancelled lessons (停课), plus made-up lessons (补课), with 调课 pairs moving a lesson from one date to
 * another. 代课 (a substitute teacher) does not change the count. Pure arithmetic; dates are ISO yyyy-mm-dd.
 */

export interface TaughtLesson { classId: number; subjectId: number; day: number; period: number }
export interface TaughtSubstitution {
  id: number; date: string; period: number; classId: number; subjectId: number;
  kind: '代课' | '调课' | '停课' | '补课';
  /** For 调课: the paired row (the lesson this one was swapped with). */
  swapId: number | null;
}
export interface TaughtInput {
  termStart: string;
  teachingWeeks: number;
  daysPerWeek: number;
  from: string;
  to: string;
  lessons: TaughtLesson[];
  substitutions: TaughtSubstitution[];
}
export interface TaughtCount {
  classId: number; subjectId: number; weeks: number; planned: number; cancelled: number; madeUp: number;
  movedOut: number; movedIn: number; taught: number;
}

const DAY_MS = 86_400_000;
const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
// Stored days are handled as UTC midnights: calendar arithmetic, no clock or time zone involved.
// eslint-disable-next-line no-restricted-syntax
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** 1 = Monday ... 7 = Sunday. */
export function weekdayOf(iso: string): number {
  const d = new Date(toUtc(iso)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The last day of the term's teaching weeks. */
export function termEnd(termStart: string, teachingWeeks: number): string {
  return fromUtc(toUtc(termStart) + (teachingWeeks * 7 - 1) * DAY_MS);
}

/**
 * Teaching days in [from, to] clipped to the term: weekday number 1..daysPerWeek, inside the teaching weeks.
 * `week` is the teaching week (1 = the week the term starts in, counted from the start date).
 */
export function teachingDays(termStart: string, teachingWeeks: number, daysPerWeek: number, from: string, to: string): { date: string; day: number; week: number }[] {
  const start = Math.max(toUtc(termStart), toUtc(from));
  const end = Math.min(toUtc(termEnd(termStart, teachingWeeks)), toUtc(to));
  const t0 = toUtc(termStart);
  const out: { date: string; day: number; week: number }[] = [];
  for (let ms = start; ms <= end; ms += DAY_MS) {
    const date = fromUtc(ms);
    const day = weekdayOf(date);
    if (day <= daysPerWeek) out.push({ date, day, week: Math.floor((ms - t0) / (7 * DAY_MS)) + 1 });
  }
  return out;
}

export function computeTaught(input: TaughtInput): TaughtCount[] {
  const days = teachingDays(input.termStart, input.teachingWeeks, input.daysPerWeek, input.from, input.to);
  const weeks = new Set(days.map((d) => d.week)).size;
  const dayCount = new Map<number, number>();
  for (const d of days) dayCount.set(d.day, (dayCount.get(d.day) ?? 0) + 1);

  const rows = new Map<string, TaughtCount>();
  const row = (classId: number, subjectId: number): TaughtCount => {
    const k = `${classId}:${subjectId}`;
    let r = rows.get(k);
    if (!r) {
      r = { classId, subjectId, weeks, planned: 0, cancelled: 0, madeUp: 0, movedOut: 0, movedIn: 0, taught: 0 };
      rows.set(k, r);
    }
    return r;
  };
  for (const l of input.lessons) {
    const n = dayCount.get(l.day) ?? 0;
    if (n) row(l.classId, l.subjectId).planned += n;
  }
  const inRange = (date: string) => date >= input.from && date <= input.to;
  const byId = new Map(input.substitutions.map((s) => [s.id, s]));
  for (const s of input.substitutions) {
    if (s.kind === '停课' && inRange(s.date)) row(s.classId, s.subjectId).cancelled++;
    else if (s.kind === '补课' && inRange(s.date)) row(s.classId, s.subjectId).madeUp++;
    else if (s.kind === '调课') {
      // This row's subject leaves its own slot and is taught at the partner's slot. An unpaired 调课 says
      // nothing about where the lesson went, so it does not change the count.
      const partner = s.swapId != null ? byId.get(s.swapId) : undefined;
      if (!partner) continue;
      if (inRange(s.date)) row(s.classId, s.subjectId).movedOut++;
      if (inRange(partner.date)) row(s.classId, s.subjectId).movedIn++;
    }
  }
  const out = [...rows.values()];
  for (const r of out) r.taught = r.planned - r.cancelled + r.madeUp - r.movedOut + r.movedIn;
  return out.sort((a, b) => a.classId - b.classId || a.subjectId - b.subjectId);
}
