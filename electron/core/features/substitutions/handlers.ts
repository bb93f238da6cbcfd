/** The substitution log (代课、调课、停课、补课): list by date range, save (a 调课 as a pair), delete (a pair together). */
import type Database from 'better-sqlite3';
import type { FeatureMethod, Substitution } from '../../../../shared/contract';
import { SubstitutionSchema } from '../../../../shared/contract';
import { className } from '../../../../shared/domain/constants';
import { AppError, type FieldIssue } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import type { HandlerMap } from '../../platform/handlers';
import { requireTerm } from '../../platform/query';

const SUB_SELECT = `SELECT s.id, s.term_id AS termId, s.date, s.period, s.class_id AS classId, c.level, c.class_no, s.subject_id AS subjectId,
    sub.name AS subjectName, s.kind, s.original_teacher_id AS originalTeacherId, ot.name AS originalTeacherName,
    s.substitute_teacher_id AS substituteTeacherId, st.name AS substituteTeacherName, s.swap_id AS swapId, s.reason
  FROM substitution s JOIN class_in_term c ON c.class_id = s.class_id AND c.term_id = s.term_id JOIN subject sub ON sub.id = s.subject_id
  LEFT JOIN teacher ot ON ot.id = s.original_teacher_id LEFT JOIN teacher st ON st.id = s.substitute_teacher_id`;
type SubRow = Omit<Substitution, 'className'> & { level: number; class_no: number };
const toSub = ({ level, class_no, ...r }: SubRow): Substitution => ({ ...r, className: className(level, class_no) });

function listSubstitutions(db: Database.Database, termId: number, from?: string, to?: string): Substitution[] {
  const where = ['s.term_id = ?'];
  const args: unknown[] = [termId];
  if (from) { where.push('s.date >= ?'); args.push(from); }
  if (to) { where.push('s.date <= ?'); args.push(to); }
  return (db.prepare(`${SUB_SELECT} WHERE ${where.join(' AND ')} ORDER BY s.date, s.period, c.level, c.class_no, s.id`).all(...args) as SubRow[]).map(toSub);
}

type SubInput = ReturnType<typeof SubstitutionSchema.parse>;

/** The teacher of a class's subject in the term (the first assignment), used to fill the swapped lesson's teacher. */
function teacherOf(db: Database.Database, termId: number, classId: number, subjectId: number): number | null {
  const r = db.prepare('SELECT teacher_id FROM teaching_assignment WHERE term_id = ? AND class_id = ? AND subject_id = ? ORDER BY id LIMIT 1')
    .get(termId, classId, subjectId) as { teacher_id: number } | undefined;
  return r?.teacher_id ?? null;
}

function saveSubstitution(ctx: CoreContext, input: SubInput): Substitution[] {
  const { db } = ctx;
  const term = requireTerm(db, input.termId);
  const end = term.endDate;
  const issues: FieldIssue[] = [];
  const inTerm = (date: string, path: (string | number)[]) => {
    if (date < term.startDate || date > end) issues.push({ path, key: 'subDateOutsideTerm', params: { date, start: term.startDate, end } });
  };
  inTerm(input.date, ['date']);
  const exists = (table: string, id: number | null) => id == null || !!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id);
  if (!exists('class', input.classId)) issues.push({ path: ['classId'], key: 'notFound' });
  if (!exists('subject', input.subjectId)) issues.push({ path: ['subjectId'], key: 'notFound' });
  if (!exists('teacher', input.originalTeacherId)) issues.push({ path: ['originalTeacherId'], key: 'notFound' });
  if (!exists('teacher', input.substituteTeacherId)) issues.push({ path: ['substituteTeacherId'], key: 'notFound' });
  if (input.originalTeacherId != null && input.originalTeacherId === input.substituteTeacherId) issues.push({ path: ['substituteTeacherId'], key: 'subSameTeacher' });
  if (input.kind === '代课' && input.substituteTeacherId == null) issues.push({ path: ['substituteTeacherId'], key: 'subSubstituteMissing' });
  const swap = input.kind === '调课' ? input.swapWith ?? null : null;
  if (input.kind === '调课' && !swap && input.id === undefined) issues.push({ path: ['swapWith'], key: 'subSwapMissing' });
  if (swap) {
    inTerm(swap.date, ['swapWith', 'date']);
    if (!exists('subject', swap.subjectId)) issues.push({ path: ['swapWith', 'subjectId'], key: 'notFound' });
    if (swap.teacherId != null && !exists('teacher', swap.teacherId)) issues.push({ path: ['swapWith', 'teacherId'], key: 'notFound' });
  }
  if (issues.length) throw new AppError('VALIDATION', 'validation', {}, issues);

  const originalTeacher = input.originalTeacherId ?? teacherOf(db, input.termId, input.classId, input.subjectId);
  const ins = db.prepare(`INSERT INTO substitution (term_id, date, period, class_id, subject_id, kind, original_teacher_id, substitute_teacher_id, swap_id, reason, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const at = ctx.now().toISOString();
  const ids = db.transaction(() => {
    let id = input.id;
    let partnerId: number | null = null;
    if (id !== undefined) {
      const before = db.prepare('SELECT * FROM substitution WHERE id = ? AND term_id = ?').get(id, input.termId) as { swap_id: number | null } | undefined;
      if (!before) throw new AppError('NOT_FOUND', 'notFound', { entity: 'substitution', id });
      db.prepare(`UPDATE substitution SET date = ?, period = ?, class_id = ?, subject_id = ?, kind = ?, original_teacher_id = ?, substitute_teacher_id = ?, reason = ? WHERE id = ?`)
        .run(input.date, input.period, input.classId, input.subjectId, input.kind, originalTeacher, input.substituteTeacherId, input.reason, id);
      partnerId = before.swap_id;
      if (swap && partnerId != null) {
        const swapTeacher = swap.teacherId ?? teacherOf(db, input.termId, input.classId, swap.subjectId);
        db.prepare('UPDATE substitution SET date = ?, period = ?, class_id = ?, subject_id = ?, original_teacher_id = ?, substitute_teacher_id = ?, reason = ? WHERE id = ?')
          .run(swap.date, swap.period, input.classId, swap.subjectId, swapTeacher, originalTeacher, input.reason, partnerId);
      }
      ctx.audit('substitution', 'update', { entityId: id, summary: `修改${input.kind}记录 ${input.date} 第${input.period}节`, before, after: input });
    } else {
      id = Number(ins.run(input.termId, input.date, input.period, input.classId, input.subjectId, input.kind, originalTeacher,
        input.substituteTeacherId ?? (swap ? swap.teacherId ?? teacherOf(db, input.termId, input.classId, swap.subjectId) : null), null, input.reason, at).lastInsertRowid);
      if (swap) {
        // The paired row: the other lesson moves into this one's slot; the two point at each other.
        const swapTeacher = swap.teacherId ?? teacherOf(db, input.termId, input.classId, swap.subjectId);
        partnerId = Number(ins.run(input.termId, swap.date, swap.period, input.classId, swap.subjectId, '调课', swapTeacher, originalTeacher, id, input.reason, at).lastInsertRowid);
        db.prepare('UPDATE substitution SET swap_id = ? WHERE id = ?').run(partnerId, id);
      }
      const cls = db.prepare('SELECT level, class_no FROM class_in_term WHERE class_id = ? AND term_id = ?').get(input.classId, input.termId) as { level: number; class_no: number };
      ctx.audit('substitution', 'create', {
        entityId: id,
        summary: `${input.kind}：${className(cls.level, cls.class_no)} ${input.date} 第${input.period}节${swap ? ` 与 ${swap.date} 第${swap.period}节对调` : ''}`,
        after: input,
      });
    }
    return [id, partnerId].filter((x): x is number => x != null);
  })();
  return (db.prepare(`${SUB_SELECT} WHERE s.id IN (${ids.map(() => '?').join(',')}) ORDER BY s.id`).all(...ids) as SubRow[]).map(toSub);
}


export const substitutionsHandlers: HandlerMap<FeatureMethod<'substitutions'>> = {
  'substitutions/list': ({ termId, from, to }, ctx) => {
    requireTerm(ctx.db, termId);
    return listSubstitutions(ctx.db, termId, from, to);
  },
  'substitutions/save': (input, ctx) => saveSubstitution(ctx, input),
  'substitutions/delete': ({ id }, ctx) => {
    const { db } = ctx;
    const row = db.prepare('SELECT id, swap_id, kind, date, period FROM substitution WHERE id = ?').get(id) as { id: number; swap_id: number | null; kind: string; date: string; period: number } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'notFound', { entity: 'substitution', id });
    db.transaction(() => {
      // A swap is deleted as a pair: break the links first, then remove both rows.
      const partner = row.swap_id ?? (db.prepare('SELECT id FROM substitution WHERE swap_id = ?').get(id) as { id: number } | undefined)?.id ?? null;
      const ids = [id, ...(partner != null ? [partner] : [])];
      db.prepare(`UPDATE substitution SET swap_id = NULL WHERE id IN (${ids.map(() => '?').join(',')})`).run(...ids);
      db.prepare(`DELETE FROM substitution WHERE id IN (${ids.map(() => '?').join(',')})`).run(...ids);
      ctx.audit('substitution', 'delete', { entityId: id, summary: `删除${row.kind}记录 ${row.date} 第${row.period}节${partner != null ? '（含对调的另一节）' : ''}`, before: row });
    })();
    return { id };
  },
};
