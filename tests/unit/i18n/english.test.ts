/**
 * English that reads as English (issue 8, item 5): no full-width punctuation or stray Chinese in en/*.json
 * (except where Chinese is the point: examples of what users type or see on paper), and term names in English.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { termDisplayName } from '../../../shared/domain/calendar';

const EN = path.resolve(__dirname, '../../../renderer/src/locales/en');
type Tree = { [k: string]: string | Tree };
function flatten(tree: Tree, prefix = '', out: [string, string][] = []): [string, string][] {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object') flatten(v, key, out); else out.push([key, v]);
  }
  return out;
}

const FULL_WIDTH = /[，。：；！？（）【】、]/;
const CJK = /[\u3400-\u9fff]/;
/** Chinese on purpose: an example of what to type, a class or sample name as it appears on screen or paper. */
const CHINESE_ALLOWED = (value: string) => /e\.g\.|like |such as|written as|Type |finds |\(|"|«/.test(value);

describe('English strings', () => {
  const entries = fs.readdirSync(EN).filter((f) => f.endsWith('.json')).flatMap((f) => flatten(JSON.parse(fs.readFileSync(path.join(EN, f), 'utf8'))).map(([k, v]) => [`${f}:${k}`, v] as const));

  it('use no full-width punctuation', () => {
    expect(entries.filter(([, v]) => FULL_WIDTH.test(v.replace(/[\u3400-\u9fff][，、（）]?[\u3400-\u9fff]*/g, ''))).map(([k, v]) => `${k} = ${v}`)).toEqual([]);
  });

  it('hold Chinese only as quoted examples', () => {
    expect(entries.filter(([, v]) => CJK.test(v) && !CHINESE_ALLOWED(v)).map(([k, v]) => `${k} = ${v}`)).toEqual([]);
  });

  it('name terms in English', () => {
    expect(termDisplayName('2026-2027学年第一学期', 'en')).toBe('2026-2027 school year, term 1');
    expect(termDisplayName('2026-2027学年第二学期', 'en')).toBe('2026-2027 school year, term 2');
    expect(termDisplayName('2026-2027学年第一学期', 'zh-CN')).toBe('2026-2027学年第一学期');
    expect(termDisplayName('暑期班', 'en')).toBe('暑期班');
  });
});
