/**
 * Issue 12's figures on the sample school (three school years):
 * - dossier_pdf_300_ms: composing the whole dossier of the built-in 2017 framework over the three years, with
 *   generated uploads (scans of 10 pages) added until it reaches about 300 pages; dossier_pages_300 is its
 *   page count. The browser is warmed up first.
 * - archive_write_verify_mb_s and archive_copy_ratio: the school year's archive (every printout and list) written
 *   as a bag and read back, against a plain copy of the same bytes to the same disk in the same run (each file
 *   written and flushed, as Windows copies to a stick with quick removal). Medians of three alternating rounds.
 *   The last bag stays in bench-out/archive/ for the Library of Congress validator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Core } from '../../electron/core/app';
import { writeBag } from '../../electron/core/platform/archive/bagit';
import type { JobHandle } from '../../electron/core/platform/jobs';
import { yearPayload } from '../../electron/core/features/archive/contents';
import type { DossierOutput, JobStatus } from '../../shared/contract';
import { chromiumPdfPortOrSkip, chromiumShare, timeMs, type Figure, type TimedPdfPort } from '../env';

const ROOT = path.resolve(__dirname, '../..');

async function scan(pages: number, label: string): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const p = doc.addPage([595, 842]);
    p.drawRectangle({ x: 40, y: 40, width: 515, height: 762, borderWidth: 1 });
    for (let l = 0; l < 40; l++) p.drawText(`${label} page ${i + 1} line ${l + 1} scanned evidence`, { x: 60, y: 780 - l * 18, size: 10, font });
  }
  return Buffer.from(await doc.save()).toString('base64');
}

async function sampleCore(dir: string, pdf: TimedPdfPort): Promise<Core> {
  const core = await Core.open({ dataDir: dir, noDailyBackup: true, pdf });
  await core.call('app/setOperator', { name: '基准测试' });
  await core.call('app/loadSample', {});
  return core;
}

async function compose(core: Core, inspectionId: number): Promise<DossierOutput> {
  let s: JobStatus<DossierOutput> = await core.call('dossier/compose', { inspectionId, whole: true, volumes: false, word: false });
  while (s.state === 'running') {
    await new Promise((r) => setTimeout(r, 100));
    s = await core.call('dossier/job', { jobId: s.id });
  }
  if (s.state !== 'done') throw new Error(`compose ${s.state}: ${s.error?.key}`);
  return s.result!;
}

const dossier: Figure = {
  name: 'dossier_pdf_300_ms',
  unit: 'ms',
  target: 30000,
  async run(env) {
    const pdf = await chromiumPdfPortOrSkip();
    await pdf.htmlToPdf('<p>warm-up</p>', { paper: 'A4', landscape: false });
    const core = await sampleCore(env.tempDir(), pdf);
    try {
      const years = (await core.call('school/listYears', {})).map((y) => y.id);
      const ins = await core.call('dossier/save', { name: '基准迎检', visitDate: '2027-01-10', schoolYearIds: years });
      // Without uploads first, to know how many scanned pages make 300.
      const base = (await compose(core, ins.id)).files[0].pages ?? 0;
      const detail = await core.call('dossier/get', { id: ins.id });
      const bare = detail.indicators.filter((i) => i.applies && !i.evidence.length);
      let missing = Math.max(0, 302 - base);
      for (let k = 0; missing > 0; k++) {
        const ind = bare[k % bare.length];
        const n = Math.min(10, missing);
        await core.call('dossier/addEvidence', { kind: 'upload', indicatorId: ind.id, title: `扫描件 ${k + 1}`, upload: { fileName: `scan-${k + 1}.pdf`, dataBase64: await scan(n, `scan ${k + 1}`) } });
        missing -= n;
      }
      let out: DossierOutput | null = null;
      pdf.reset();
      const ms = await timeMs(async () => { out = await compose(core, ins.id); });
      return { value: ms, more: [{ name: 'dossier_pages_300', value: out!.files[0].pages ?? 0, unit: 'pages' }, chromiumShare('dossier_pdf_300', pdf, ms)] };
    } finally {
      await core.close();
    }
  },
};

const archive: Figure = {
  name: 'archive_write_verify_mb_s',
  unit: 'MB/s',
  async run(env) {
    const pdf = await chromiumPdfPortOrSkip();
    const core = await sampleCore(env.tempDir(), pdf);
    try {
      const ctx = core.context();
      const yearId = (await core.call('school/listYears', {})).sort((a, b) => b.startYear - a.startYear)[1].id; // the last complete year
      const job: JobHandle = { signal: new AbortController().signal, progress: () => undefined };
      const { files } = await yearPayload(ctx, yearId, job);
      const bytes = files.reduce((s, f) => s + (typeof f.source === 'string' ? fs.statSync(f.source).size : f.source.length), 0);
      const out = path.join(ROOT, 'bench-out', 'archive');
      const copyDir = path.join(ROOT, 'bench-out', 'archive-copy');
      // The plain copy: the same bytes to the same disk, each file written once and flushed, as Windows copies to
      // a USB stick (removable drives default to "quick removal": no write cache). No read-back, no hash.
      const plainCopy = () => timeMs(async () => {
        fs.rmSync(copyDir, { recursive: true, force: true });
        for (const [i, f] of files.entries()) {
          const target = path.join(copyDir, `${i}.bin`);
          fs.mkdirSync(path.dirname(target), { recursive: true });
          const fd = fs.openSync(target, 'w');
          try {
            const bytes = typeof f.source === 'string' ? fs.readFileSync(f.source) : f.source;
            for (let off = 0; off < bytes.length;) off += fs.writeSync(fd, bytes, off, bytes.length - off);
            fs.fsyncSync(fd);
          } finally {
            fs.closeSync(fd);
          }
        }
      });
      const bag = () => {
        fs.rmSync(out, { recursive: true, force: true });
        fs.mkdirSync(out, { recursive: true });
        return timeMs(async () => { await writeBag(out, '学年资料', files, { info: { 'External-Description': '基准：学年资料' }, now: new Date() }); });
      };
      // Three rounds, alternating, and the medians: a 17 MB archive takes a tenth of a second, so one run is noise.
      const copies: number[] = [];
      const bags: number[] = [];
      for (let r = 0; r < 3; r++) { copies.push(await plainCopy()); bags.push(await bag()); }
      fs.rmSync(copyDir, { recursive: true, force: true });
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
      const copyMs = median(copies);
      const bagMs = median(bags);
      return { value: bytes / 1e6 / (bagMs / 1000), more: [
        { name: 'archive_copy_ratio', value: bagMs / Math.max(copyMs, 1), unit: 'x' },
        { name: 'archive_year_files', value: files.length, unit: 'files' },
        { name: 'archive_year_mb', value: bytes / 1e6, unit: 'MB' },
      ] };
    } finally {
      await core.close();
    }
  },
};

export default [dossier, archive];
