/** The built-in frameworks have the published shape: 教督〔2017〕6号 with 7 + 15 + 9 + 1 indicators, numbered in order. */
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS, QUALITY_BALANCE_2017, indicatorCode } from '../../../shared/domain/dossier/frameworks';
import { INDICATOR_KEYS } from '../../../shared/domain/teachers/indicators';

describe('indicator frameworks', () => {
  it('教督〔2017〕6号: four parts of 7, 15, 9 and 1 indicators, numbered 1..n', () => {
    expect(QUALITY_BALANCE_2017.parts.map((p) => [p.name, p.indicators.length])).toEqual([['资源配置', 7], ['政府保障程度', 15], ['教育质量', 9], ['社会认可度', 1]]);
    for (const f of FRAMEWORKS) for (const p of f.parts) expect(p.indicators.map((i) => i.no)).toEqual(p.indicators.map((_, k) => k + 1));
    expect(new Set(FRAMEWORKS.map((f) => f.key)).size).toBe(FRAMEWORKS.length);
  });
  it('every teacher indicator the app computes has its place in the 2017 framework', () => {
    const computed = QUALITY_BALANCE_2017.parts.flatMap((p) => p.indicators.filter((i) => i.computed).map((i) => [i.computed, indicatorCode(p, i)]));
    for (const k of INDICATOR_KEYS) expect(computed.map(([c]) => c)).toContain(k);
    expect(Object.fromEntries(computed)).toMatchObject({ degree: '一-1', backbone: '一-2', peArts: '一-3', training: '二-9', certified: '二-12', curriculum: '三-7', homework: '三-8' });
  });
});
