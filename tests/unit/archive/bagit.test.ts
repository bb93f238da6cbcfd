/**
 * BagIt bags (RFC 8493) as the USB archive writes them: accepted by the Library of Congress validator (vendored,
 * tests/vendor/bagit.py), Chinese names with spaces intact, a flipped byte / a deleted file / an added file found
 * by checkBag, and failures (no space, a stick pulled mid-write, a verify mismatch, cancel) reported with nothing
 * left under the final name; the next attempt starts clean.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBag, payloadPathProblem, safeArchiveName, writeBag, type PayloadFile } from '../../../electron/core/platform/archive/bagit';
import { toolsOk } from '../../helpers/system-tools';

// The bags are written and checked by checkBag everywhere; only the second opinion of the reference validator skips.
const canValidate = toolsOk('tests/unit/archive/bagit.test.ts', ['python3'], 'the Library of Congress validator checks are skipped');

let dir: string;
let src: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-bag-'));
  src = path.join(dir, 'src.bin');
  fs.writeFileSync(src, Buffer.alloc(3 * 1024 * 1024 + 17, 7)); // more than one chunk
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2026-12-04T02:00:00Z');
const files = (): PayloadFile[] => [
  { path: '指标7 课程开齐开足/课程开设情况统计表 2025-2026学年.pdf', source: Buffer.from('%PDF-1.4 一份报表') },
  { path: '指标7 课程开齐开足/原始材料/课表 七年级(1)班.xlsx', source: src },
  { path: 'readme 说明.txt', source: Buffer.from('') }, // an empty file is a file too
  { path: safeArchiveName('完成率 100%: 全校.txt'), source: Buffer.from('a name made acceptable') },
];
const info = { 'Source-Organization': '示例县第一中学', 'External-Description': '2025-2026学年迎检资料', 'Bag-Software-Agent': 'Jiaowu Desk 0.1.0' };
const validate = (bag: string) => spawnSync('python3', [path.resolve('tests/vendor/bagit.py'), '--validate', bag], { encoding: 'utf8' });

describe('writing a bag', () => {
  it('is accepted by the Library of Congress validator, with UTF-8 names and bag-info', async () => {
    const progress: number[] = [];
    const r = await writeBag(dir, '迎检资料 2026', files(), { info, now: NOW, onProgress: (p) => progress.push(p.files) });
    expect(r.files).toBe(4);
    expect(r.bytes).toBe(files().reduce((n, f) => n + (typeof f.source === 'string' ? fs.statSync(f.source).size : f.source.length), 0));
    expect(r.bytes).toBeGreaterThan(3 * 1024 * 1024);
    if (canValidate) {
      const v = validate(r.dir);
      expect(v.status, v.stderr).toBe(0);
      expect(v.stderr).toContain('is valid');
    }
    const manifest = fs.readFileSync(path.join(r.dir, 'manifest-sha256.txt'), 'utf8');
    expect(manifest).toContain('data/指标7 课程开齐开足/原始材料/课表 七年级(1)班.xlsx');
    expect(manifest).toContain('data/完成率 100％： 全校.txt');
    expect(fs.readFileSync(path.join(r.dir, 'bag-info.txt'), 'utf8')).toMatch(/Payload-Oxum: \d+\.4\nSource-Organization: 示例县第一中学/);
    expect(fs.existsSync(path.join(r.dir, 'data', '完成率 100％： 全校.txt'))).toBe(true);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.writing'))).toEqual([]);
    expect(progress.at(-1)).toBe(4);
    expect(checkBag(r.dir)).toMatchObject({ valid: true, files: 4, changed: [], missing: [], added: [], problems: [] });
  });

  it('checkBag names a flipped byte, a deleted file and an added file; so does the independent validator', async () => {
    const r = await writeBag(dir, 'bag', files(), { info, now: NOW });
    const big = path.join(r.dir, 'data', '指标7 课程开齐开足', '原始材料', '课表 七年级(1)班.xlsx');
    const fd = fs.openSync(big, 'r+');
    fs.writeSync(fd, Buffer.from([8]), 0, 1, 1024 * 1024 + 5);
    fs.closeSync(fd);
    fs.rmSync(path.join(r.dir, 'data', 'readme 说明.txt'));
    fs.writeFileSync(path.join(r.dir, 'data', '多出来的.txt'), 'x');
    const c = checkBag(r.dir);
    expect(c.valid).toBe(false);
    expect(c.changed).toEqual(['data/指标7 课程开齐开足/原始材料/课表 七年级(1)班.xlsx']);
    expect(c.missing).toEqual(['data/readme 说明.txt']);
    expect(c.added).toEqual(['data/多出来的.txt']);
    if (canValidate) expect(validate(r.dir).status).not.toBe(0);
  });

  it('refuses names Windows would refuse, and two names that differ only by case', async () => {
    const names = ['a/../b', '/abs', 'C:/x', 'con.txt', '报告:最终', 'dot.', 'a//b', '100%.pdf', 'a\nb'];
    expect(names.map(payloadPathProblem)).toEqual(['segment', 'absolute', 'absolute', 'reserved', 'character', 'trailing', 'segment', 'character', 'character']);
    expect(payloadPathProblem('七年级(1)班 名单.xlsx')).toBeNull();
    // safeArchiveName makes any user's file name acceptable, keeping it readable.
    expect(['CON', 'a:b?.pdf', '总结. ', '..', '完成率100%.docx', 'x\ny'].map(safeArchiveName)).toEqual(['_CON', 'a：b？.pdf', '总结', '_', '完成率100％.docx', 'xy']);
    for (const n of names) expect(payloadPathProblem(safeArchiveName(n)), n).toBeNull();
    await expect(writeBag(dir, 'bag', [{ path: 'AUX', source: Buffer.from('x') }], { info, now: NOW })).rejects.toThrow(expect.objectContaining({ key: 'archiveBadName' }));
    await expect(writeBag(dir, 'bag', [{ path: 'A.txt', source: Buffer.from('x') }, { path: 'a.txt', source: Buffer.from('y') }], { info, now: NOW }))
      .rejects.toThrow(expect.objectContaining({ key: 'archiveDuplicateName' }));
    expect(fs.readdirSync(dir)).toEqual(['src.bin']);
  });
});

describe('failures never claim success', () => {
  it('checks free space before writing anything', async () => {
    await expect(writeBag(dir, 'bag', files(), { info, now: NOW, freeBytes: 1_000_000 })).rejects.toThrow(expect.objectContaining({ code: 'IO', key: 'archiveNoSpace' }));
    expect(fs.readdirSync(dir)).toEqual(['src.bin']);
  });

  it('a stick pulled or full mid-write: the error says so, no final folder, and the next attempt starts clean', async () => {
    let written = 0;
    const failing = (code: string) => (fd: number, chunk: Buffer) => {
      if ((written += chunk.length) > 2 * 1024 * 1024) throw Object.assign(new Error(code), { code });
      fs.writeSync(fd, chunk);
    };
    await expect(writeBag(dir, 'bag', files(), { info, now: NOW, writeChunk: failing('EIO') })).rejects.toThrow(expect.objectContaining({ key: 'archiveWriteFailed' }));
    expect(fs.existsSync(path.join(dir, 'bag'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'bag.writing'))).toBe(true); // what the pulled stick kept
    written = 0;
    await expect(writeBag(dir, 'bag', files(), { info, now: NOW, writeChunk: failing('ENOSPC') })).rejects.toThrow(expect.objectContaining({ key: 'archiveDiskFull' }));
    expect(fs.existsSync(path.join(dir, 'bag'))).toBe(false);
    const r = await writeBag(dir, 'bag', files(), { info, now: NOW });
    expect(checkBag(r.dir).valid).toBe(true);
    expect(fs.existsSync(path.join(dir, 'bag.writing'))).toBe(false);
    if (canValidate) expect(validate(r.dir).status).toBe(0);
  });

  it('a byte that reads back differently fails the verify', async () => {
    // A writer that corrupts what reaches the disk (bad blocks): the hash of the source is not what is read back.
    const corrupt = (fd: number, chunk: Buffer) => { const c = Buffer.from(chunk); if (c.length > 100) c[100] ^= 1; fs.writeSync(fd, c); };
    await expect(writeBag(dir, 'bag', files(), { info, now: NOW, writeChunk: corrupt })).rejects.toThrow(expect.objectContaining({ key: 'archiveVerifyFailed' }));
    expect(fs.existsSync(path.join(dir, 'bag'))).toBe(false);
  });

  it('cancel stops between files and claims nothing', async () => {
    const ac = new AbortController();
    await expect(writeBag(dir, 'bag', files(), { info, now: NOW, signal: ac.signal, onProgress: (p) => { if (p.files === 1) ac.abort(); } }))
      .rejects.toThrow(expect.objectContaining({ key: 'archiveCancelled' }));
    expect(fs.existsSync(path.join(dir, 'bag'))).toBe(false);
  });
});

it.skipIf(!canValidate)('the vendored validator is the real one (it refuses an empty folder)', () => {
  fs.mkdirSync(path.join(dir, 'empty'));
  const v = validate(path.join(dir, 'empty'));
  expect(v.status).not.toBe(0);
  expect(execFileSync('python3', [path.resolve('tests/vendor/bagit.py'), '--version'], { encoding: 'utf8' })).toMatch(/vendored|\d/);
});
