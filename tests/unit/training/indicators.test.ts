/** The teacher indicators (教督〔2017〕6号), hand-computed, with the exact boundaries and the missing data. */
import { describe, expect, it } from 'vitest';
import { teacherIndicators, type IndicatorTeacher } from '../../../shared/domain/teachers/indicators';

let nextId = 1;
function teacher(o: Partial<IndicatorTeacher> = {}): IndicatorTeacher {
  const id = nextId++;
  return { id, name: `教师${id}`, degree: '本科', backboneLevel: '无', isPeArts: false, certified: true, teachesMiddle: true, training: { hours: 300, required: 360, due: 290 }, ...o };
}
const many = (n: number, o: Partial<IndicatorTeacher> = {}) => Array.from({ length: n }, () => teacher(o));
const row = (rows: ReturnType<typeof teacherIndicators>, key: string) => rows.find((r) => r.key === key)!;

describe('teacher indicators', () => {
  it('degree per 100 in a primary school: exactly 4.2 is met, one teacher less is not', () => {
    // 1,000 students: 42 teachers with 专科 or higher = 4.2 per 100.
    const ok = [...many(40, { degree: '专科' }), ...many(2, { degree: '研究生' }), ...many(5, { degree: '高中/中专' })];
    const r = row(teacherIndicators({ schoolType: '小学', primaryStudents: 1000, middleStudents: 0, teachers: ok }), 'degree');
    expect([r.count, r.value, r.met, r.needed]).toEqual([42, 4.2, true, 0]);
    const short = row(teacherIndicators({ schoolType: '小学', primaryStudents: 1000, middleStudents: 0, teachers: ok.slice(1) }), 'degree');
    expect([short.count, short.value, short.met, short.needed]).toEqual([41, 4.1, false, 1]);
  });
  it('degree in a middle school needs 本科: 专科 does not count; 5.3 per 100', () => {
    const ts = [...many(48, { degree: '本科' }), ...many(10, { degree: '专科' })];
    const r = row(teacherIndicators({ schoolType: '初中', primaryStudents: 0, middleStudents: 900, teachers: ts }), 'degree');
    // 48 / 900 x 100 = 5.33 >= 5.3 (48 x 1000 = 48,000 >= 53 x 900 = 47,700)
    expect([r.count, r.value, r.met, r.standard]).toEqual([48, 5.33, true, 5.3]);
  });
  it('a nine-year school weighs the standard by its parts and applies 本科 to those teaching grades 7-9', () => {
    // 600 primary + 400 middle: required = (42 x 600 + 53 x 400) / 1000 = 46.4 teachers -> 4.64 per 100.
    const ts = [...many(30, { degree: '专科', teachesMiddle: false }), ...many(16, { degree: '本科', teachesMiddle: true }), ...many(5, { degree: '专科', teachesMiddle: true })];
    const r = row(teacherIndicators({ schoolType: '九年一贯制', primaryStudents: 600, middleStudents: 400, teachers: ts }), 'degree');
    expect([r.count, r.standard, r.met, r.needed]).toEqual([46, 4.64, false, 1]);
    const r2 = row(teacherIndicators({ schoolType: '九年一贯制', primaryStudents: 600, middleStudents: 400, teachers: [...ts, teacher({ degree: '本科' })] }), 'degree');
    expect(r2.met).toBe(true);
  });
  it('a missing degree blocks the figure only when it could change it', () => {
    const ts = [...many(41, { degree: '专科' }), teacher({ degree: null, name: '未填学历' })];
    const r = row(teacherIndicators({ schoolType: '小学', primaryStudents: 1000, middleStudents: 0, teachers: ts }), 'degree');
    expect(r.met).toBeNull();
    expect(r.missing).toEqual([{ id: ts[41].id, name: '未填学历', field: 'degree' }]);
    const enough = row(teacherIndicators({ schoolType: '小学', primaryStudents: 1000, middleStudents: 0, teachers: [...many(42, { degree: '专科' }), teacher({ degree: null })] }), 'degree');
    expect(enough.met).toBe(true);
    expect(enough.missing).toHaveLength(1);
  });
  it('backbone (县级 and above) >= 1 and PE/arts >= 0.9 per 100, at their boundaries', () => {
    const ts = [...many(8, { backboneLevel: '县级' }), teacher({ backboneLevel: '市级' }), teacher({ backboneLevel: '省级' }), ...many(9, { isPeArts: true }), ...many(3, { backboneLevel: '无' })];
    const rows = teacherIndicators({ schoolType: '初中', primaryStudents: 0, middleStudents: 1000, teachers: ts });
    expect([row(rows, 'backbone').count, row(rows, 'backbone').value, row(rows, 'backbone').met]).toEqual([10, 1, true]);
    expect([row(rows, 'peArts').count, row(rows, 'peArts').value, row(rows, 'peArts').met]).toEqual([9, 0.9, true]);
    const more = teacherIndicators({ schoolType: '初中', primaryStudents: 0, middleStudents: 1001, teachers: ts });
    expect([row(more, 'backbone').met, row(more, 'peArts').met]).toEqual([false, false]);
  });
  it('certified and training completion must be 100%, naming who falls short', () => {
    const ts = [...many(9), teacher({ certified: false, name: '未持证' }), teacher({ training: { hours: 100, required: 360, due: 290 }, name: '落后' }), teacher({ training: null, name: '无数据' })];
    const rows = teacherIndicators({ schoolType: '初中', primaryStudents: 0, middleStudents: 500, teachers: ts });
    const c = row(rows, 'certified');
    expect([c.count, c.denominator, c.value, c.met, c.shortfalls.map((x) => x.name)]).toEqual([11, 12, 91.67, false, ['未持证']]);
    const t = row(rows, 'training');
    expect([t.count, t.met, t.shortfalls.map((x) => x.name), t.missing.map((x) => x.name)]).toEqual([10, false, ['落后'], ['无数据']]);
    const all = teacherIndicators({ schoolType: '初中', primaryStudents: 0, middleStudents: 500, teachers: many(5) });
    expect([row(all, 'certified').met, row(all, 'training').met, row(all, 'training').value]).toEqual([true, true, 100]);
  });
  it('no students: the per-100 figures cannot be decided', () => {
    const rows = teacherIndicators({ schoolType: '小学', primaryStudents: 0, middleStudents: 0, teachers: many(3) });
    expect(row(rows, 'degree')).toMatchObject({ value: null, met: null });
  });
});
