/**
 * Backups of the school database with better-sqlite3's online backup API. Automatic backups live in
 * <dataDir>/backups and follow a retention rule; manual ones go to a folder the user chooses.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/contract';
import { fromSchoolTimestamp, schoolDay, schoolMonth, schoolTimestamp } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/errors';

export type BackupKind = BackupInfo['kind'];
const NAME_RE = /^jiaowu-(\d{8})-(\d{6})(?:-(\d{3}))?-(daily|pre-migration|pre-import|pre-restore|pre-rollover|manual)\.sqlite$/;

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export function parseBackupName(file: string): { createdAt: Date; kind: BackupKind } | null {
  const m = NAME_RE.exec(path.basename(file));
  if (!m) return null;
  const [, ymd, hms, ms, kind] = m;
  return { createdAt: fromSchoolTimestamp(ymd, hms, ms ?? '000'), kind: kind as BackupKind };
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const f of fs.readdirSync(dir)) {
    const p = parseBackupName(f);
    if (!p) continue;
    const st = fs.statSync(path.join(dir, f));
    out.push({ file: f, kind: p.kind, createdAt: p.createdAt.toISOString(), size: st.size });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Resolves a backup's file name inside the backups folder, refusing anything that escapes it. */
export function backupPath(dataDir: string, file: string): string {
  const base = path.basename(file);
  if (base !== file || !NAME_RE.test(base)) throw new AppError('NOT_FOUND', 'backupNotFound', { file });
  const full = path.join(backupsDir(dataDir), base);
  if (!fs.existsSync(full)) throw new AppError('NOT_FOUND', 'backupNotFound', { file });
  return full;
}

export async function createBackup(db: Database.Database, dataDir: string, kind: BackupKind, now = new Date()): Promise<BackupInfo> {
  const dir = backupsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  // Backup names carry the school's clock (Asia/Shanghai), as every date the app shows does.
  const file = `jiaowu-${schoolTimestamp(now)}-${kind}.sqlite`;
  const full = path.join(dir, file);
  const tmp = full + '.part';
  await db.backup(tmp);
  fs.renameSync(tmp, full);
  applyRetention(dataDir, now);
  return { file, kind, createdAt: now.toISOString(), size: fs.statSync(full).size };
}

/**
 * The folder of a manual backup must be one the user picked: an absolute path (a drive root such as E:\ is
 * fine) to an existing, writable folder. Relative paths would land beside the program's working directory,
 * and `..` segments or created folder chains are never what a clerk meant.
 */
export function checkManualBackupFolder(dir: string): void {
  // On Windows `\foo` is relative to the current drive: only X:\... and \\server\share count.
  const isAbsolute = process.platform === 'win32' ? /^[a-zA-Z]:[\\/]|^\\\\[^\\]+\\[^\\]+/.test(dir) : path.isAbsolute(dir);
  if (!isAbsolute) throw new AppError('VALIDATION', 'backupDirRelative', { dir });
  if (dir.split(/[\\/]+/).some((seg) => seg === '..')) throw new AppError('VALIDATION', 'backupDirDotDot', { dir });
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new AppError('IO', 'backupDirMissing', { dir });
  }
  if (!st.isDirectory()) throw new AppError('VALIDATION', 'backupDirNotFolder', { dir });
  // access(W_OK) is not reliable on Windows (ACLs) or read-only media: try a real write.
  const probe = path.join(dir, `.jiaowu-write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe, { force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new AppError('IO', code === 'ENOSPC' ? 'diskFull' : 'folderNotWritable', { dir });
  }
}

/** A manual backup to a folder the user chose (a USB stick, a network share). */
export async function createManualBackup(db: Database.Database, dir: string, schoolName: string, now = new Date()): Promise<{ file: string; size: number }> {
  checkManualBackupFolder(dir);
  const safeName = schoolName.replace(/[\\/:*?"<>|]/g, '_') || 'school';
  const full = path.join(dir, `教务台账备份-${safeName}-${schoolTimestamp(now)}.sqlite`);
  try {
    await db.backup(full);
  } catch (e) {
    fs.rmSync(full, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new AppError('IO', code === 'ENOSPC' || /full/i.test(String(e)) ? 'diskFull' : 'folderNotWritable', { dir });
  }
  return { file: full, size: fs.statSync(full).size };
}

/**
 * Retention: keep the newest backup of each of the last 7 days, the last 4 ISO weeks and the last 12 months,
 * plus the 10 newest event backups (before migrations, imports and restores). Manual backups in the folder
 * are never removed.
 */
export function selectForRetention(items: { file: string; kind: BackupKind; createdAt: Date }[]): Set<string> {
  const keep = new Set<string>();
  const sorted = [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const bucket = (keyOf: (d: Date) => string, n: number) => {
    const seen = new Set<string>();
    for (const it of sorted) {
      const k = keyOf(it.createdAt);
      if (seen.has(k)) continue;
      if (seen.size >= n) break;
      seen.add(k);
      keep.add(it.file);
    }
  };
  // Days, weeks and months of the school's calendar.
  bucket((d) => schoolDay(d), 7);
  bucket((d) => isoWeek(schoolDay(d)), 4);
  bucket((d) => schoolMonth(d), 12);
  sorted.filter((i) => i.kind !== 'daily' && i.kind !== 'manual').slice(0, 10).forEach((i) => keep.add(i.file));
  sorted.filter((i) => i.kind === 'manual').forEach((i) => keep.add(i.file));
  return keep;
}

/** ISO week ('2026-W49') of a stored day. */
function isoWeek(day: string): string {
  const t = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));
  const wd = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - wd);
  const y0 = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  return `${t.getUTCFullYear()}-W${Math.ceil(((t.getTime() - y0.getTime()) / 86400000 + 1) / 7)}`;
}

export function applyRetention(dataDir: string, _now = new Date()): string[] {
  const all = listBackups(dataDir).map((b) => ({ file: b.file, kind: b.kind, createdAt: new Date(b.createdAt) }));
  const keep = selectForRetention(all);
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.file)) continue;
    fs.rmSync(path.join(backupsDir(dataDir), b.file), { force: true });
    removed.push(b.file);
  }
  return removed;
}

/** True if the file opens as SQLite and passes quick_check. */
export function isHealthyDatabase(file: string): boolean {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const r = db.pragma('quick_check', { simple: true });
    return r === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

export function hasDailyBackupToday(dataDir: string, now = new Date()): boolean {
  const today = schoolDay(now);
  return listBackups(dataDir).some((b) => b.kind === 'daily' && schoolDay(new Date(b.createdAt)) === today);
}
