/**
 * A newcomer's first command (issue 8, item 6): on a fresh clone `npm start` and `npm test` must install what
 * they need, and every package a script or the app imports must be declared in package.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);
const builtins = new Set(builtinModules);

function filesUnder(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p, exts));
    else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out;
}

/** Bare package names imported (static or dynamic) by a source file. */
function importedPackages(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const names = new Set<string>();
  const re = /(?:import\s[^'"]*?from\s*|import\s*\(\s*|require\(\s*|^import\s*)['"]([^'"./][^'"]*)['"]/gm;
  for (const m of src.matchAll(re)) {
    const spec = m[1];
    if (spec.startsWith('node:') || builtins.has(spec)) continue;
    const parts = spec.split('/');
    names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
  }
  return [...names];
}

describe('a fresh clone', () => {
  it('declares every package that scripts, core, server, main, renderer and bench import', () => {
    const files = [
      ...filesUnder(path.join(root, 'scripts'), ['.mjs', '.cjs', '.js']),
      ...['electron', 'shared', 'renderer/src', 'bench'].flatMap((d) => filesUnder(path.join(root, d), ['.ts', '.tsx'])),
    ];
    const undeclared = files.flatMap((f) => importedPackages(f)
      .filter((n) => !declared.has(n) && n !== 'electron/main')
      .map((n) => `${path.relative(root, f)}: ${n}`));
    expect(undeclared).toEqual([]);
  });

  it('runs the dependency check before start, web and test', () => {
    expect(pkg.scripts.start).toMatch(/^node scripts\/ensure-deps\.mjs && /);
    expect(pkg.scripts.web).toMatch(/^node scripts\/ensure-deps\.mjs && /);
    expect(pkg.scripts.pretest).toMatch(/^node scripts\/ensure-deps\.mjs --system$/);
  });

  it('checks dependencies with Node built-ins only (nothing is installed when it runs)', () => {
    expect(importedPackages(path.join(root, 'scripts', 'ensure-deps.mjs'))).toEqual([]);
  });

  it('keeps browser-mode-only packages out of the packaged app', () => {
    expect(pkg.dependencies['playwright-core']).toBeUndefined();
    expect(pkg.devDependencies['playwright-core']).toBeDefined();
  });

  it('lists one set of system packages for CI and the pretest step', () => {
    const ci = fs.readFileSync(path.join(root, '.ci', 'run'), 'utf8');
    expect(ci).toContain('scripts/system-packages.txt');
    const list = fs.readFileSync(path.join(root, 'scripts', 'system-packages.txt'), 'utf8');
    for (const p of ['chromium', 'fonts-noto-cjk', 'poppler-utils']) expect(list.split('\n')).toContain(p);
  });

  it('enforces the React hooks rules in the lint config', () => {
    const cfg = fs.readFileSync(path.join(root, 'eslint.config.mjs'), 'utf8');
    expect(cfg).toContain("from 'eslint-plugin-react-hooks'");
    expect(cfg).toMatch(/'react-hooks\/rules-of-hooks': 'error'/);
    expect(cfg).not.toMatch(/create: \(\) => \(\{\}\)/);
  });
});
