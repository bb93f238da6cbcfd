/**
 * One feature, one name, three rooms (issue 9): the feature list, the contract's method prefixes, the core
 * and renderer folders, the handler registry and the report catalogue all agree, and the fold refuses a
 * method outside its feature or answered twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, METHODS, contract } from '../../../shared/contract';
import { ALL_FEATURES } from '../../../electron/core/features';
import { foldHandlers, foldReports, type AnyFeatureDef, type CoreOwnMethod } from '../../../electron/core/platform/feature';

const root = path.resolve(__dirname, '..', '..', '..');
const dirs = (rel: string) => fs.readdirSync(path.join(root, rel), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const CORE_OWN: CoreOwnMethod[] = ['app/status', 'backup/list', 'backup/restore', 'app/restoreDamaged', 'app/startEmpty', 'archive/restore'];

describe('the feature list', () => {
  it('names exactly the folders of electron/core/features and the contract files', () => {
    expect(dirs('electron/core/features')).toEqual([...FEATURE_NAMES].sort());
    for (const name of FEATURE_NAMES) expect(fs.existsSync(path.join(root, 'shared/contract', `${name}.ts`)), name).toBe(true);
    expect(ALL_FEATURES.map((f) => f.name)).toEqual([...FEATURE_NAMES]);
  });

  it('has a renderer folder only under a feature name', () => {
    const renderer = dirs('renderer/src/features');
    expect(renderer.filter((d) => !(FEATURE_NAMES as readonly string[]).includes(d))).toEqual([]);
    // Features without a screen of their own: their buttons live in shared components (export, attachments).
    expect([...FEATURE_NAMES].filter((n) => !renderer.includes(n)).sort()).toEqual(['attachments', 'export']);
  });

  it('gives every contract method the prefix of a feature', () => {
    const bad = METHODS.filter((m) => !FEATURE_NAMES.some((n) => m.startsWith(`${n}/`)));
    expect(bad).toEqual([]);
    expect(METHODS.length).toBe(Object.keys(contract).length);
  });

  it('is listed in the README feature table, one line each', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const name of FEATURE_NAMES) expect(readme, name).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
  });
});

describe('the handler registry folded from the features', () => {
  const registry = foldHandlers(ALL_FEATURES);

  it('answers every method once, except those Core answers itself', () => {
    const missing = METHODS.filter((m) => !registry.has(m) && !CORE_OWN.includes(m as CoreOwnMethod));
    expect(missing).toEqual([]);
    expect(CORE_OWN.filter((m) => registry.has(m))).toEqual([]);
    expect(registry.size).toBe(METHODS.length - CORE_OWN.length);
  });

  it('refuses a method outside its feature and a method answered twice', () => {
    const handler = () => null;
    const stray: AnyFeatureDef = { name: 'audit', handlers: { 'school/listTerms': handler } };
    expect(() => foldHandlers([stray])).toThrow(/outside its name/);
    const twice: AnyFeatureDef = { name: 'audit', handlers: { 'audit/list': handler } };
    expect(() => foldHandlers([twice, twice])).toThrow(/two features answer audit\/list/);
  });
});

describe('the report catalogue folded from the features', () => {
  it('holds each report under the feature that declares it, with unique ids', () => {
    const reports = foldReports(ALL_FEATURES);
    expect(new Set(reports.map((r) => r.info.id)).size).toBe(reports.length);
    for (const f of ALL_FEATURES) for (const r of f.reports ?? []) expect(r.info.feature, r.info.id).toBe(f.name);
    // Every required parameter is one the report takes.
    for (const r of reports) expect(r.info.required.filter((k) => !r.info.params.includes(k)), r.info.id).toEqual([]);
  });
});
