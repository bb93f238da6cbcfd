/**
 * Check standards per term in routine_standard (one JSON row per kind): the three rubrics, the homework
 * norms and the load rules. The defaults are written on the first routine-plans/getStandards of a term. getRubric and
 * gradeFor are what other modules (the monthly sheet) use.
 */
import type Database from 'better-sqlite3';
import {
  RUBRIC_KINDS, RubricSchema, HomeworkNormSchema, LoadRulesSchema,
  type HomeworkNorm, type HomeworkNormInput, type LoadRules, type ParsedInput, type RoutineStandards, type Rubric, type RubricKind,
} from '../../../../shared/contract';
import { DEFAULT_HOMEWORK_NORMS, DEFAULT_LOAD_RULES, defaultRubric, validateRubric } from '../../../../shared/domain/routine/standards';
import type { CoreContext } from '../../platform/context';
import { schoolSubjects, subjectResolver } from '../curriculum/service';
import { Issues, termInfo } from './common';

export { gradeFor, scoreRubric } from '../../../../shared/domain/routine/standards';

type Kind = `rubric.${RubricKind}` | 'homeworkNorms' | 'loadRules';

function readRaw(db: Database.Database, termId: number, kind: Kind): unknown | undefined {
  const r = db.prepare('SELECT data FROM routine_standard WHERE term_id = ? AND kind = ?').get(termId, kind) as { data: string } | undefined;
  if (!r) return undefined;
  try { return JSON.parse(r.data); } catch { return undefined; }
}

function writeRaw(db: Database.Database, termId: number, kind: Kind, data: unknown, at: string): void {
  db.prepare(
    `INSERT INTO routine_standard (term_id, kind, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (term_id, kind) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  ).run(termId, kind, JSON.stringify(data), at);
}

/** The term's rubric of a kind: the stored one, else the default (nothing is written). */
export function getRubric(db: Database.Database, termId: number, kind: RubricKind): Rubric {
  const parsed = RubricSchema.safeParse(readRaw(db, termId, `rubric.${kind}`));
  return parsed.success && parsed.data.kind === kind ? parsed.data : defaultRubric(kind);
}

export function getLoadRules(db: Database.Database, termId: number): LoadRules {
  const parsed = LoadRulesSchema.safeParse(readRaw(db, termId, 'loadRules'));
  return parsed.success ? parsed.data : { ...DEFAULT_LOAD_RULES, writtenTypes: [...DEFAULT_LOAD_RULES.writtenTypes] };
}

/** The default norms mapped onto the school's subjects (subjects the school lacks are left out). */
export function defaultNorms(db: Database.Database): HomeworkNormInput[] {
  const resolve = subjectResolver(schoolSubjects(db, true));
  return DEFAULT_HOMEWORK_NORMS.flatMap((n) => {
    const s = resolve(n.subject);
    return s ? [{ subjectId: s.id, gradeFrom: n.gradeFrom, gradeTo: n.gradeTo, homeworkType: n.homeworkType, minPerWeek: n.minPerWeek, maxPerWeek: n.maxPerWeek, note: n.note }] : [];
  });
}

/** The term's homework norms with subject names: the stored ones, else the defaults. */
export function getHomeworkNorms(db: Database.Database, termId: number): HomeworkNorm[] {
  const raw = readRaw(db, termId, 'homeworkNorms');
  const parsed = HomeworkNormSchema.array().safeParse(raw);
  const norms = parsed.success ? parsed.data : defaultNorms(db);
  const names = new Map(schoolSubjects(db, true).map((s) => [s.id, s.name]));
  return norms.filter((n) => names.has(n.subjectId)).map((n) => ({ ...n, subjectName: names.get(n.subjectId)! }));
}

export function readStandards(db: Database.Database, termId: number): RoutineStandards {
  return {
    termId,
    rubrics: RUBRIC_KINDS.map((k) => getRubric(db, termId, k)),
    homeworkNorms: getHomeworkNorms(db, termId),
    loadRules: getLoadRules(db, termId),
  };
}

function writeAll(ctx: CoreContext, s: Omit<RoutineStandards, 'homeworkNorms'> & { homeworkNorms: HomeworkNormInput[] }): void {
  const at = ctx.now().toISOString();
  for (const r of s.rubrics) writeRaw(ctx.db, s.termId, `rubric.${r.kind}`, r, at);
  // Names are looked up on read, so only the ids are stored.
  writeRaw(ctx.db, s.termId, 'homeworkNorms', s.homeworkNorms.map(({ subjectId, gradeFrom, gradeTo, homeworkType, minPerWeek, maxPerWeek, note }) => ({ subjectId, gradeFrom, gradeTo, homeworkType, minPerWeek, maxPerWeek, note })), at);
  writeRaw(ctx.db, s.termId, 'loadRules', s.loadRules, at);
}

/** routine-plans/getStandards: writes the defaults for whatever the term has not stored yet, then reads. */
export function getStandards(ctx: CoreContext, termId: number): RoutineStandards {
  termInfo(ctx.db, termId);
  const stored = (ctx.db.prepare('SELECT COUNT(*) n FROM routine_standard WHERE term_id = ?').get(termId) as { n: number }).n;
  if (stored < RUBRIC_KINDS.length + 2) {
    ctx.db.transaction(() => {
      const s = readStandards(ctx.db, termId);
      writeAll(ctx, s);
      if (!stored) ctx.audit('routineStandards', 'seed', { entityId: termId, summary: '载入默认教学常规检查标准', after: s });
    })();
  }
  return readStandards(ctx.db, termId);
}

/** Field checks beyond the schema: rubric sums and bands, norm grade ranges and duplicates, subjects that exist. */
export function validateStandards(db: Database.Database, input: ParsedInput<'routine-plans/saveStandards'>): Issues {
  const issues = new Issues();
  const kinds = new Set<string>();
  input.rubrics.forEach((r, i) => {
    if (kinds.has(r.kind)) issues.add(['rubrics', i, 'kind'], 'rubricDuplicateKind', { kind: r.kind });
    kinds.add(r.kind);
    for (const x of validateRubric(r)) issues.add(['rubrics', i, ...x.path], x.key, x.params);
  });
  const subjects = new Set(schoolSubjects(db, true).map((s) => s.id));
  const seen = new Map<string, number>();
  input.homeworkNorms.forEach((n, i) => {
    if (!subjects.has(n.subjectId)) issues.add(['homeworkNorms', i, 'subjectId'], 'routineSubjectMissing', { id: n.subjectId });
    if (n.gradeFrom > n.gradeTo) issues.add(['homeworkNorms', i, 'gradeTo'], 'normGradeRange', { from: n.gradeFrom, to: n.gradeTo });
    if (n.maxPerWeek != null && n.maxPerWeek < n.minPerWeek) issues.add(['homeworkNorms', i, 'maxPerWeek'], 'normMaxBelowMin', { min: n.minPerWeek, max: n.maxPerWeek });
    // Two norms for the same subject, type and an overlapping grade would make the applicable one ambiguous.
    for (let g = n.gradeFrom; g <= n.gradeTo; g++) {
      const k = `${n.subjectId}:${n.homeworkType ?? '*'}:${g}`;
      const other = seen.get(k);
      if (other !== undefined && other !== i) { issues.add(['homeworkNorms', i, 'gradeFrom'], 'normOverlap', { row: other + 1, grade: g }); break; }
      seen.set(k, i);
    }
  });
  return issues;
}

/** routine-plans/saveStandards: replaces the term's standards in one transaction; rubrics not sent stay as they are. */
export function saveStandards(ctx: CoreContext, input: ParsedInput<'routine-plans/saveStandards'>): RoutineStandards {
  termInfo(ctx.db, input.termId);
  validateStandards(ctx.db, input).throwIfAny();
  ctx.db.transaction(() => {
    const before = readStandards(ctx.db, input.termId);
    const rubrics = RUBRIC_KINDS.map((k) => input.rubrics.find((r) => r.kind === k) ?? before.rubrics.find((r) => r.kind === k)!);
    writeAll(ctx, { termId: input.termId, rubrics, homeworkNorms: input.homeworkNorms, loadRules: input.loadRules });
    ctx.audit('routineStandards', 'update', { entityId: input.termId, summary: '修改教学常规检查标准', before, after: { rubrics, homeworkNorms: input.homeworkNorms, loadRules: input.loadRules } });
  })();
  return readStandards(ctx.db, input.termId);
}

/** routine-plans/resetStandards: every standard of the term back to the defaults, in one transaction. */
export function resetStandards(ctx: CoreContext, termId: number): RoutineStandards {
  termInfo(ctx.db, termId);
  ctx.db.transaction(() => {
    const before = readStandards(ctx.db, termId);
    ctx.db.prepare('DELETE FROM routine_standard WHERE term_id = ?').run(termId);
    writeAll(ctx, readStandards(ctx.db, termId));
    ctx.audit('routineStandards', 'reset', { entityId: termId, summary: '教学常规检查标准恢复默认', before });
  })();
  return readStandards(ctx.db, termId);
}
