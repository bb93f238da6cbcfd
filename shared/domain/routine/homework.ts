/**
 * Homework-marking check (作业批改检查): the applicable norm, and the findings a check record raises against
 * the norm and the national load rules. Findings are i18n keys (under routine.flags) with params.
 */
import type { HomeworkFlag, HomeworkNormInput, HomeworkType, LoadRules } from '../../contract/routine-plans';
import { DEFAULT_LOAD_RULES } from './standards';

export interface HomeworkRecordForCheck {
  subjectId: number;
  homeworkType: HomeworkType;
  timesMarked: number | null;
  timesSet?: number | null;
  booksChecked: number | null;
  classSize: number | null;
  minutesPerDay?: number | null;
}

/**
 * The norm for a subject, grade and homework type: a norm naming the type wins over the subject's general
 * norm (homeworkType null); null when the subject has none for that grade.
 */
export function findNorm<N extends HomeworkNormInput>(norms: N[], subjectId: number, gradeLevel: number, type: HomeworkType): N | null {
  const fits = norms.filter((n) => n.subjectId === subjectId && gradeLevel >= n.gradeFrom && gradeLevel <= n.gradeTo);
  return fits.find((n) => n.homeworkType === type) ?? fits.find((n) => n.homeworkType === null) ?? null;
}

/** Times marked per week, two decimals; null without a count or weeks. */
export function perWeek(timesMarked: number | null, weeksCovered: number): number | null {
  if (timesMarked == null || !(weeksCovered > 0)) return null;
  return Math.round((timesMarked / weeksCovered) * 100) / 100;
}

/**
 * Flags of one check: marking less often than the norm, written homework in grades 1-2, a sample of the books
 * rather than the whole class, and more daily minutes than the load rules allow.
 */
export function checkHomework(
  record: HomeworkRecordForCheck,
  norm: Pick<HomeworkNormInput, 'minPerWeek' | 'maxPerWeek'> | null,
  gradeLevel: number,
  weeksCovered: number,
  rules: LoadRules = DEFAULT_LOAD_RULES,
): HomeworkFlag[] {
  const flags: HomeworkFlag[] = [];
  const lowGrade = gradeLevel <= rules.noWrittenUpToGrade;
  const written = rules.writtenTypes.includes(record.homeworkType);
  if (lowGrade && written) {
    flags.push({ key: 'writtenInLowGrades', severity: 'error', params: { grade: gradeLevel, type: record.homeworkType, upTo: rules.noWrittenUpToGrade } });
  }
  const rate = perWeek(record.timesMarked, weeksCovered);
  if (norm && rate != null && rate < norm.minPerWeek) {
    flags.push({ key: 'belowNorm', severity: 'error', params: { perWeek: rate, min: norm.minPerWeek, times: record.timesMarked ?? 0, weeks: weeksCovered } });
  }
  // No norm is only worth a note when homework of a written kind is set (grades 1-2 written work is flagged above).
  if (!norm && !(lowGrade && written)) flags.push({ key: 'noNorm', severity: 'info', params: { type: record.homeworkType } });
  if (record.booksChecked != null && record.classSize != null && record.booksChecked < record.classSize) {
    flags.push({ key: 'sampleOnly', severity: 'info', params: { checked: record.booksChecked, size: record.classSize } });
  }
  const maxMinutes = gradeLevel >= 7 ? rules.middleMaxMinutes : gradeLevel >= 3 ? rules.primaryMaxMinutes : 0;
  if (record.minutesPerDay != null && record.minutesPerDay > maxMinutes && !(lowGrade && written)) {
    flags.push({ key: 'overLoad', severity: 'warning', params: { minutes: record.minutesPerDay, max: maxMinutes } });
  }
  return flags;
}
