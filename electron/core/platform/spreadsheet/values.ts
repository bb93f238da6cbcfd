/** Parsers for the values found in messy school spreadsheets. Each returns null for "cannot read". */
import { cleanCell, toHalfWidth } from '../../../../shared/domain/text';
import type { Cell } from './read';

/** Text of a cell as the user would read it (numbers without exponent, dates as YYYY-MM-DD). */
export function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return dateFromJs(v) ?? '';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? BigInt(v).toString() : String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return cleanCell(v);
}

const pad = (n: number) => String(n).padStart(2, '0');

function validYmd(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null; // 2月30日
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * SheetJS builds dates in local time and, in zones with a historical offset (Asia/Shanghai before 1901),
 * lands a few seconds before or after midnight; shifting by 12 hours before taking the local date absorbs that.
 */
function dateFromJs(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const t = new Date(d.getTime() + 12 * 3600_000);
  return validYmd(t.getFullYear(), t.getMonth() + 1, t.getDate());
}

/** Excel serial day number (1900 system) to a date; only a plausible range is accepted. */
function dateFromSerial(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n > 80000) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86400_000);
  return validYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Dates as Excel serials, Date objects, or text like 2012.3.5 / 2012/03/05 / 2012年3月5日 / 20120305 -> YYYY-MM-DD. */
export function parseDate(v: Cell): string | null {
  if (v instanceof Date) return dateFromJs(v);
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) return parseDate(String(v));
    return dateFromSerial(v);
  }
  const s = toHalfWidth(String(v ?? '')).replace(/\s+/g, '');
  if (!s) return null;
  let m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(s);
  if (m) return validYmd(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return validYmd(+m[1], +m[2], +m[3]);
  // 出生年月 often has no day: 2012.3 / 2012年3月 -> first of the month.
  m = /^(\d{4})[-./年](\d{1,2})月?$/.exec(s);
  if (m) return validYmd(+m[1], +m[2], 1);
  if (/^\d+(\.\d+)?$/.test(s)) return dateFromSerial(Number(s));
  return null;
}

export function parseGender(v: Cell): '男' | '女' | null {
  const s = cellText(v).toUpperCase();
  if (['男', '1', '男性', 'M', 'MALE'].includes(s)) return '男';
  if (['女', '2', '女性', 'F', 'FEMALE'].includes(s)) return '女';
  return null;
}

/** Yes/no flags: 是/否, √/×, 1/0, Y/N, 有/无. Blank is "no". Returns undefined when unreadable. */
export function parseFlag(v: Cell): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const s = cellText(v).toUpperCase();
  if (['', '否', '0', 'N', 'NO', '无', '×', 'X', 'FALSE', '非'].includes(s)) return false;
  if (['是', '1', 'Y', 'YES', '有', '√', '✓', '✔', 'TRUE', '是的'].includes(s)) return true;
  return undefined;
}

export type StudentNoResult = { ok: true; value: string } | { ok: false; key: 'studentNoNumeric' | 'badStudentNo'; value: string };

/**
 * 学籍号 kept as text. Excel may have stored it as a number: fine while it is an exact integer, but above
 * 2^53 (and beyond Excel's 15 significant digits) digits are already lost, which only the user can repair.
 */
export function parseStudentNo(v: Cell, re: RegExp): StudentNoResult {
  if (typeof v === 'number') {
    const shown = cellText(v);
    if (!Number.isSafeInteger(v) || v < 0) return { ok: false, key: 'studentNoNumeric', value: String(v) };
    return re.test(shown) ? { ok: true, value: shown } : { ok: false, key: 'badStudentNo', value: shown };
  }
  // Strip the tricks people use to keep Excel from converting: a leading apostrophe or ="...".
  let s = cellText(v).replace(/\s+/g, '');
  const eq = /^="(.*)"$/.exec(s);
  if (eq) s = eq[1];
  s = s.replace(/^'/, '');
  if (/^\d(\.\d+)?E\+\d+$/i.test(s)) return { ok: false, key: 'studentNoNumeric', value: s };
  if (/^[a-z]/.test(s)) s = s[0].toUpperCase() + s.slice(1);
  s = s.replace(/x$/, 'X');
  return re.test(s) ? { ok: true, value: s } : { ok: false, key: 'badStudentNo', value: s };
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 1-99 written in digits or Chinese numerals (三, 十二, 二十一). */
export function parseSmallNumber(s: string): number | null {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  if (!s || s.length > 3) return null;
  if (s.length === 1) return s === '十' ? 10 : (CN_DIGITS[s] ?? null);
  const ten = s.indexOf('十');
  if (ten < 0) return null;
  const hi = ten === 0 ? 1 : CN_DIGITS[s.slice(0, ten)];
  const loText = s.slice(ten + 1);
  const lo = loText ? CN_DIGITS[loText] : 0;
  if (hi === undefined || lo === undefined || ten > 1) return null;
  return hi * 10 + lo;
}

/** 七年级 / 7年级 / 初一 / 七 / 7 -> 7. */
export function parseGradeLevel(text: string): number | null {
  const s = toHalfWidth(text).replace(/\s+/g, '');
  const chu = /^初(?:中)?([一二三123])(?:年级)?$/.exec(s);
  if (chu) return 6 + (parseSmallNumber(chu[1]) ?? 0);
  const m = /^(?:小学)?([一二三四五六七八九1-9])(?:年级|年)?$/.exec(s);
  return m ? parseSmallNumber(m[1]) : null;
}

/**
 * A class written as 七年级(3)班, 七年级3班, 7年级(3)班, 初一(3)班, 七(3), 7-3, 7.3 or a code like 701.
 * `gradeText` is a separate 年级 column when the file splits grade and class.
 */
export function parseClass(text: string, gradeText = ''): { level: number; no: number } | null {
  const s = toHalfWidth(text).replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')');
  if (!s) return null;
  if (gradeText) {
    const level = parseGradeLevel(gradeText);
    const no = parseSmallNumber(s.replace(/^\(/, '').replace(/\)?班?$/, ''));
    if (level && no) return { level, no };
    // Else the class column may hold the full name anyway.
  }
  const code = /^0?([1-9])(\d{2})$/.exec(s);
  if (code && Number(code[2]) > 0) return { level: Number(code[1]), no: Number(code[2]) };
  const m = /^(.+?)(?:年级|年)?[(\-.、]?([0-9]{1,2}|[一二三四五六七八九十]{1,3})\)?班?$/.exec(s);
  if (!m) return null;
  const level = parseGradeLevel(m[1].replace(/年级$|年$/, ''));
  const no = parseSmallNumber(m[2]);
  return level && no ? { level, no } : null;
}

/** Integer weekly periods 0..40. */
export function parsePeriods(v: Cell): number | null {
  const s = cellText(v).replace(/节|课时$/g, '');
  if (!/^\d{1,2}(\.0+)?$/.test(s)) return null;
  const n = Number(s);
  return n >= 0 && n <= 40 ? n : null;
}
