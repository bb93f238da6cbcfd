/**
 * The data of every exportable list, read with SQL straight from the schema. Column headers are the same
 * Chinese names the importer recognises, so an exported list can be edited and imported back.
 */
import type Database from 'better-sqlite3';
import { className } from '../../../../shared/domain/constants';
import { compareZh } from '../../../../shared/domain/text';
import { classLevelSql, newestSchoolYearId, schoolYearOfTerm } from '../../platform/query';

export const EXPORT_LISTS = ['teachers', 'students', 'classes', 'subjects', 'groups', 'assignments', 'audit'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

export interface ListColumn { header: string; key: string; width: number; text?: boolean }
export interface ListData { title: string; columns: ListColumn[]; rows: Record<string, string | number | null>[] }

type Row = Record<string, unknown>;
const yesNo = (v: unknown) => (v ? '是' : '否');
const col = (header: string, key: string, width: number, text = false): ListColumn => ({ header, key, width, text });

function roles(json: unknown): string {
  try { return (JSON.parse(String(json ?? '[]')) as string[]).join('、'); } catch { return ''; }
}

export function loadList(db: Database.Database, list: ExportList, termId: number | null): ListData {
  // Classes, groups and class names are those of the term's school year (the newest without a term).
  const yearId = (termId ? schoolYearOfTerm(db, termId) : null) ?? newestSchoolYearId(db) ?? -1;
  switch (list) {
    case 'teachers': {
      const rows = db.prepare(`SELECT t.*, s.name AS subject_name FROM teacher t LEFT JOIN subject s ON s.id = t.subject_id WHERE t.archived = 0`).all() as Row[];
      rows.sort((a, b) => compareZh(a.name as string, b.name as string));
      return {
        title: '教师名单',
        columns: [
          col('工号', 'staffNo', 10, true), col('姓名', 'name', 10), col('性别', 'gender', 6), col('出生日期', 'birthDate', 12),
          col('任教学科', 'subject', 12), col('职称', 'title', 12), col('学历', 'degree', 10), col('教师资格', 'certificate', 14),
          col('骨干教师', 'backbone', 9), col('职务', 'roles', 22), col('体艺教师', 'peArts', 9), col('电话', 'phone', 14, true),
          col('参加工作时间', 'hireDate', 13), col('备注', 'note', 20),
        ],
        rows: rows.map((r) => ({
          staffNo: r.staff_no as string, name: r.name as string, gender: r.gender as string, birthDate: r.birth_date as string,
          subject: r.subject_name as string, title: r.title as string, degree: r.degree as string,
          certificate: (r.certificate as string) ?? (r.certified ? '是' : '否'), backbone: r.backbone_level as string, roles: roles(r.roles),
          peArts: yesNo(r.is_pe_arts), phone: r.phone as string, hireDate: r.hire_date as string, note: r.note as string,
        })),
      };
    }
    case 'students': {
      const rows = db.prepare(
        `SELECT s.*, ${classLevelSql('c', 'y')} AS level, c.class_no FROM student s LEFT JOIN class c ON c.id = s.class_id
         LEFT JOIN school_year y ON y.id = ? WHERE s.archived = 0`,
      ).all(yearId) as Row[];
      // By class, then by name in pinyin order (students without a class last).
      rows.sort((a, b) => ((a.level as number) ?? 99) - ((b.level as number) ?? 99) || ((a.class_no as number) ?? 0) - ((b.class_no as number) ?? 0) || compareZh(a.name as string, b.name as string));
      return {
        title: '学生名单',
        columns: [
          col('学籍号', 'studentNo', 24, true), col('姓名', 'name', 10), col('性别', 'gender', 6), col('出生日期', 'birthDate', 12),
          col('班级', 'className', 14), col('留守儿童', 'leftBehind', 9), col('随迁子女', 'migrant', 9), col('残疾', 'disability', 6),
          col('家庭经济困难', 'hardship', 13), col('状态', 'status', 7), col('备注', 'note', 20),
        ],
        rows: rows.map((r) => ({
          studentNo: r.student_no as string, name: r.name as string, gender: r.gender as string, birthDate: r.birth_date as string,
          className: r.level ? className(r.level as number, r.class_no as number) : null, leftBehind: yesNo(r.left_behind),
          migrant: yesNo(r.migrant), disability: yesNo(r.disability), hardship: yesNo(r.hardship), status: r.status as string, note: r.note as string,
        })),
      };
    }
    case 'classes': {
      const rows = db.prepare(
        `SELECT c.class_id AS id, c.level, c.class_no, t.name AS head,
           (SELECT COUNT(*) FROM student s WHERE s.class_id = c.class_id AND s.archived = 0 AND s.status = '在读') AS n
         FROM class_in_year c LEFT JOIN teacher t ON t.id = c.head_teacher_id
         WHERE c.school_year_id = ? AND c.active ORDER BY c.level, c.class_no`,
      ).all(yearId) as Row[];
      return {
        title: '班级名单',
        columns: [col('班级', 'name', 14), col('年级', 'grade', 8), col('班号', 'no', 6), col('班主任', 'head', 10), col('在读学生数', 'count', 11)],
        rows: rows.map((r) => ({ name: className(r.level as number, r.class_no as number), grade: className(r.level as number, 1).replace(/\(1\)班$/, ''), no: r.class_no as number, head: r.head as string, count: r.n as number })),
      };
    }
    case 'subjects': {
      const rows = db.prepare('SELECT * FROM subject WHERE archived = 0 ORDER BY sort_order, id').all() as Row[];
      return {
        title: '学科名单',
        columns: [col('代码', 'code', 8, true), col('学科', 'name', 14), col('简称', 'short', 8), col('类别', 'category', 16), col('体艺学科', 'peArts', 9)],
        rows: rows.map((r) => ({ code: r.code as string, name: r.name as string, short: r.short_name as string, category: r.category as string, peArts: yesNo(r.is_pe_arts) })),
      };
    }
    case 'groups': {
      const rows = db.prepare(
        `SELECT g.id, g.kind, g.name, s.name AS subject, gr.level, t.name AS leader FROM teaching_group g
         LEFT JOIN subject s ON s.id = g.subject_id LEFT JOIN grade gr ON gr.id = g.grade_id LEFT JOIN teacher t ON t.id = g.leader_id
         WHERE g.archived = 0 AND g.school_year_id = ?`,
      ).all(yearId) as Row[];
      const members = new Map<number, string[]>();
      for (const m of db.prepare('SELECT m.group_id AS g, t.name FROM teaching_group_member m JOIN teacher t ON t.id = m.teacher_id').all() as { g: number; name: string }[]) {
        members.set(m.g, [...(members.get(m.g) ?? []), m.name]);
      }
      rows.sort((a, b) => compareZh(a.kind as string, b.kind as string) || compareZh(a.name as string, b.name as string));
      return {
        title: '教研组与备课组',
        columns: [col('类型', 'kind', 8), col('名称', 'name', 18), col('学科', 'subject', 12), col('年级', 'grade', 8), col('组长', 'leader', 10), col('成员', 'members', 50)],
        rows: rows.map((r) => ({
          kind: r.kind as string, name: r.name as string, subject: r.subject as string,
          grade: r.level ? className(r.level as number, 1).replace(/\(1\)班$/, '') : null, leader: r.leader as string,
          members: (members.get(r.id as number) ?? []).sort(compareZh).join('、'),
        })),
      };
    }
    case 'assignments': {
      const rows = db.prepare(
        `SELECT t.name AS teacher, t.staff_no, ct.level, ct.class_no, s.name AS subject, s.sort_order, a.weekly_periods
         FROM teaching_assignment a JOIN teacher t ON t.id = a.teacher_id
         JOIN class_in_term ct ON ct.class_id = a.class_id AND ct.term_id = a.term_id JOIN subject s ON s.id = a.subject_id WHERE a.term_id = ?`,
      ).all(termId ?? 0) as Row[];
      rows.sort((a, b) => (a.level as number) - (b.level as number) || (a.class_no as number) - (b.class_no as number) || (a.sort_order as number) - (b.sort_order as number) || compareZh(a.teacher as string, b.teacher as string));
      return {
        title: '任课安排',
        columns: [col('班级', 'className', 14), col('学科', 'subject', 14), col('任课教师', 'teacher', 10), col('工号', 'staffNo', 10, true), col('周课时', 'periods', 8)],
        rows: rows.map((r) => ({ className: className(r.level as number, r.class_no as number), subject: r.subject as string, teacher: r.teacher as string, staffNo: r.staff_no as string, periods: r.weekly_periods as number })),
      };
    }
    case 'audit': {
      const rows = db.prepare('SELECT at, operator, entity, entity_id, action, summary FROM audit_log ORDER BY id DESC LIMIT 100000').all() as Row[];
      return {
        title: '操作日志',
        columns: [col('时间', 'at', 20), col('操作人', 'operator', 10), col('对象', 'entity', 12), col('编号', 'entityId', 8, true), col('操作', 'action', 10), col('摘要', 'summary', 60)],
        rows: rows.map((r) => ({
          at: new Date(r.at as string).toLocaleString('zh-CN', { hour12: false }), operator: r.operator as string, entity: r.entity as string,
          entityId: r.entity_id as string, action: r.action as string, summary: r.summary as string,
        })),
      };
    }
  }
}
