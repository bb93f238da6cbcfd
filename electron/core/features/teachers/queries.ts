/** Teachers as the contract's Teacher rows, sorted by name in Chinese order. */
import type Database from 'better-sqlite3';
import type { Teacher } from '../../../../shared/contract';
import { pinyinInitials } from '../../../../shared/domain/pinyin';
import { compareZh } from '../../../../shared/domain/text';

type Row = Record<string, unknown>;
const bool = (v: unknown) => v === 1 || v === true;

export function listTeachers(db: Database.Database, includeArchived: boolean, where = '', args: unknown[] = []): Teacher[] {
  const rows = db.prepare(
    `SELECT t.*, s.name AS subject_name FROM teacher t LEFT JOIN subject s ON s.id = t.subject_id WHERE (? OR t.archived = 0) ${where}`,
  ).all(includeArchived ? 1 : 0, ...args) as Row[];
  return rows
    .map((r) => ({
      id: r.id as number, staffNo: (r.staff_no as string) ?? null, name: r.name as string, gender: (r.gender as Teacher['gender']) ?? null,
      birthDate: (r.birth_date as string) ?? null, phone: (r.phone as string) ?? null, subjectId: (r.subject_id as number) ?? null,
      subjectName: (r.subject_name as string) ?? null, title: (r.title as Teacher['title']) ?? null, degree: (r.degree as Teacher['degree']) ?? null,
      certificate: (r.certificate as Teacher['certificate']) ?? null, certified: bool(r.certified),
      backboneLevel: (r.backbone_level as Teacher['backboneLevel']) ?? '无', roles: JSON.parse((r.roles as string) || '[]'),
      isPeArts: bool(r.is_pe_arts), hireDate: (r.hire_date as string) ?? null, note: (r.note as string) ?? null,
      archived: bool(r.archived), pinyinInitials: pinyinInitials(r.name as string),
    }))
    .sort((a, b) => compareZh(a.name, b.name));
}
