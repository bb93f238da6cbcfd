/**
 * The USB archive on Windows (issue 14): the removable-drive listing and writes to folders with Chinese
 * characters and spaces. The listing's parsing runs everywhere; PowerShell itself only on Windows (the
 * workflow's windows-latest run), skipped elsewhere with one line. The writes run on every platform, so the
 * Windows run covers NTFS, and this machine ext4.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveResult, JobStatus } from '../../../shared/contract';
import type { Core } from '../../../electron/core/app';
import { archiveTargets, parseWindowsDrives, powerShell, windowsDrives } from '../../../electron/core/features/archive/targets';
import { closeTempCore, openTempCore } from '../../helpers/core';

const onWindows = process.platform === 'win32';
if (!onWindows) console.log(`[skip] tests/unit/archive/windows-targets.test.ts: PowerShell drive listing runs on Windows only (this is ${process.platform}); the parsing and the Chinese-path writes run here`);

describe('the drive listing (PowerShell Win32_LogicalDisk JSON)', () => {
  it('reads one drive (an object), several (an array), and leaves out drives without a medium', () => {
    expect(parseWindowsDrives('{"DeviceID":"E:","VolumeName":"教务资料","FreeSpace":1073741824,"Size":8053063680}')).toEqual([
      { path: 'E:\\', label: '教务资料', freeBytes: 1073741824, totalBytes: 8053063680, removable: true },
    ]);
    const two = parseWindowsDrives('[{"DeviceID":"E:","VolumeName":null,"FreeSpace":5,"Size":10},{"DeviceID":"F:","VolumeName":"","FreeSpace":null,"Size":null}]');
    expect(two).toEqual([{ path: 'E:\\', label: 'U 盘', freeBytes: 5, totalBytes: 10, removable: true }]);
  });

  it('answers no drive for empty or unreadable output', () => {
    for (const out of ['', '  \r\n', 'Get-CimInstance : Access denied', '{"Size":5}', 'null']) expect(parseWindowsDrives(out)).toEqual([]);
    // A byte-order mark before the JSON, as some PowerShell set-ups print, is not an error.
    expect(parseWindowsDrives('\uFEFF{"DeviceID":"F:","VolumeName":"U盘","FreeSpace":1,"Size":2}\r\n')).toHaveLength(1);
  });
});

describe.runIf(onWindows)('on Windows: PowerShell as the app calls it', () => {
  it('prints UTF-8, so a Chinese volume name arrives intact', async () => {
    const out = await powerShell("'教务 U盘 资料' | ConvertTo-Json -Compress");
    expect(JSON.parse(out)).toBe('教务 U盘 资料');
  });

  it('lists the fixed system drive with its size (the same query as for USB sticks, DriveType 3)', async () => {
    const fixed = await windowsDrives(3);
    const system = (process.env.SystemDrive ?? 'C:').toUpperCase();
    const c = fixed.find((d) => d.path.toUpperCase() === `${system}\\`);
    expect(c, JSON.stringify(fixed)).toBeTruthy();
    expect(c!.totalBytes).toBeGreaterThan(c!.freeBytes);
    expect(c!.removable).toBe(false);
  });

  it('archive/targets answers win32 and only removable drives (a CI runner has none; a school PC its sticks)', async () => {
    const t = await archiveTargets();
    expect(t.platform).toBe('win32');
    for (const d of t.drives) {
      expect(d.path).toMatch(/^[A-Z]:\\$/);
      expect(d.removable).toBe(true);
    }
  });
});

describe('writes to a folder with Chinese characters and spaces (the stick as a clerk names it)', () => {
  let core: Core;
  let dir: string;
  let stick: string;

  beforeAll(async () => {
    ({ core, dir } = await openTempCore({ dataDir: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jw-win-')), '教务 数据') }));
    await core.call('app/setOperator', { name: '教务员' });
    await core.call('app/loadSample', {});
    stick = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jw-stick-')), '迎检 资料（2026年）', 'U盘 备份 一');
    fs.mkdirSync(stick, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await closeTempCore(core, dir);
    fs.rmSync(path.dirname(path.dirname(stick)), { recursive: true, force: true });
  });

  it('a manual backup', async () => {
    const r = await core.call('backup/createManual', { dir: stick });
    expect(path.dirname(r.file)).toBe(stick);
    expect(path.basename(r.file)).toMatch(/^教务台账备份-示例县第一中学.*\.sqlite$/);
    expect(fs.statSync(r.file).size).toBe(r.size);
    expect(r.size).toBeGreaterThan(100_000);
  });

  it('the whole data as a BagIt bag, checked back, and an encrypted zip', { timeout: 180_000 }, async () => {
    const wait = async (first: JobStatus<ArchiveResult>) => {
      let s = first;
      while (s.state === 'running') {
        await new Promise((r) => setTimeout(r, 100));
        s = await core.call('archive/job', { jobId: s.id });
      }
      return s;
    };
    const bagJob = await wait(await core.call('archive/start', { kind: 'data', target: stick }));
    expect(bagJob.state, JSON.stringify(bagJob.error)).toBe('done');
    const bag = bagJob.result!.path;
    expect(path.dirname(bag)).toBe(stick);
    expect(await core.call('archive/check', { path: bag })).toMatchObject({ valid: true });

    const zipJob = await wait(await core.call('archive/start', { kind: 'data', target: stick, encrypt: true, password: 'Jw-2026-迎检', confirm: 'Jw-2026-迎检' }));
    expect(zipJob.state, JSON.stringify(zipJob.error)).toBe('done');
    expect(await core.call('archive/check', { path: zipJob.result!.path, password: 'Jw-2026-迎检' })).toMatchObject({ kind: 'zip', valid: true });
  });
});
