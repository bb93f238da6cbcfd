/**
 * Cohorts (届): a class enters in a school year at an entry level and keeps its number; its grade in any later
 * school year is arithmetic. The database does the same sum in the `class_in_year` view; this is the one place
 * the app does it in TypeScript (roll-over preview, naming a cohort).
 */
import type { SchoolType } from './constants';
import { gradeLevelsFor } from './constants';

/** Grade level of a cohort in the school year starting in `startYear` (7 + 2026 - 2025 = 8). */
export function levelInYear(entryYear: number, entryLevel: number, startYear: number): number {
  return entryLevel + (startYear - entryYear);
}

/** The entry year of the cohort that is at `level` in the school year starting `startYear`. */
export function entryYearAt(level: number, entryLevel: number, startYear: number): number {
  return startYear - (level - entryLevel);
}

/** The level at which a school of this type admits (1, or 7 for a middle school). */
export function entryLevelFor(type: SchoolType): number {
  return gradeLevelsFor(type)[0];
}

/** The last level before graduation (6 for a primary school, else 9). */
export function topLevelFor(type: SchoolType): number {
  const levels = gradeLevelsFor(type);
  return levels[levels.length - 1];
}

/** 2025级3班: a cohort class across years. */
export function cohortName(entryYear: number, classNo: number): string {
  return `${entryYear}级${classNo}班`;
}

/** How a student's stretch in a class starts and ends (学籍变动). */
export const ENROLLMENT_STARTS = ['入学', '升级', '转入', '复学', '分班调整', '留级'] as const;
export const ENROLLMENT_ENDS = ['升级', '转出', '休学', '分班调整', '留级', '毕业'] as const;
export type EnrollmentStart = (typeof ENROLLMENT_STARTS)[number];
export type EnrollmentEnd = (typeof ENROLLMENT_ENDS)[number];
/** The changes a clerk records by hand (升级 and 毕业 are the roll-over's). */
export const STUDENT_CHANGES = ['转入', '转出', '休学', '复学', '分班调整', '留级'] as const;
export type StudentChange = (typeof STUDENT_CHANGES)[number];
