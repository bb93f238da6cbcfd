/**
 * Packaging for Windows (issue 14), as far as it can be checked without Electron's binary: electron-builder.yml
 * says what the issue asks (asarUnpack only native .node files, an ASCII executable name, a Chinese NSIS
 * installer that keeps the school's data on uninstall, the fuses hook), and the built bundles work the way
 * they will inside app.asar: the timetable search's worker runs from the text of dist-electron/solver-worker.cjs
 * (a worker cannot load a script from inside an asar archive), exercised through the built browser-mode server.
 * The packed app itself is checked on Windows by scripts/smoke-packaged.mjs in the workflow.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from '../../helpers/core';

interface BuilderConfig {
  asar?: boolean; asarUnpack: string[]; files: string[]; afterPack: string; npmRebuild: boolean;
  win: { executableName: string; target: { target: string }[] };
  nsis: { oneClick: boolean; installerLanguages: string[]; language: string; deleteAppDataOnUninstall: boolean; shortcutName: string; perMachine: boolean };
}
const config = parse(fs.readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('unpacks only native .node files from the asar archive, and packs the built bundles', () => {
    expect(config.asar).not.toBe(false);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.files).toContain('dist-electron/**');
  });

  it('gives the executable an ASCII name, builds an NSIS installer and a portable exe', () => {
    expect(config.win.executableName).toMatch(/^[A-Za-z][A-Za-z0-9-]*$/);
    expect(config.win.target.map((t) => t.target).sort()).toEqual(['nsis', 'portable']);
  });

  it('has a Chinese installer that keeps the data folder on uninstall', () => {
    expect(config.nsis.installerLanguages).toEqual(['zh_CN']);
    expect(config.nsis.language).toBe('2052'); // LCID of zh-CN
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.perMachine).toBe(false); // no administrator needed on a school PC
    expect(config.nsis.shortcutName).toBe('教务台账');
  });

  it('flips the fuses after packing and rebuilds the native addon for Electron', () => {
    expect(config.afterPack).toBe('scripts/after-pack.cjs');
    expect(fs.existsSync(config.afterPack)).toBe(true);
    expect(config.npmRebuild).toBe(true);
  });
});

describe('the built bundles (dist-electron)', () => {
  let server: ChildProcess;
  let base = '';
  let token = '';
  const dataDir = path.join(tempDir('jw-built-'), '教务 数据');

  beforeAll(async () => {
    const built = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    server = spawn(process.execPath, [path.resolve('dist-electron/server.cjs'), '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      let err = '';
      server.stderr!.on('data', (d: Buffer) => { err += d.toString('utf8'); });
      server.stdout!.on('data', (d: Buffer) => {
        out += d.toString('utf8');
        const m = /ready at (http:\/\/[^/\s]+)\/\?token=(\w+)/.exec(out);
        if (m) resolve(m[0]);
      });
      server.on('exit', (code) => reject(new Error(`server.cjs exited with ${code}: ${out}${err}`)));
    });
    const m = /ready at (http:\/\/[^/\s]+)\/\?token=(\w+)/.exec(line)!;
    [base, token] = [m[1], m[2]];
  }, 120_000);
  afterAll(async () => {
    // Windows will not delete a database file a process still holds open: wait for the server to be gone.
    if (server && server.exitCode === null) {
      const gone = new Promise((r) => server.once('exit', r));
      server.kill();
      await gone;
    }
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });

  const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const res = await fetch(`${base}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-jiaowu-token': token }, body: JSON.stringify(input) });
    const j = (await res.json()) as { ok: boolean; data: T; error?: unknown };
    if (!j.ok) throw new Error(`${method}: ${JSON.stringify(j.error)}`);
    return j.data;
  };

  it('run the timetable search in a worker made from solver-worker.cjs\'s text', { timeout: 120_000 }, async () => {
    await call('app/setOperator', { name: '教务员' });
    const status = await call<{ currentTermId: number }>('app/loadSample');
    let job = await call<{ id: string; state: string; result: { hard: number } | null; error: unknown }>('scheduling/start', { termId: status.currentTermId, mode: 'generate', effort: 'quick', seed: 3 });
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 200));
      job = await call('scheduling/job', { jobId: job.id });
    }
    expect(job.error).toBeNull();
    expect(job.state).toBe('done');
    expect(job.result!.hard).toBe(0);
  });
});
