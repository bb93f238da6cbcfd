/**
 * Composing a dossier and archiving it, through Core with the real PDF engine (Chromium), on the sample school:
 * the catalogue's page numbers against the composed PDF (pdftotext), the bookmarks (read back with pdf-lib),
 * an uploaded landscape scan staying landscape at A4, the Word file opened by LibreOffice; then the archive:
 * validated by the Library of Congress tool, a flipped byte and a deleted file found by "check an archive", the
 * encrypted zip opened by 7-Zip with the password and refused without, and a whole-data restore round trip.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import type { ArchiveResult, DossierOutput, JobStatus } from '../../../shared/contract';
import { a4Section, officeDocx, para } from '../../../electron/core/platform/report/docx';
import { checkBag } from '../../../electron/core/platform/archive/bagit';
import { createChromiumPdfPort } from '../../../electron/server/pdf-chromium';
import type { PdfPort } from '../../../electron/core/platform/report/pdf-port';
import { closeTempCore, openTempCore, tempDir } from '../../helpers/core';
import ExcelJS from 'exceljs';
import { toolsOk } from '../../helpers/system-tools';

const canReadPdf = toolsOk('tests/unit/dossier/compose-archive.test.ts', ['pdftotext', 'pdfinfo']);
const canOpenOffice = toolsOk('tests/unit/dossier/compose-archive.test.ts', ['soffice']);
const canValidate = toolsOk('tests/unit/dossier/compose-archive.test.ts', ['python3'], 'the Library of Congress validator checks are skipped (checkBag still checks every bag)');
const canRun7zip = toolsOk('tests/unit/dossier/compose-archive.test.ts', ['7zz'], 'the 7-Zip checks of the encrypted archive are skipped');

let core: Core;
let dir: string;
let work: string;
let inspectionId: number;
let output: DossierOutput;
let pdfPort: PdfPort;
const NOW = new Date('2026-12-04T08:00:00Z');

const pdfText = (file: string, page?: number) => execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'], { encoding: 'utf8' });
const validate = (bag: string) => spawnSync('python3', [path.resolve('tests/vendor/bagit.py'), '--validate', bag], { encoding: 'utf8' });

async function waitJob<R>(method: 'dossier/job' | 'archive/job', first: JobStatus<R>): Promise<JobStatus<R>> {
  let s = first;
  while (s.state === 'running') {
    await new Promise((r) => setTimeout(r, 200));
    s = (await core.call(method, { jobId: s.id })) as JobStatus<R>;
  }
  return s;
}

/** A two-page landscape Letter "scan" (792 x 612 pt), as a county office sends them. */
async function landscapeScan(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 2; i++) doc.addPage([792, 612]).drawRectangle({ x: 40, y: 40, width: 712, height: 532, borderWidth: 2 });
  return Buffer.from(await doc.save());
}

function outlineTitles(doc: PDFDocument): { title: string; depth: number }[] {
  const out: { title: string; depth: number }[] = [];
  const walk = (d: PDFDict | undefined, depth: number) => {
    for (let n = d; n; n = n.lookup(PDFName.of('Next')) as PDFDict | undefined) {
      out.push({ title: (n.lookup(PDFName.of('Title')) as PDFString | PDFHexString).decodeText(), depth });
      walk(n.lookup(PDFName.of('First')) as PDFDict | undefined, depth + 1);
    }
  };
  walk((doc.catalog.lookup(PDFName.of('Outlines')) as PDFDict).lookup(PDFName.of('First')) as PDFDict, 0);
  return out;
}

beforeAll(async () => {
  work = tempDir('jw-dossier-');
  pdfPort = createChromiumPdfPort();
  ({ core, dir } = await openTempCore({ now: () => NOW, pdf: pdfPort }));
  await core.call('app/setOperator', { name: '教务员' });
  await core.call('app/loadSample', {});
  const years = (await core.call('school/listYears', {})).sort((a, b) => a.startYear - b.startYear);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('细则');
  [['部分', '编号', '指标', '标准', '计算项', '学校举证'],
    ['A、资源配置', 'A1', '每百名学生拥有高于规定学历教师数', '初中 ≥ 5.3 人', 'degree', '是'],
    ['A、资源配置', 'A2', '学校规划与校舍（上传材料）', null, null, '是'],
    ['B、政府保障', 'B1', '县级统筹（学校不举证）', null, null, '否']].forEach((r) => ws.addRow(r));
  const upload = { fileName: '细则.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
  inspectionId = (await core.call('dossier/save', { name: '2026年优质均衡督导评估', visitDate: '2027-01-10', schoolYearIds: years.slice(1).map((y) => y.id), framework: { kind: 'excel', upload } })).id;
  const d = await core.call('dossier/get', { id: inspectionId });
  const [a1, a2] = d.indicators;
  await core.call('dossier/addEvidence', { kind: 'computed', indicatorId: a1.id, computed: 'degree' });
  await core.call('dossier/addEvidence', { kind: 'report', indicatorId: a1.id, reportId: 'teacher-indicators', params: {}, expand: 'years' });
  const scan = await landscapeScan();
  fs.writeFileSync(path.join(work, 'scan.pdf'), scan);
  await core.call('dossier/addEvidence', { kind: 'upload', indicatorId: a2.id, title: '横向扫描件', upload: { fileName: '校舍平面图.pdf', dataBase64: scan.toString('base64') } });
  // A photo: a PNG drawn by the Chromium port (no poppler needed to make it, so this runs on Windows too).
  const photo = await pdfPort.svgToPng!('<svg xmlns="http://www.w3.org/2000/svg" width="220" height="170"><rect x="10" y="10" width="200" height="150" fill="#c8d6e5" stroke="#333" stroke-width="4"/></svg>', { width: 220, height: 170, scale: 1 });
  await core.call('dossier/addEvidence', { kind: 'upload', indicatorId: a2.id, title: '校舍照片', upload: { fileName: '照片.png', dataBase64: Buffer.from(photo).toString('base64') } });
  const docx = await officeDocx('说明', [a4Section([para('校舍说明')])]);
  await core.call('dossier/addEvidence', { kind: 'upload', indicatorId: a2.id, title: '校舍说明', upload: { fileName: '校舍说明.docx', dataBase64: docx.toString('base64') } });
  for (const i of [a1, a2]) await core.call('dossier/saveIndicator', { ...i, selfText: `${i.code} 自评：学校按标准配置，材料齐全。` });
  await core.call('dossier/saveOverall', { id: inspectionId, overallText: '我校高度重视优质均衡创建工作。\n各项指标逐项对照，材料真实完整。' });
  const s = await waitJob<DossierOutput>('dossier/job', await core.call('dossier/compose', { inspectionId, whole: true, volumes: true, word: true }));
  expect(s.error).toBeNull();
  output = s.result!;
}, 300_000);
afterAll(async () => {
  await closeTempCore(core, dir);
  fs.rmSync(work, { recursive: true, force: true });
});

const fileOf = (name: string) => path.join(dir, 'dossiers', String(inspectionId), name);

describe('the composed dossier', () => {
  it('writes the whole file, one volume per documented indicator and the Word file', () => {
    expect(output.files.map((f) => [f.volume, f.kind])).toEqual([['whole', 'pdf'], ['indicator', 'pdf'], ['indicator', 'pdf'], ['whole', 'docx']]);
    expect(output.files[1].name).toContain('第01盒-A1');
    // The Word upload cannot be printed: a note page stands in, and the note says so.
    expect(output.notes.join()).toContain('校舍说明');
  });

  it.skipIf(!canReadPdf)('has a catalogue whose page numbers are the pages the sections start on', async () => {
    const whole = fileOf(output.files[0].name);
    const info = execFileSync('pdfinfo', [whole], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBe(output.files[0].pages);
    expect(info).toMatch(/Title:\s+2026年优质均衡督导评估/);
    expect(info).toMatch(/Author:\s+\S+/);
    // Cover unnumbered; every other page "第 X 页 共 Y 页" with Y = pages - 1.
    expect(pdfText(whole, 1)).not.toContain('第 1 页');
    const catalogue = pdfText(whole, 2);
    expect(catalogue).toContain('目');
    for (const e of output.catalogue) {
      expect(catalogue.replace(/\s+/g, '')).toContain(e.title.replace(/\s+/g, '').slice(0, 12));
      const text = pdfText(whole, e.page + 1);
      expect(text.replace(/\s+/g, '')).toContain(`第${e.page}页共${pages - 1}页`);
    }
    const at = (title: string) => output.catalogue.find((e) => e.title.startsWith(title))!.page + 1;
    expect(pdfText(whole, at('A1'))).toContain('每百名学生拥有高于规定学历教师数');
    expect(pdfText(whole, at('学校自评报告'))).toContain('校长（签字）');
    expect(pdfText(whole, at('教师队伍督导评估指标统计表（2025-2026学年）'))).toContain('2025-2026');
    expect(output.catalogue.find((e) => e.title.startsWith('B1'))).toBeUndefined();
  });

  it('has bookmarks by part > indicator > evidence, and the landscape scan stays landscape at A4', async () => {
    const doc = await PDFDocument.load(fs.readFileSync(fileOf(output.files[0].name)));
    const marks = outlineTitles(doc);
    expect(marks.slice(0, 4)).toEqual([{ title: '封面', depth: 0 }, { title: '目录', depth: 0 }, { title: '学校自评报告', depth: 0 }, { title: 'A、资源配置', depth: 0 }]);
    expect(marks.find((m) => m.title.startsWith('A2'))!.depth).toBe(1);
    expect(marks.find((m) => m.title === '横向扫描件')!.depth).toBe(2);
    const scanAt = output.catalogue.find((e) => e.title === '横向扫描件')!.page; // stamped number; physical = +1
    for (const k of [0, 1]) {
      const { width, height } = doc.getPage(scanAt + k).getSize();
      expect(Math.round(width)).toBe(842);
      expect(Math.round(height)).toBe(595);
    }
    const photo = doc.getPage(output.catalogue.find((e) => e.title === '校舍照片')!.page).getSize();
    expect(photo.width).toBeGreaterThan(photo.height);
  });

  it.skipIf(!canReadPdf)('numbers each volume on its own, with its own cover and catalogue', () => {
    const vol = fileOf(output.files[2].name);
    const first = pdfText(vol, 1);
    expect(first).toContain('第 2 盒');
    expect(first).toContain('A2');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [vol], { encoding: 'utf8' }))![1]);
    expect(pdfText(vol, pages).replace(/\s+/g, '')).toContain(`第${pages - 1}页共${pages - 1}页`);
  });

  it.skipIf(!canOpenOffice)('is a Word file LibreOffice opens, with the texts and the computed table', () => {
    const docx = fileOf(output.files[3].name);
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(work, 'lo')).href}`, '--headless', '--convert-to', 'txt:Text', '--outdir', work, docx], { stdio: 'pipe', timeout: 120_000 });
    const text = fs.readFileSync(path.join(work, output.files[3].name.replace(/\.docx$/, '.txt')), 'utf8');
    for (const s of ['迎检资料', '学校自评报告', '我校高度重视优质均衡创建工作', 'A1', 'A1 自评：学校按标准配置', '每百名学生拥有高于规定学历教师数', '横向扫描件']) expect(text).toContain(s);
  });

  it('cancel leaves the last composition as it was', async () => {
    const job = await core.call('dossier/compose', { inspectionId, whole: true, volumes: true, word: true });
    await core.call('dossier/cancel', { jobId: job.id });
    const s = await waitJob('dossier/job', job);
    expect(s.state).toBe('cancelled');
    expect(await core.call('dossier/output', { id: inspectionId })).toEqual(output);
    expect(fs.readdirSync(path.join(dir, 'dossiers')).filter((n) => n.includes('.tmp'))).toEqual([]);
  });
});

describe('the archive to USB', () => {
  let stick: string;
  beforeAll(() => { stick = path.join(work, 'U盘 E'); fs.mkdirSync(stick); });

  it('writes the dossier as a bag the Library of Congress validator accepts, originals by indicator', async () => {
    const s = await waitJob<ArchiveResult>('archive/job', await core.call('archive/start', { kind: 'dossier', inspectionId, target: stick }));
    expect(s.error).toBeNull();
    const bag = s.result!.path;
    expect(s.result!.files).toBe(4 + 3);
    if (canValidate) {
      const v = validate(bag);
      expect(v.status, v.stderr).toBe(0);
    }
    expect(fs.readFileSync(path.join(bag, 'bag-info.txt'), 'utf8')).toMatch(/External-Description: 迎检资料：2026年优质均衡督导评估/);
    const a2 = fs.readdirSync(path.join(bag, 'data', '佐证材料')).find((n) => n.startsWith('A2'))!;
    expect(fs.readdirSync(path.join(bag, 'data', '佐证材料', a2)).sort()).toEqual(['01 横向扫描件.pdf', '02 校舍照片.png', '03 校舍说明.docx']);
    const check = await core.call('archive/check', { path: bag });
    expect(check).toMatchObject({ kind: 'bag', valid: true, files: 7, changed: [], missing: [], added: [] });
  });

  it('"check an archive" names a flipped byte and a deleted file; so does the independent validator', async () => {
    const bag = path.join(stick, fs.readdirSync(stick).find((n) => n.includes('迎检资料'))!);
    const pdf = path.join(bag, 'data', '迎检资料', output.files[0].name);
    const bytes = fs.readFileSync(pdf);
    bytes[1000] ^= 0xff;
    fs.writeFileSync(pdf, bytes);
    fs.rmSync(path.join(bag, 'data', '迎检资料', output.files[3].name));
    const check = await core.call('archive/check', { path: bag });
    expect(check.valid).toBe(false);
    expect(check.changed).toEqual([`data/迎检资料/${output.files[0].name}`]);
    expect(check.missing).toEqual([`data/迎检资料/${output.files[3].name}`]);
    if (canValidate) expect(validate(bag).status).not.toBe(0);
  });

  it('the encrypted archive opens in 7-Zip with the password, not without; check reads it with the password', async () => {
    await expect(core.call('archive/start', { kind: 'dossier', inspectionId, target: stick, encrypt: true, password: 'Jw-2026-secret', confirm: 'Jw-2026-other' }))
      .rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: ['confirm'], key: 'archivePasswordMismatch' }] });
    const s = await waitJob<ArchiveResult>('archive/job', await core.call('archive/start', { kind: 'dossier', inspectionId, target: stick, encrypt: true, password: 'Jw-2026-secret', confirm: 'Jw-2026-secret' }));
    expect(s.error).toBeNull();
    const zip = s.result!.path;
    expect(zip).toMatch(/\.zip$/);
    if (canRun7zip) {
      expect(spawnSync('7zz', ['t', '-pJw-2026-secret', zip], { encoding: 'utf8' }).status).toBe(0);
      expect(spawnSync('7zz', ['t', '-pwrong-password', zip], { encoding: 'utf8' }).status).not.toBe(0);
      expect(execFileSync('7zz', ['l', '-slt', '-pJw-2026-secret', zip], { encoding: 'utf8' })).toMatch(/Method = AES-256/);
    }
    expect(await core.call('archive/check', { path: zip, password: 'Jw-2026-secret' })).toMatchObject({ kind: 'zip', valid: true, files: 7 });
    await expect(core.call('archive/check', { path: zip, password: 'wrong-password' })).rejects.toMatchObject({ key: 'archiveBadPassword' });
    // The password is in no audit entry.
    const audit = JSON.stringify(core.context().db.prepare('SELECT * FROM audit_log').all());
    expect(audit).not.toContain('Jw-2026-secret');
  });

  it('refuses a relative or climbing target and a restore from anything but an intact whole-data bag', async () => {
    await expect(core.call('archive/start', { kind: 'data', target: 'U盘' })).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: ['target'] }] });
    await expect(core.call('archive/check', { path: `${stick}/../..` })).rejects.toMatchObject({ key: 'archivePathDotDot' });
    const dossierBag = path.join(stick, fs.readdirSync(stick).find((n) => n.includes('迎检资料') && !n.endsWith('.zip'))!);
    await expect(core.call('archive/restore', { path: dossierBag })).rejects.toMatchObject({ key: 'archiveDamaged' }); // tampered above
  });

  it('a school year\'s records: every printout of the year with its own page numbers, and every list as Excel', async () => {
    const years = (await core.call('school/listYears', {})).sort((a, b) => b.startYear - a.startYear);
    const s = await waitJob<ArchiveResult>('archive/job', await core.call('archive/start', { kind: 'year', schoolYearId: years[1].id, target: stick }));
    expect(s.error).toBeNull();
    const bag = s.result!.path;
    if (canValidate) expect(validate(bag).status).toBe(0);
    expect(checkBag(bag)).toMatchObject({ valid: true, changed: [], missing: [], added: [] });
    const lists = fs.readdirSync(path.join(bag, 'data', '名单'));
    expect(lists).toHaveLength(7);
    const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    const pdfs = walk(path.join(bag, 'data', '报表'));
    expect(pdfs.length).toBeGreaterThan(20);
    expect(pdfs.some((f) => f.includes(`${years[1].name}第一学期`) && f.includes('课程开设情况统计表'))).toBe(true);
    expect(pdfs.some((f) => f.includes('教学常规检查月度通报'))).toBe(true);
    // Each printout numbers its own pages, though printouts of a kind were printed in one engine job.
    const roster = pdfs.find((f) => path.basename(f).startsWith('教师花名册'))!;
    if (canReadPdf) {
      const n = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [roster], { encoding: 'utf8' }))![1]);
      expect(pdfText(roster, 1).replace(/\s+/g, '')).toContain(`第1页共${n}页`);
      expect(pdfText(roster, 1)).toContain('教师花名册');
    }
  }, 300_000);

  it('the whole data restores on another PC identically, after a backup of what that PC had', async () => {
    const s = await waitJob<ArchiveResult>('archive/job', await core.call('archive/start', { kind: 'data', target: stick }));
    expect(s.error).toBeNull();
    const bag = s.result!.path;
    if (canValidate) expect(validate(bag).status).toBe(0);
    expect(checkBag(bag)).toMatchObject({ valid: true, changed: [], missing: [], added: [] });
    const other = await openTempCore({ now: () => NOW });
    try {
      await other.core.call('app/setOperator', { name: '另一台电脑' });
      await other.core.call('app/createSchool', { name: '别的学校', type: '初中' });
      const st = await other.core.call('archive/restore', { path: bag });
      expect(st.hasSchool).toBe(true);
      const tables = (core.context().db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log'").all() as { name: string }[]).map((r) => r.name);
      for (const t of tables) {
        const a = core.context().db.prepare(`SELECT * FROM ${t}`).all();
        const b = other.core.context().db.prepare(`SELECT * FROM ${t}`).all();
        expect(b, t).toEqual(a);
      }
      for (const f of fs.readdirSync(path.join(dir, 'attachments'))) expect(fs.existsSync(path.join(other.dir, 'attachments', f))).toBe(true);
      expect((await other.core.call('backup/list', {})).some((b) => b.kind === 'pre-restore')).toBe(true);
    } finally {
      await closeTempCore(other.core, other.dir);
    }
  });

  it('refuses a whole-data archive written by a newer version', async () => {
    const bag = path.join(stick, fs.readdirSync(stick).find((n) => n.includes('全部数据'))!);
    const copy = path.join(work, 'newer');
    fs.cpSync(bag, copy, { recursive: true });
    const dbFile = path.join(copy, 'data', '数据库', 'jiaowu.sqlite');
    const db = new Database(dbFile);
    db.pragma('user_version = 999');
    db.close();
    // Re-seal the bag so only the version is wrong.
    const { writeBag } = await import('../../../electron/core/platform/archive/bagit');
    const files = ['jiaowu-archive.json', '数据库/jiaowu.sqlite'].map((p) => ({ path: p, source: path.join(copy, 'data', ...p.split('/')) }));
    const resealed = await writeBag(work, 'newer-bag', files, { info: {}, now: NOW });
    await expect(core.call('archive/restore', { path: resealed.dir })).rejects.toMatchObject({ code: 'DB_NEWER' });
  });
});
