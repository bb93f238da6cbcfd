/**
 * Translations: zh-CN and en have exactly the same keys, nothing is empty, every literal t('a.b') key in the
 * renderer exists in both, and every error key core can throw exists under `errors.`.
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const LOCALES = path.join(ROOT, 'renderer/src/locales');
const LANGS = ['zh-CN', 'en'] as const;
type Tree = { [k: string]: string | Tree };

function merge(into: Tree, from: Tree): Tree {
  for (const [k, v] of Object.entries(from)) {
    if (typeof v === 'object' && typeof into[k] === 'object') merge(into[k] as Tree, v);
    else into[k] = v;
  }
  return into;
}

/** Same merge as renderer/src/i18n: every <lang>/*.json deep-merged into one tree. */
function bundle(lang: string): Tree {
  const dir = path.join(LOCALES, lang);
  const out: Tree = {};
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    merge(out, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Tree);
  }
  return out;
}

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object' && v !== null) flatten(v, key, out);
    else out.set(key, v);
  }
  return out;
}

function walk(dir: string, exts: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(p, exts);
    return exts.test(e.name) ? [p] : [];
  });
}

const flat = Object.fromEntries(LANGS.map((l) => [l, flatten(bundle(l))])) as Record<(typeof LANGS)[number], Map<string, string>>;
/** A key "exists" as a leaf, or as a branch when used for plural/nested objects. */
const has = (lang: (typeof LANGS)[number], key: string) => flat[lang].has(key);

describe('locale files', () => {
  it('load for both languages and are not trivially small', () => {
    for (const l of LANGS) expect(flat[l].size, l).toBeGreaterThan(100);
  });

  it('zh-CN and en have exactly the same keys', () => {
    const zh = [...flat['zh-CN'].keys()];
    const en = [...flat.en.keys()];
    expect(zh.filter((k) => !flat.en.has(k)), 'keys missing in en').toEqual([]);
    expect(en.filter((k) => !flat['zh-CN'].has(k)), 'keys missing in zh-CN').toEqual([]);
  });

  it('have no empty values', () => {
    for (const l of LANGS) {
      const empty = [...flat[l]].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
      expect(empty, `empty values in ${l}`).toEqual([]);
    }
  });

  it('keep the same {{params}} in both languages', () => {
    const params = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort().join(',');
    const differ = [...flat['zh-CN']].filter(([k, v]) => flat.en.has(k) && params(v) !== params(flat.en.get(k)!)).map(([k]) => k);
    expect(differ, 'keys whose {{params}} differ between zh-CN and en').toEqual([]);
  });
});

describe('keys used in code', () => {
  it('every literal t(\'a.b\') key in the renderer exists in both languages', () => {
    const files = walk(path.join(ROOT, 'renderer/src'), /\.(tsx?|jsx?)$/);
    expect(files.length).toBeGreaterThan(5);
    const used = new Map<string, string>();
    for (const f of files) {
      const src = fs.readFileSync(f, 'utf8');
      for (const m of src.matchAll(/\bt\(\s*['"]([A-Za-z][\w-]*(?:\.[\w-]+)+)['"]/g)) used.set(m[1], path.relative(ROOT, f));
      // labelKey: 'nav.x' style references (route tables) are translated later with t(labelKey)
      for (const m of src.matchAll(/\b\w*Key:\s*['"]([A-Za-z][\w-]*(?:\.[\w-]+)+)['"]/g)) used.set(m[1], path.relative(ROOT, f));
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].flatMap(([k, f]) => LANGS.filter((l) => !has(l, k)).map((l) => `${l}: ${k} (${f})`));
    expect(missing).toEqual([]);
  });

  it('every AppError key thrown in electron/ and shared/ exists under errors', () => {
    const files = [...walk(path.join(ROOT, 'electron'), /\.ts$/), ...walk(path.join(ROOT, 'shared'), /\.ts$/)];
    const keys = new Set<string>();
    for (const f of files) {
      const src = fs.readFileSync(f, 'utf8');
      for (const m of src.matchAll(/new AppError\(\s*'\w+',\s*'([\w.]+)'/g)) keys.add(m[1]);
      // zod messages in the contract schemas are error keys too: .min(1, 'required'), .regex(RE, 'badDate')
      if (f.includes(`${path.sep}contract${path.sep}`)) {
        for (const m of src.matchAll(/\.(?:min|max|regex|length)\([^()]*?,\s*'([A-Za-z]\w*)'\)/g)) keys.add(m[1]);
      }
    }
    // Keys produced without a literal `new AppError('X', 'key'`: zod issue codes and the transports.
    for (const k of ['validation', 'invalidType', 'tooSmall', 'tooBig', 'invalidOption', 'invalidFormat', 'invalid', 'internal', 'serverUnreachable', 'unauthorized']) keys.add(k);
    expect(keys.size).toBeGreaterThan(20);
    const missing = [...keys].flatMap((k) => LANGS.filter((l) => !has(l, `errors.${k}`)).map((l) => `${l}: errors.${k}`));
    expect(missing).toEqual([]);
  });
});

type TFn = (k: string, o?: Record<string, unknown>) => string;
interface FormatModule {
  formatApiError(t: TFn, e: unknown, opts?: { fieldLabel?: (f: string) => string | undefined; rowBase?: number }): string;
  formFieldErrors(t: TFn, e: unknown): { name: string; errors: string[] }[];
}

describe('formatApiError', () => {
  // Loaded by path: the renderer's files belong to the renderer TS project, not this (node) one.
  let formatApiError: FormatModule['formatApiError'];
  let formFieldErrors: FormatModule['formFieldErrors'];
  beforeAll(async () => {
    const modPath = path.join(ROOT, 'renderer/src/app/formatError.ts');
    ({ formatApiError, formFieldErrors } = (await import(modPath)) as FormatModule);
  });
  const inst = i18next.createInstance();
  void inst.init({
    resources: { 'zh-CN': { translation: bundle('zh-CN') }, en: { translation: bundle('en') } },
    lng: 'zh-CN', fallbackLng: false, interpolation: { escapeValue: false }, initAsync: false,
  });
  const t = inst.t.bind(inst) as unknown as TFn;

  it('names the grid row and column of each issue', () => {
    const e = { code: 'VALIDATION', key: 'validation', issues: [{ path: ['rows', 2, 'studentNo'], key: 'badStudentNo' }] };
    const text = formatApiError(t, e, { fieldLabel: (f) => (f === 'studentNo' ? '学籍号' : undefined), rowBase: 11 });
    expect(text.split('\n')[0]).toBe(flat['zh-CN'].get('errors.validation'));
    expect(text).toContain('第 13 行 · 列 学籍号: ');
    expect(text).toContain(flat['zh-CN'].get('errors.badStudentNo'));
  });

  it('falls back to fields.<name> and to the generic message for unknown keys; no stack traces', () => {
    const text = formatApiError(t, { code: 'VALIDATION', key: 'noSuchKey', issues: [{ path: ['name'], key: 'required' }] });
    expect(text).toContain('列 名称: 必填');
    expect(text).not.toContain('errors.noSuchKey');
    expect(formatApiError(t, new Error('boom'))).not.toMatch(/at .*\.ts/);
  });

  it('turns single-record issues into form field errors, in English too', async () => {
    await inst.changeLanguage('en');
    expect(formFieldErrors(t, { code: 'CONFLICT', key: 'duplicate', issues: [{ path: ['name'], key: 'duplicate' }] }))
      .toEqual([{ name: 'name', errors: ['Duplicates an existing record'] }]);
    expect(formatApiError(t, { code: 'DB_NEWER', key: 'dbNewer', params: { have: 3, know: 2 } })).toContain('data version 3');
  });
});
