/**
 * Keys built at run time from data (issue 8, item 5): audit entities and actions, report modules and report
 * parameters must have a translation in both languages, or the UI shows raw codes such as `routineMonthly`.
 * Enumerated twice: statically from every literal ctx.audit('entity', 'action') in core, and from the audit
 * log of a sample school that went through a month's check, an import and a printout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import { REPORT_PARAM_KINDS } from '../../../shared/contract';

const ROOT = path.resolve(__dirname, '../../..');
type Tree = { [k: string]: string | Tree };
function bundle(lang: string): Tree {
  const dir = path.join(ROOT, 'renderer/src/locales', lang);
  const out: Tree = {};
  const merge = (into: Tree, from: Tree) => {
    for (const [k, v] of Object.entries(from)) {
      if (typeof v === 'object' && typeof into[k] === 'object') merge(into[k] as Tree, v);
      else into[k] = v;
    }
  };
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json'))) merge(out, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  return out;
}
const has = (tree: Tree, key: string) => typeof key.split('.').reduce<Tree | string | undefined>((t, k) => (typeof t === 'object' ? t[k] : undefined), tree) === 'string';
const LANGS = { 'zh-CN': bundle('zh-CN'), en: bundle('en') };

function missing(prefix: string, codes: Iterable<string>): string[] {
  return [...new Set(codes)].flatMap((c) => Object.entries(LANGS).filter(([, tree]) => !has(tree, `${prefix}.${c}`)).map(([l]) => `${l}: ${prefix}.${c}`));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

let dir: string;
let core: Core;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-i18n-'));
  core = await Core.open({ dataDir: dir, noDailyBackup: true, pdf: null });
  await core.call('app/setOperator', { name: '教务员小李' });
  const termId = (await core.call('app/loadSample', {})).currentTermId!;
  const month = (await core.call('monthly-check/months', { termId }))[1].month;
  await core.call('monthly-check/start', { termId, month });
  await core.call('backup/create', {});
  await core.call('reports/html', { reportId: 'teacher-roster', params: { termId } });
}, 120_000);
afterAll(async () => { await core?.close(); fs.rmSync(dir, { recursive: true, force: true }); });

describe('run-time translation keys', () => {
  it('every literal audit entity and action in core is translated', () => {
    const entities: string[] = [];
    const actions: string[] = [];
    for (const f of sourceFiles(path.join(ROOT, 'electron/core'))) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/audit\(\s*'([A-Za-z]+)',\s*'([A-Za-z]+)'/g)) { entities.push(m[1]); actions.push(m[2]); }
    }
    expect(entities.length).toBeGreaterThan(30);
    expect([...missing('tools.audit.entities', entities), ...missing('tools.audit.actions', actions)]).toEqual([]);
  });

  it('every entity and action in a used sample school\'s audit log is translated, and the operator is recorded', () => {
    const rows = core.context().db.prepare('SELECT DISTINCT entity, action, operator FROM audit_log').all() as { entity: string; action: string; operator: string }[];
    expect([...missing('tools.audit.entities', rows.map((r) => r.entity)), ...missing('tools.audit.actions', rows.map((r) => r.action))]).toEqual([]);
    expect(rows.filter((r) => r.operator !== '教务员小李')).toEqual([]);
  });

  it('every report module and parameter has a label', async () => {
    const cat = await core.call('reports/catalogue', {});
    expect([...missing('tools.reports.modules', cat.map((r) => r.module)), ...missing('tools.reports.param', Object.keys(REPORT_PARAM_KINDS))]).toEqual([]);
  });
});
