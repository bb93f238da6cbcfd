/**
 * Entity types and their zod schemas. The same schemas validate forms in the renderer and
 * handler input in core. Error messages are i18n keys under `errors.`.
 */
import { z } from 'zod';
import {
  BACKBONE_LEVELS, CERTIFICATES, DEGREES, GENDERS, GROUP_KINDS, SCHOOL_TYPES, STUDENT_STATUSES,
  TEACHER_ROLES, TEACHER_TITLES,
} from '../domain/constants';
import { id, isoDay, optDate, optId, optText, reqText } from './fields';

const flag = z.boolean().default(false);

export const SchoolProfileSchema = z.object({
  name: reqText(60),
  code: optText(30),
  type: z.enum(SCHOOL_TYPES),
  address: optText(120),
  principal: optText(30),
  phone: optText(30),
});
export type SchoolProfileInput = z.input<typeof SchoolProfileSchema>;
export interface SchoolProfile extends z.output<typeof SchoolProfileSchema> { isSample: boolean }

export const SchoolYearSchema = z.object({
  id: id.optional(),
  startYear: z.number().int().min(2000, 'badYear').max(2100, 'badYear'),
});
export interface SchoolYear { id: number; name: string; startYear: number }

export const TermSchema = z.object({
  id: id.optional(),
  schoolYearId: id,
  termNo: z.union([z.literal(1), z.literal(2)]),
  startDate: isoDay,
  teachingWeeks: z.number().int().min(1, 'badWeeks').max(30, 'badWeeks'),
});
export interface Term {
  id: number; schoolYearId: number; schoolYearName: string; termNo: 1 | 2; name: string;
  startDate: string; teachingWeeks: number; isCurrent: boolean;
  /** A past term, read-only until unlocked (a later term has begun). */
  locked: boolean;
}

export interface Grade { id: number; level: number; name: string; classCount: number }

export const ClassSchema = z.object({
  id: id.optional(),
  gradeId: id,
  classNo: z.number().int().min(1, 'badClassNo').max(99, 'badClassNo'),
  headTeacherId: optId,
});
export interface SchoolClass {
  id: number; gradeId: number; gradeLevel: number; classNo: number;
  /** 七年级(3)班 in the year listed */
  name: string;
  /** The cohort (届): entry year and 2025级3班 */
  entryYear: number; cohortName: string;
  headTeacherId: number | null; headTeacherName: string | null; studentCount: number; archived: boolean;
}

export const SubjectSchema = z.object({
  id: id.optional(),
  code: optText(20),
  name: reqText(30),
  shortName: optText(10),
  category: optText(30),
  isPeArts: flag,
  sortOrder: z.number().int().default(0),
});
export interface Subject extends Omit<z.output<typeof SubjectSchema>, 'id'> { id: number; archived: boolean }

export const TeacherSchema = z.object({
  id: id.optional(),
  staffNo: optText(30),
  name: reqText(30),
  gender: z.enum(GENDERS).nullish().transform((v) => v ?? null),
  birthDate: optDate,
  phone: optText(30),
  subjectId: optId,
  title: z.enum(TEACHER_TITLES).nullish().transform((v) => v ?? null),
  degree: z.enum(DEGREES).nullish().transform((v) => v ?? null),
  certificate: z.enum(CERTIFICATES).nullish().transform((v) => v ?? null),
  certified: z.boolean().default(true),
  backboneLevel: z.enum(BACKBONE_LEVELS).default('无'),
  roles: z.array(z.enum(TEACHER_ROLES)).default(['任课教师']),
  isPeArts: flag,
  hireDate: optDate,
  note: optText(200),
});
export type TeacherInput = z.input<typeof TeacherSchema>;
export interface Teacher extends Omit<z.output<typeof TeacherSchema>, 'id'> {
  id: number; subjectName: string | null; archived: boolean; pinyinInitials: string;
}

export const TeachingGroupSchema = z.object({
  id: id.optional(),
  kind: z.enum(GROUP_KINDS),
  name: reqText(40),
  subjectId: optId,
  gradeId: optId,
  leaderId: optId,
  memberIds: z.array(id).default([]),
});
export interface TeachingGroup extends Omit<z.output<typeof TeachingGroupSchema>, 'id'> {
  id: number; subjectName: string | null; gradeName: string | null; leaderName: string | null; memberNames: string[]; archived: boolean;
}

/** 学籍号: kept as a string; usually "G" + 18 characters of an ID number. */
export const STUDENT_NO_RE = /^[A-Za-z]?\d{17}[\dXx]$|^[A-Za-z0-9]{6,30}$/;
export const StudentSchema = z.object({
  id: id.optional(),
  studentNo: z.string().trim().min(1, 'required').max(30, 'tooLong').regex(STUDENT_NO_RE, 'badStudentNo'),
  name: reqText(30),
  gender: z.enum(GENDERS).nullish().transform((v) => v ?? null),
  birthDate: optDate,
  classId: optId,
  leftBehind: flag,
  migrant: flag,
  disability: flag,
  hardship: flag,
  status: z.enum(STUDENT_STATUSES).default('在读'),
  note: optText(200),
});
export type StudentInput = z.input<typeof StudentSchema>;
export interface Student extends Omit<z.output<typeof StudentSchema>, 'id'> {
  id: number; className: string | null; gradeLevel: number | null; archived: boolean; pinyinInitials: string;
}

export const AssignmentSchema = z.object({
  id: id.optional(),
  termId: id,
  teacherId: id,
  classId: id,
  subjectId: id,
  weeklyPeriods: z.number().int().min(0, 'badPeriods').max(40, 'badPeriods'),
});
export interface Assignment extends Omit<z.output<typeof AssignmentSchema>, 'id'> {
  id: number; teacherName: string; className: string; subjectName: string; gradeLevel: number;
}
export interface AssignmentSummaryRow { key: number; name: string; subjects: string; periods: number; assignments: number }

export interface AuditEntry {
  id: number; at: string; operator: string; entity: string; entityId: string | null; action: string; summary: string | null;
  before: string | null; after: string | null;
}

export interface BackupInfo { file: string; kind: 'daily' | 'pre-migration' | 'pre-import' | 'pre-restore' | 'pre-rollover' | 'manual'; createdAt: string; size: number }
