/** Writes analysed training-import rows (inside the import's transaction): insert new entries, update matched ones. */
import type Database from 'better-sqlite3';
import { TRAINING_LEVELS, type TrainingLevel } from '../../../../shared/domain/training/cycle';

export interface TrainingOp {
  action: 'insert' | 'update'; id: number | null; teacherId: number; startDate: string; endDate: string;
  level: TrainingLevel; title: string; hours: number; organiser: string | null; note: string | null;
}

/** 国培计划 → 国培, 省级 → 省培, 市/州 → 市培, 县/区 → 县培, 校本/学校 → 校本; null when none fits. */
export function levelFromText(text: string): TrainingLevel | null {
  const t = text.replace(/\s+/g, '');
  if (!t) return null;
  if ((TRAINING_LEVELS as readonly string[]).includes(t)) return t as TrainingLevel;
  if (/国培|国家级|国家/.test(t)) return '国培';
  if (/省培|省级|省/.test(t)) return '省培';
  if (/市培|市级|地市|州/.test(t)) return '市培';
  if (/县培|县级|区级|县|区/.test(t)) return '县培';
  if (/校本|校级|学校|本校/.test(t)) return '校本';
  return null;
}

export function writeTrainingEntries(db: Database.Database, ops: TrainingOp[], today: string): { inserted: number; updated: number } {
  const now = `${today}T00:00:00.000Z`;
  const ins = db.prepare(`INSERT INTO training_entry (teacher_id, start_date, end_date, level, title, organiser, hours, note, created_at)
    VALUES (@teacherId, @startDate, @endDate, @level, @title, @organiser, @hours, @note, @now)`);
  const upd = db.prepare(`UPDATE training_entry SET start_date = @startDate, level = @level, organiser = COALESCE(@organiser, organiser),
    hours = @hours, note = COALESCE(@note, note) WHERE id = @id`);
  let inserted = 0;
  let updated = 0;
  for (const op of ops) {
    if (op.action === 'insert') { ins.run({ ...op, now }); inserted++; } else { upd.run(op); updated++; }
  }
  return { inserted, updated };
}
