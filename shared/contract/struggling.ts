/**
 * Struggling-student files (学困生档案, 一生一案): candidates from an exam or a teacher's nomination, the file
 * itself (causes, plan, tutoring, parent contacts, stage reviews, status), figures (转化率), reminders and the
 * retention purge.
 *
 * Privacy: the notes of the sensitive cause dimensions (家庭, 心理) and the entries are returned only by
 * 'struggling/get' (which is audited) and printed only on the single-file printout. Lists never carry them.
 */
import { z } from 'zod';
import { featureContract, method } from './method';
import { id, isoDay, keptText } from './fields';

export const STRUGGLING_STATUSES = ['帮扶中', '已转化', '继续帮扶', '转出'] as const;
export type StrugglingStatus = (typeof STRUGGLING_STATUSES)[number];
/** Statuses of a file that is still being worked on ("open"): a student has at most one open file. */
export const OPEN_STATUSES: readonly StrugglingStatus[] = ['帮扶中', '继续帮扶'];

/** Causes by dimension: intellectual first, then the non-intellectual ones. */
export const CAUSE_DIMENSIONS = ['知识基础', '学习习惯', '学习方法/思维能力', '学习动机', '家庭', '留守', '心理'] as const;
export type CauseDimension = (typeof CAUSE_DIMENSIONS)[number];
/** Dimensions whose notes are sensitive personal information (个人信息保护法 art. 28). */
export const SENSITIVE_DIMENSIONS: readonly CauseDimension[] = ['家庭', '心理'];

export const ENTRY_KINDS = ['tutoring', 'contact', 'review'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
/** Ways of contacting parents; 家访 is a home visit. */
export const CONTACT_WAYS = ['家访', '电话', '微信', '到校面谈', '家长会', '其他'] as const;


// ---- candidates ----
export const CandidateRulesSchema = z.object({
  /** Subjects considered; empty = every subject of the exam. */
  subjectIds: z.array(id).max(30).default([]),
  /** Pass line in percent of full marks; null = the exam thresholds of the student's grade. */
  passPct: z.number().gt(0).max(100).nullable().default(null),
  /** Bottom share of the class per subject in percent (0 = rule off); null = the exam thresholds. */
  bottomPct: z.number().min(0).max(100).nullable().default(null),
  /** A student below the pass line in at least this many subjects is a candidate. */
  minFailedSubjects: z.number().int().min(1).max(30).default(1),
  /** A student in the bottom share in at least this many subjects is a candidate. */
  minBottomSubjects: z.number().int().min(1).max(30).default(1),
});
export type CandidateRules = z.output<typeof CandidateRulesSchema>;

export interface Nomination {
  id: number; termId: number; studentId: number; studentName: string; studentNo: string;
  classId: number | null; className: string | null;
  teacherId: number | null; teacherName: string | null;
  subjectIds: number[]; subjectNames: string[]; reason: string | null;
  status: 'pending' | 'confirmed' | 'declined'; createdAt: string;
}
export const NominationSchema = z.object({
  termId: id,
  studentId: id,
  teacherId: id.nullable().default(null),
  subjectIds: z.array(id).max(30).default([]),
  reason: keptText(500),
});

export interface Candidate {
  studentId: number; studentName: string; studentNo: string; classId: number | null; className: string | null;
  /** Where the suggestion came from: the exam rules and/or teachers' nominations. */
  sources: ('exam' | 'nomination')[];
  failedSubjectIds: number[]; bottomSubjectIds: number[];
  /** The exam scores of the student in the considered subjects (null = absent or not entered). */
  scores: { subjectId: number; subjectName: string; score: number | null; fullMarks: number | null }[];
  nominationIds: number[];
  /** The student's open file, if any: the office does not open a second one. */
  openFileId: number | null;
}
export const CandidatesQuerySchema = z.object({
  termId: id,
  examId: id.optional(),
  /** Rules for this query; omitted = the saved rules. */
  rules: CandidateRulesSchema.optional(),
});

export const ConfirmSchema = z.object({
  termId: id,
  examId: id.nullable().default(null),
  students: z.array(z.object({
    studentId: id,
    subjectIds: z.array(id).max(30).default([]),
    /** Responsible teacher (任课教师); omitted = the nominating teacher, else the teacher of the first subject. */
    teacherId: id.nullable().optional(),
    nominationIds: z.array(id).max(20).default([]),
  })).min(1, 'required').max(500),
});
export interface ConfirmResult {
  created: { studentId: number; fileId: number }[];
  /** Students who already have an open file (nothing created for them). */
  skipped: { studentId: number; fileId: number }[];
}

// ---- the file ----
export interface CauseNote { dimension: CauseDimension; note: string | null; sensitive: boolean }
export interface SixInPlace { time: string | null; place: string | null; content: string | null; teacher: string | null; measures: string | null; check: string | null }

export interface StrugglingEntry {
  id: number; fileId: number; kind: EntryKind; date: string;
  /** tutoring: teacher who tutored; contact: who visited / called. */
  who: string | null;
  /** contact: 家访/电话/...; */
  way: string | null;
  /** tutoring: what was done; contact: content; review: progress. */
  content: string | null;
  minutes: number | null;
  /** tutoring: effect; contact: parents' feedback; review: next steps. */
  result: string | null;
  createdAt: string;
}
const EntryBase = { fileId: id, date: isoDay };
export const EntrySchema = z.discriminatedUnion('kind', [
  z.object({ ...EntryBase, kind: z.literal('tutoring'), who: keptText(40), content: z.string().trim().min(1, 'required').max(1000, 'tooLong'), minutes: z.number().int().min(1).max(600).nullable().default(null), result: keptText(1000) }),
  z.object({ ...EntryBase, kind: z.literal('contact'), way: z.enum(CONTACT_WAYS), who: keptText(40), content: z.string().trim().min(1, 'required').max(2000, 'tooLong'), result: keptText(2000) }),
  z.object({ ...EntryBase, kind: z.literal('review'), content: z.string().trim().min(1, 'required').max(2000, 'tooLong'), result: keptText(2000) }),
]);
export type EntryInput = z.input<typeof EntrySchema>;

export interface StatusChange { id: number; date: string; from: StrugglingStatus | null; to: StrugglingStatus; note: string | null; operator: string }

/** One row of a list: no cause notes, no entries, nothing sensitive. */
export interface StrugglingFileRow {
  id: number; termId: number; termLabel: string;
  studentId: number; studentName: string; studentNo: string; classId: number | null; className: string | null;
  subjectIds: number[]; subjectNames: string[];
  teacherId: number | null; teacherName: string | null; headTeacherId: number | null; headTeacherName: string | null;
  status: StrugglingStatus; source: 'exam' | 'nomination' | 'manual';
  openedOn: string; closedOn: string | null;
  tutoringCount: number; lastTutoringOn: string | null;
  /** The file of a later term that continues this one (继续帮扶 carried at a roll-over), if any. */
  carriedToId: number | null;
}
export interface StrugglingFile extends StrugglingFileRow {
  gender: string | null; leftBehind: boolean;
  examId: number | null;
  causes: CauseNote[];
  goal: string | null; measures: string | null;
  plan: SixInPlace;
  summary: string | null;
  entries: StrugglingEntry[];
  statusHistory: StatusChange[];
  updatedAt: string;
}

const CauseInput = z.object({ dimension: z.enum(CAUSE_DIMENSIONS), note: keptText(1000) });
const PlanInput = z.object({
  time: keptText(200), place: keptText(200), content: keptText(500), teacher: keptText(100), measures: keptText(500), check: keptText(500),
});
export const FileSaveSchema = z.object({
  /** Absent = open a new file by hand (source 'manual') for studentId in termId. */
  id: id.optional(),
  termId: id.optional(),
  studentId: id.optional(),
  subjectIds: z.array(id).max(30).default([]),
  teacherId: id.nullable().default(null),
  headTeacherId: id.nullable().default(null),
  /** Checked dimensions with their notes; a dimension not listed is not a cause. */
  causes: z.array(CauseInput).max(CAUSE_DIMENSIONS.length).default([]),
  goal: keptText(1000),
  measures: keptText(2000),
  plan: PlanInput.default({ time: null, place: null, content: null, teacher: null, measures: null, check: null }),
  summary: keptText(3000),
});
export type FileSaveInput = z.input<typeof FileSaveSchema>;

export const FileListQuerySchema = z.object({
  termId: id.optional(),
  classId: id.optional(),
  teacherId: id.optional(),
  status: z.enum(STRUGGLING_STATUSES).optional(),
});
export const StatusChangeSchema = z.object({
  id,
  status: z.enum(STRUGGLING_STATUSES),
  date: isoDay,
  note: keptText(500),
});

export interface ScoreCurve {
  studentId: number;
  exams: { examId: number; name: string; kind: string; date: string }[];
  /** One series per subject; points align with `exams` (null = absent, not entered or not examined). */
  subjects: { subjectId: number; subjectName: string; scores: (number | null)[]; fullMarks: (number | null)[]; percents: (number | null)[] }[];
}

// ---- figures ----
/**
 * 转化率 of a group = 已转化 / (files of the group that are not 转出). A student who left before the end
 * cannot be judged, so 转出 files leave the denominator; 帮扶中 and 继续帮扶 count as not (yet) transformed.
 * null when the denominator is 0.
 */
export interface RateRow {
  key: number | null; label: string;
  files: number; transformed: number; continuing: number; inProgress: number; left: number;
  rate: number | null;
}
export interface RateReport { termId: number | null; total: RateRow; byClass: RateRow[]; byTeacher: RateRow[]; byTerm: RateRow[] }

export interface Reminder {
  fileId: number; studentName: string; className: string | null; teacherId: number | null; teacherName: string | null;
  lastTutoringOn: string | null; openedOn: string;
  /** Days since the last tutoring entry (or since the file was opened when there is none). */
  daysSince: number;
}

export interface StrugglingSettings {
  rules: CandidateRules;
  /** Reminders: a file with no tutoring entry in this many weeks is flagged. */
  reminderWeeks: number;
  /** Files of students who left can be purged this many years after they left. */
  retentionYears: number;
}
export const StrugglingSettingsSchema = z.object({
  rules: CandidateRulesSchema,
  reminderWeeks: z.number().int().min(1).max(26),
  retentionYears: z.number().int().min(1).max(30),
});

export interface PurgeCandidate {
  fileId: number; studentName: string; className: string | null; status: StrugglingStatus;
  studentStatus: string; leftOn: string; purgeableFrom: string;
}

const IdOnly = z.object({ id });
const Empty = z.object({});

export const strugglingContract = featureContract('struggling', {
  'struggling/getSettings': method(Empty).returns<StrugglingSettings>(),
  'struggling/saveSettings': method(StrugglingSettingsSchema).returns<StrugglingSettings>(),
  'struggling/nominate': method(NominationSchema).returns<Nomination>(),
  'struggling/nominations': method(z.object({ termId: id })).returns<Nomination[]>(),
  'struggling/deleteNomination': method(IdOnly).returns<{ id: number }>(),
  'struggling/candidates': method(CandidatesQuerySchema).returns<Candidate[]>(),
  'struggling/confirm': method(ConfirmSchema).returns<ConfirmResult>(),
  'struggling/list': method(FileListQuerySchema).returns<StrugglingFileRow[]>(),
  'struggling/get': method(IdOnly).returns<StrugglingFile>(),
  'struggling/save': method(FileSaveSchema).returns<StrugglingFile>(),
  'struggling/addEntry': method(EntrySchema).returns<StrugglingEntry>(),
  'struggling/deleteEntry': method(IdOnly).returns<{ id: number }>(),
  'struggling/setStatus': method(StatusChangeSchema).returns<StrugglingFileRow>(),
  'struggling/scoreCurve': method(z.object({ studentId: id })).returns<ScoreCurve>(),
  'struggling/rates': method(z.object({ termId: id.optional() })).returns<RateReport>(),
  'struggling/reminders': method(z.object({ weeks: z.number().int().min(1).max(26).optional() })).returns<Reminder[]>(),
  'struggling/purgePreview': method(Empty).returns<PurgeCandidate[]>(),
  'struggling/purge': method(z.object({ ids: z.array(id).min(1, 'required').max(10000), confirm: z.literal(true) }),).returns<{ deleted: number }>(),
});
