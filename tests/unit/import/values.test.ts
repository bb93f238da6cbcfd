import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildMapping, findHeaderRow, normHeader } from '../../../electron/core/features/import/fields';
import { decodeText } from '../../../electron/core/platform/spreadsheet/read';
import { cellText, parseClass, parseDate, parseFlag, parseGender, parsePeriods, parseStudentNo } from '../../../electron/core/platform/spreadsheet/values';
import { STUDENT_NO_RE } from '../../../shared/contract';

describe('import value parsers', () => {
  it('classes in the spellings schools use', () => {
    const cases: [string, string, [number, number] | null][] = [
      ['七年级(3)班', '', [7, 3]], ['七年级（3）班', '', [7, 3]], ['七年级3班', '', [7, 3]], ['7年级(3)班', '', [7, 3]],
      ['初一(3)班', '', [7, 3]], ['初三12班', '', [9, 12]], ['701', '', [7, 1]], ['0912', '', [9, 12]], ['七年级十二班', '', [7, 12]],
      ['三年级二班', '', [3, 2]], ['7-3', '', [7, 3]], ['７年级（３）班', '', [7, 3]],
      ['3班', '七年级', [7, 3]], ['(2)班', '初二', [8, 2]], ['5', '8年级', [8, 5]],
      ['高一(3)班', '', null], ['十年级1班', '', null], ['', '', null], ['七年级', '', null],
    ];
    for (const [text, grade, want] of cases) {
      const got = parseClass(text, grade);
      expect(got ? [got.level, got.no] : null, `${grade}${text}`).toEqual(want);
    }
  });

  it('dates as text, numbers, Excel serials and Dates (also a few seconds off midnight)', () => {
    expect(parseDate('2012.3.5')).toBe('2012-03-05');
    expect(parseDate('2012/03/05')).toBe('2012-03-05');
    expect(parseDate('2012年3月5日')).toBe('2012-03-05');
    expect(parseDate('２０１２－０３－０５')).toBe('2012-03-05');
    expect(parseDate('20120305')).toBe('2012-03-05');
    expect(parseDate(20120305)).toBe('2012-03-05');
    expect(parseDate('2012.3')).toBe('2012-03-01');
    expect(parseDate(40973)).toBe('2012-03-05'); // Excel serial
    expect(parseDate(new Date(2012, 2, 5, 0, 0, 43))).toBe('2012-03-05');
    expect(parseDate(new Date(2012, 2, 4, 23, 59, 59, 999))).toBe('2012-03-05');
    expect(parseDate('2012-02-30')).toBeNull();
    expect(parseDate('明年')).toBeNull();
  });

  it('学籍号: text kept, numbers converted only when exact, Excel tricks stripped', () => {
    expect(parseStudentNo('g11010120120305001x', STUDENT_NO_RE)).toEqual({ ok: true, value: 'G11010120120305001X' });
    expect(parseStudentNo("'G110101201203050012", STUDENT_NO_RE)).toEqual({ ok: true, value: 'G110101201203050012' });
    expect(parseStudentNo('="G110101201203050012"', STUDENT_NO_RE)).toEqual({ ok: true, value: 'G110101201203050012' });
    expect(parseStudentNo(202507001001, STUDENT_NO_RE)).toEqual({ ok: true, value: '202507001001' });
    expect(parseStudentNo(110101201203050012, STUDENT_NO_RE)).toMatchObject({ ok: false, key: 'studentNoNumeric' });
    expect(parseStudentNo('1.10101201203050E+17', STUDENT_NO_RE)).toMatchObject({ ok: false, key: 'studentNoNumeric' });
    expect(parseStudentNo('G12', STUDENT_NO_RE)).toMatchObject({ ok: false, key: 'badStudentNo' });
    expect(cellText(110101201203050000)).toBe('110101201203050000'); // no exponent
  });

  it('gender, flags and periods', () => {
    expect([1, 2, '1', '男', '女性', 'F', '３'].map((v) => parseGender(v))).toEqual(['男', '女', '男', '男', '女', '女', null]);
    expect(['是', '√', 1, '0', '', '否', '也许'].map((v) => parseFlag(v))).toEqual([true, true, true, false, false, false, undefined]);
    expect([5, '５', '4节', 41, '2.5', -1].map((v) => parsePeriods(v))).toEqual([5, 5, 4, null, null, null]);
  });

  it('CSV encoding: strict UTF-8 first, else GBK', () => {
    expect(decodeText(Buffer.from('姓名,学籍号', 'utf8'))).toEqual({ text: '姓名,学籍号', encoding: 'utf-8' });
    expect(decodeText(iconv.encode('姓名,学籍号', 'gbk'))).toEqual({ text: '姓名,学籍号', encoding: 'gbk' });
  });

  it('header row scoring ignores title rows and notes; manual mapping takes a column away from its auto field', () => {
    const grid = [['学生名册（学籍号、姓名请核对）'], [], ['序号', '学生姓名', '编号(全国)', '性别*', '出生日期（年月日）']];
    expect(findHeaderRow('students', grid)).toBe(2);
    expect(normHeader('性别*')).toBe('性别');
    expect(normHeader('编号(全国)')).toBe('编号');
    const columns = grid[2].map((h, index) => ({ index, header: String(h) }));
    expect(buildMapping('students', columns, undefined)).toMatchObject({ studentNo: null, name: 1, gender: 3, birthDate: 4 });
    expect(buildMapping('students', columns, { studentNo: 2, note: 1 })).toMatchObject({ studentNo: 2, name: null, note: 1 });
  });
});
