/**
 * The benchmark harness (`npm run bench [name ...]`): generates a large school (60 classes, 3,000 students,
 * 250 teachers) in a temp folder, runs every figure in bench/figures (or those named on the command line) and
 * prints each as `bench: NAME VALUE UNIT`. Results are merged into bench-results.json at the project root as
 * {name: {value, unit, target?, skipped?, failed?, at}}. A figure whose dependency is not ready prints
 * `bench: NAME skipped (reason)`; a figure that fails prints `bench: NAME failed (reason)` and the exit code is 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createEnv, SkipFigure, type Figure, type FigureResult } from './env';

const ROOT = path.resolve(__dirname, '..');
const RESULTS_FILE = path.join(ROOT, 'bench-results.json');

interface Entry { value: number | null; unit: string; target?: number; skipped?: string; failed?: string; at: string }

async function loadFigures(): Promise<Figure[]> {
  const dir = path.join(__dirname, 'figures');
  const files = fs.readdirSync(dir).filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts')).sort();
  const figures: Figure[] = [];
  for (const f of files) {
    const mod = (await import(path.join(dir, f))) as { default?: Figure | Figure[] };
    // tsx compiles to CommonJS: the default export may sit one level deeper.
    const exported = (mod.default as { default?: Figure | Figure[] } | undefined)?.default ?? mod.default;
    if (!exported) throw new Error(`bench/figures/${f} has no default export`);
    figures.push(...(Array.isArray(exported) ? exported : [exported]));
  }
  return figures;
}

// Three significant digits, so sub-millisecond figures do not print as 0.
const fmt = (v: number) => (Math.abs(v) >= 100 ? String(Math.round(v)) : String(Number(v.toPrecision(3))));

async function main(): Promise<number> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const all = await loadFigures();
  if (process.argv.includes('--list')) {
    for (const f of all) console.log(`${f.name} (${f.unit}${f.target !== undefined ? `, target < ${f.target}` : ''})`);
    return 0;
  }
  const unknown = wanted.filter((w) => !all.some((f) => f.name === w));
  if (unknown.length) {
    console.error(`unknown figure(s): ${unknown.join(', ')}; known: ${all.map((f) => f.name).join(', ')}`);
    return 2;
  }
  const figures = wanted.length ? all.filter((f) => wanted.includes(f.name)) : all;

  const results: Record<string, Entry> = fs.existsSync(RESULTS_FILE) ? JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8')) : {};
  const at = new Date().toISOString();
  const { env, setup, cleanup } = createEnv();
  let failed = 0;
  try {
    const t0 = performance.now();
    await setup();
    console.log(`(large school generated in ${Math.round(performance.now() - t0)} ms: ${env.largeSchool.classes} classes, `
      + `${env.largeSchool.teachers} teachers, ${env.largeSchool.students} students)`);
    for (const f of figures) {
      const base = { unit: f.unit, ...(f.target !== undefined ? { target: f.target } : {}), at };
      try {
        const out = await f.run(env);
        const r: FigureResult = typeof out === 'number' ? { value: out } : out;
        const over = f.target !== undefined && r.value >= f.target ? `  (over target ${f.target} ${f.unit})` : '';
        console.log(`bench: ${f.name} ${fmt(r.value)} ${f.unit}${over}`);
        results[f.name] = { value: r.value, ...base };
        for (const m of r.more ?? []) {
          console.log(`bench: ${m.name} ${fmt(m.value)} ${m.unit}`);
          results[m.name] = { value: m.value, unit: m.unit, at };
        }
      } catch (e) {
        const reason = String((e as Error)?.message ?? e).split('\n')[0].slice(0, 200);
        if (e instanceof SkipFigure) {
          console.log(`bench: ${f.name} skipped (${reason})`);
          results[f.name] = { value: null, ...base, skipped: reason };
        } else {
          failed++;
          console.log(`bench: ${f.name} failed (${reason})`);
          results[f.name] = { value: null, ...base, failed: reason };
        }
      }
    }
  } finally {
    cleanup();
  }
  fs.writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + '\n');
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
