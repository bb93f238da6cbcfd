/**
 * timetable/exportXlsx, timetable/importPreview (writes nothing) and timetable/importCommit: the classes found
 * in the file get their timetables replaced, other classes keep theirs; backup first, one transaction, audit.
 */
import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../platform/handlers';
import { toFieldIssues } from '../../platform/spreadsheet/issues';
import { exportTimetableXlsx } from './excel-export';
import { analyzeTimetableFile } from './excel-import';

export const timetableExcelHandlers: HandlerMap<'timetable/exportXlsx' | 'timetable/importPreview' | 'timetable/importCommit'> = {
  'timetable/exportXlsx': (input, ctx) => exportTimetableXlsx(ctx, input.termId, input.layout),
  'timetable/importPreview': (input, ctx) => analyzeTimetableFile(ctx, input).preview,
  'timetable/importCommit': async (input, ctx) => {
    const { preview, lessons, classIds } = analyzeTimetableFile(ctx, input);
    const fileErrors = preview.issues.filter((i) => i.severity === 'error' && i.key === 'noTimetableFound');
    if (fileErrors.length) throw new AppError('IMPORT_INVALID', 'importHasErrors', { errors: fileErrors.length }, toFieldIssues(fileErrors));
    if (!classIds.length) throw new AppError('VALIDATION', 'import.noRows');
    const backup = await ctx.backup('pre-import');
    ctx.db.transaction(() => {
      const { db } = ctx;
      // A lesson that stays with the same assignment in the same slot keeps its room, lock and 合班 mark.
      const old = db.prepare('SELECT day, period, assignment_id, room_id, locked, combined_key FROM lesson WHERE term_id = ? AND class_id = ?');
      const del = db.prepare('DELETE FROM lesson WHERE term_id = ? AND class_id = ?');
      const ins = db.prepare('INSERT INTO lesson (term_id, class_id, day, period, assignment_id, room_id, locked, combined_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      const kept = new Map<string, { room_id: number | null; locked: number; combined_key: string | null }>();
      for (const classId of classIds) {
        for (const r of old.all(input.termId, classId) as { day: number; period: number; assignment_id: number; room_id: number | null; locked: number; combined_key: string | null }[]) {
          kept.set(`${classId}:${r.day}:${r.period}:${r.assignment_id}`, r);
        }
        del.run(input.termId, classId);
      }
      for (const l of lessons) {
        const k = kept.get(`${l.classId}:${l.day}:${l.period}:${l.assignmentId}`);
        ins.run(input.termId, l.classId, l.day, l.period, l.assignmentId, k?.room_id ?? null, k?.locked ?? 0, k?.combined_key ?? null);
      }
      ctx.audit('timetable', 'import', {
        summary: `导入课程表 ${input.fileName}：${classIds.length} 个班级，${lessons.length} 节课`,
        after: { file: input.fileName, layout: input.layout, classes: classIds.length, lessons: lessons.length, backup },
      });
    })();
    return { placed: lessons.length, classes: classIds.length, backup };
  },
};
