/**
 * Writing an archive as a job: gather the payload of its kind, write it to the target as a BagIt bag (or one
 * AES-256 zip holding the same bag), read every file back and compare, and only then report success with the
 * count and size verified. The password goes straight to the zip writer: it is not in the job, the audit log
 * or any message.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ArchiveResult, JobStatus, ParsedInput } from '../../../../shared/contract';
import { schoolDay } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/errors';
import { bagTagFiles, safeArchiveName, writeBag, type PayloadFile } from '../../platform/archive/bagit';
import { dataArchivePayload } from '../../platform/archive/data-archive';
import { hashSource, writeEncryptedZip } from '../../platform/archive/encrypted-zip';
import { checkManualBackupFolder } from '../../platform/backups';
import type { CoreContext } from '../../platform/context';
import { startJob } from '../../platform/jobs';
import { schoolName } from '../../platform/query';
import { APP_VERSION } from '../../platform/version';
import { clearStaging, dossierPayload, stagingDir, yearPayload } from './contents';

const KIND_LABEL = { dossier: '迎检资料', year: '学年资料', data: '全部数据' } as const;

/** 教务台账归档-迎检资料-某某学校-20261204-1530: says what and when, unique per minute. */
export function archiveName(kind: keyof typeof KIND_LABEL, school: string, now: Date): string {
  const stamp = schoolDay(now).replace(/-/g, '') + '-' + new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(now).replace(':', '');
  return safeArchiveName(`教务台账归档-${KIND_LABEL[kind]}-${school.slice(0, 30)}-${stamp}`);
}

export function startArchive(ctx: CoreContext, input: ParsedInput<'archive/start'>): JobStatus<ArchiveResult> {
  // Checked before the job starts, so the page shows it on the field.
  try {
    checkManualBackupFolder(input.target);
  } catch (e) {
    if (e instanceof AppError) throw new AppError('VALIDATION', e.key, e.params, [{ path: ['target'], key: e.key, params: e.params }]);
    throw e;
  }
  // Gathered now, so a dossier never composed fails on the field before any job starts.
  const dossier = input.kind === 'dossier' ? dossierPayload(ctx, input.inspectionId!) : null;
  if (input.kind === 'year' && !ctx.db.prepare('SELECT 1 FROM school_year WHERE id = ?').get(input.schoolYearId!)) {
    throw new AppError('VALIDATION', 'notFound', { entity: 'schoolYear', id: input.schoolYearId! }, [{ path: ['schoolYearId'], key: 'notFound' }]);
  }
  if (input.encrypt && (input.password ?? '').length < 8) throw new AppError('VALIDATION', 'archivePasswordShort', { min: 8 }, [{ path: ['password'], key: 'archivePasswordShort', params: { min: 8 } }]);
  const password = input.encrypt ? input.password! : null;
  const school = schoolName(ctx.db);
  const now = ctx.now();
  const dest = input.target;
  // A second archive of the same kind in the same minute gets (2), (3): never over an earlier one.
  const base = archiveName(input.kind, school, now);
  let name = base;
  for (let n = 2; fs.existsSync(path.join(dest, name)) || fs.existsSync(path.join(dest, `${name}.zip`)) || fs.existsSync(path.join(dest, `${name}.writing`)); n++) name = `${base}（${n}）`;
  return startJob<ArchiveResult>(ctx.dataDir, 'archive', async (job) => {
    const started = Date.now();
    const jobId = `${started}`;
    try {
      job.progress({ phase: 'archive.phase.gather' });
      let payload: { files: PayloadFile[]; what: string; period: string };
      if (dossier) payload = dossier;
      else if (input.kind === 'year') payload = await yearPayload(ctx, input.schoolYearId!, job);
      else payload = { files: await dataArchivePayload(ctx.db, ctx.dataDir, stagingDir(ctx.dataDir, jobId), school, now), what: '全部数据（可在另一台电脑恢复）', period: '全部' };
      const info = {
        'Source-Organization': school,
        'External-Description': payload.what,
        'Jiaowu-Archive-Kind': input.kind,
        'Jiaowu-Period': payload.period,
        'Bag-Software-Agent': `教务台账 Jiaowu Desk ${APP_VERSION}`,
      };
      job.progress({ phase: 'archive.phase.write', done: 0, total: payload.files.length });
      let result: { path: string; files: number; bytes: number };
      if (password) {
        // The zip holds the bag itself (bagit.txt, manifests, data/), so "check an archive" reads both alike.
        const manifest: [string, string][] = [];
        let total = 0;
        for (const f of payload.files) {
          manifest.push([await hashSource(f.source), `data/${f.path}`]);
          total += typeof f.source === 'string' ? fs.statSync(f.source).size : f.source.length;
        }
        const tags = bagTagFiles(manifest, total, { info, now });
        const zipFiles: PayloadFile[] = [
          ...tags.map((t) => ({ path: `${name}/${t.path}`, source: Buffer.from(t.text, 'utf8') })),
          ...payload.files.map((f) => ({ path: `${name}/data/${f.path}`, source: f.source })),
        ];
        const r = await writeEncryptedZip(path.join(dest, `${name}.zip`), zipFiles, password);
        result = { path: r.file, files: payload.files.length, bytes: total };
      } else {
        const r = await writeBag(dest, name, payload.files, {
          info, now, signal: job.signal,
          onProgress: (p) => job.progress({ phase: p.phase === 'write' ? 'archive.phase.write' : 'archive.phase.verify', done: p.files, total: p.totalFiles, bytes: p.phase === 'write' ? p.bytes : p.totalBytes + p.bytes, totalBytes: p.totalBytes * 2 }),
        });
        result = { path: r.dir, files: r.files, bytes: r.bytes };
      }
      const out: ArchiveResult = { ...result, encrypted: !!password, seconds: Math.round((Date.now() - started) / 100) / 10 };
      ctx.audit('archive', 'create', { summary: `归档${KIND_LABEL[input.kind]}到 ${out.path}（已校验 ${out.files} 个文件，${(out.bytes / 1e6).toFixed(1)} MB${password ? '，已加密' : ''}）` });
      return out;
    } finally {
      clearStaging(ctx.dataDir, jobId);
    }
  });
}
