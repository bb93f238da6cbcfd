/**
 * Reading one score cell as typed in the grid or found in a spreadsheet: a number within 0..full marks,
 * an absent mark (缺考, 缺, -), a level (level mode), or blank = not entered. Shared by score entry and import
 * (and usable by the renderer's grid validation).
 */
import { ABSENT_MARK, type ScoreLevel } from '../../contract/exams';
import { toHalfWidth } from '../text';

export type ParsedCell =
  | { kind: 'blank' }
  | { kind: 'absent' }
  | { kind: 'score'; value: number }
  | { kind: 'level'; value: ScoreLevel }
  /** key is an i18n key under errors. */
  | { kind: 'error'; key: 'exams.notNumeric' | 'exams.outOfRange' | 'exams.badLevel' | 'exams.scoreInLevelExam'; params?: Record<string, string | number> };

const ABSENT = new Set([ABSENT_MARK, '缺', '缺席', '-', '—', '--', '/', '－']);
const LEVEL_ALIASES: Record<string, ScoreLevel> = {
  '优': '优', '优秀': '优', 'A': '优',
  '良': '良', '良好': '良', 'B': '良',
  '合格': '合格', '及格': '合格', 'C': '合格',
  '待合格': '待合格', '不合格': '待合格', 'D': '待合格',
};

export function parseScoreCell(raw: unknown, mode: 'score' | 'level', fullMarks: number | null): ParsedCell {
  if (raw === null || raw === undefined) return { kind: 'blank' };
  if (typeof raw === 'number') return checkNumber(raw, mode, fullMarks, String(raw));
  const s = toHalfWidth(String(raw)).replace(/\s+/g, '').toUpperCase();
  if (!s) return { kind: 'blank' };
  if (ABSENT.has(s)) return { kind: 'absent' };
  if (mode === 'level') {
    const level = LEVEL_ALIASES[s];
    if (level) return { kind: 'level', value: level };
    return /^\d+(\.\d+)?$/.test(s) ? { kind: 'error', key: 'exams.scoreInLevelExam', params: { value: s } } : { kind: 'error', key: 'exams.badLevel', params: { value: s } };
  }
  if (!/^[+]?\d+(\.\d+)?$|^[+]?\.\d+$/.test(s)) {
    return /^-\d/.test(s)
      ? { kind: 'error', key: 'exams.outOfRange', params: { value: s, max: fullMarks ?? 0 } }
      : { kind: 'error', key: 'exams.notNumeric', params: { value: s } };
  }
  return checkNumber(Number(s), mode, fullMarks, s);
}

function checkNumber(v: number, mode: 'score' | 'level', fullMarks: number | null, text: string): ParsedCell {
  if (mode === 'level') return { kind: 'error', key: 'exams.scoreInLevelExam', params: { value: text } };
  if (!Number.isFinite(v)) return { kind: 'error', key: 'exams.notNumeric', params: { value: text } };
  if (v < 0 || (fullMarks !== null && v > fullMarks)) return { kind: 'error', key: 'exams.outOfRange', params: { value: text, max: fullMarks ?? 0 } };
  return { kind: 'score', value: v };
}
