/**
 * The core: opens a school's data folder and answers contract calls. Plain Node, no Electron.
 *
 * States: 'ok' (normal); 'damaged' (quick_check failed or the file is not a database: only status and
 * restoring a good backup are allowed); 'newer' (written by a newer app version: refused, nothing touched).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { contract, type AppStatus, type Input, type Method, type Output } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { makeAuditWriter } from './platform/audit';
import {
  backupPath, createBackup, hasDailyBackupToday, isHealthyDatabase, listBackups,
} from './platform/backups';
import type { CoreContext } from './platform/context';
import { acquireFolderLock, type FolderLock } from './platform/db/lock';
import { checkArchiveFolder } from './platform/archive/folders';
import { DATA_ARCHIVE_DB, readDataArchive } from './platform/archive/data-archive';
import { assertNotNewer, currentVersion, latestVersion, loadMigrations, migrate, pendingMigrations } from './platform/db/migrate';
import { toAppError, validationError } from './platform/errors';
import { refreshTermLocks } from './platform/term-lock';
import { schoolDay } from '../../shared/domain/dates';
import { currentTermId } from './platform/query';
import { foldHandlers, foldReports } from './platform/feature';
import { ReportCatalogue } from './platform/report/catalogue';
import type { PdfPort } from './platform/report/pdf-port';
import { ALL_FEATURES } from './features';

/** The handler registry and the report catalogue, folded once from the features list. */
const HANDLERS = foldHandlers(ALL_FEATURES);
const REPORTS = new ReportCatalogue(foldReports(ALL_FEATURES));

import { APP_VERSION } from './platform/version';
export { APP_VERSION };
export const DB_FILE = 'jiaowu.sqlite';

export interface CoreOptions {
  dataDir: string;
  pdf?: PdfPort | null;
  now?: () => Date;
  /** Skip the automatic daily backup at open (tests that count backups). */
  noDailyBackup?: boolean;
}

/** Methods allowed while the database is damaged or newer than this app. */
const RECOVERY_METHODS = new Set<Method>(['app/status', 'app/restoreDamaged', 'app/startEmpty', 'backup/list']);

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Why an existing database file cannot be opened as ours, or null if it looks like a SQLite file. An empty
 * file is never "a new install": SQLite would happily treat it as an empty database and the app would then
 * start afresh beside the school's backups.
 */
export function inspectDatabaseFile(file: string): { key: string; params?: Record<string, string | number> } | null {
  let fd: number | null = null;
  try {
    const size = fs.statSync(file).size;
    if (size === 0) return { key: 'dbEmpty' };
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    if (n < 16 || !head.equals(SQLITE_HEADER)) return { key: 'dbNotSqlite' };
    return null;
  } catch (e) {
    return { key: 'dbDamaged', params: { detail: String((e as Error).message ?? e).slice(0, 200) } };
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Identity of a file on disk (device + inode; size is not used: it changes with every write). */
/**
 * The database file as this app left it at a clean close: size, modification time and inode, kept beside it
 * (jiaowu.sqlite.clean). An open that finds the file exactly so (and no -wal) skips the full page check; any
 * other open (a crash, a power cut, a file copied in or restored, a first open) runs quick_check. A ten-year
 * database takes ~0.6 s to check on a fast PC, so a normal start should not pay it.
 */
function fileStamp(file: string): string | null {
  try {
    const st = fs.statSync(file, { bigint: true });
    return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}`;
  } catch {
    return null;
  }
}

function fileIdentity(file: string): string | null {
  try {
    const st = fs.statSync(file, { bigint: true });
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

export class Core {
  readonly dataDir: string;
  readonly dbFile: string;
  /** Whether the last open ran the full page check (quick_check) rather than trusting a clean close. */
  lastOpenChecked = false;
  private db: Database.Database | null = null;
  private lock: FolderLock;
  private state: AppStatus['state'] = 'ok';
  private problem: { key: string; params?: Record<string, string | number> } | null = null;
  private now: () => Date;
  private pdf: PdfPort | null;
  private ctx: CoreContext | null = null;
  /** One writer: calls run one at a time, except while a call waits on the PDF engine (see withPdfOutsideQueue). */
  private readonly calls = new CallLock();
  private dailyBackups: boolean;
  /** The day the daily backup was last checked: an app left open overnight still backs up once a day. */
  private dailyCheckedOn = '';
  /** Identity of the database file and its -wal while open: replaced or deleted files stop all writing. */
  private fileIds: { db: string | null; wal: string | null } = { db: null, wal: null };

  private constructor(opts: CoreOptions, lock: FolderLock) {
    this.dataDir = opts.dataDir;
    this.dbFile = path.join(opts.dataDir, DB_FILE);
    this.lock = lock;
    this.now = opts.now ?? (() => new Date());
    this.pdf = opts.pdf ?? null;
    this.dailyBackups = !opts.noDailyBackup;
  }

  static async open(opts: CoreOptions): Promise<Core> {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    const lock = acquireFolderLock(opts.dataDir);
    const core = new Core(opts, lock);
    try {
      await core.openDatabase(core.dailyBackups);
    } catch (e) {
      lock.release();
      throw e;
    }
    return core;
  }

  /** Opens (or creates) the database, checks it, backs up and migrates. Never throws for a damaged file. */
  private async openDatabase(dailyBackup: boolean, allowFresh = false): Promise<void> {
    this.state = 'ok';
    this.problem = null;
    const isNew = !fs.existsSync(this.dbFile);
    // A file that exists but is empty or not SQLite is damage, never a new install. A missing file beside
    // good backups is suspicious too (deleted, quarantined by antivirus): offer the backups first.
    const fileProblem = isNew
      ? (!allowFresh && this.goodBackups().length > 0 ? { key: 'dbMissing' } : null)
      : inspectDatabaseFile(this.dbFile);
    if (fileProblem) {
      this.db = null;
      this.state = 'damaged';
      this.problem = fileProblem;
      return;
    }
    // Left cleanly by this app and untouched since? Then the full page check can be skipped (see fileStamp).
    const cleanFile = this.dbFile + '.clean';
    const leftClean = !isNew && !fs.existsSync(this.dbFile + '-wal') && fs.existsSync(cleanFile)
      && fs.readFileSync(cleanFile, 'utf8') === fileStamp(this.dbFile);
    fs.rmSync(cleanFile, { force: true }); // a crash from now on leaves no marker
    this.lastOpenChecked = !isNew && !leftClean;
    let db: Database.Database;
    try {
      db = new Database(this.dbFile);
      db.pragma('busy_timeout = 5000');
      // Even a clean file has its schema read (a cheap check of the header and the first pages).
      const check = isNew ? 'ok' : leftClean ? (db.prepare('SELECT COUNT(*) AS n FROM sqlite_master').get(), 'ok') : db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(String(check));
    } catch (e) {
      this.db = null;
      this.state = 'damaged';
      this.problem = { key: 'dbDamaged', params: { detail: String((e as Error).message ?? e).slice(0, 200) } };
      return;
    }
    const migrations = loadMigrations();
    try {
      assertNotNewer(db, migrations);
    } catch (e) {
      db.close();
      this.state = 'newer';
      const err = e as AppError;
      this.problem = { key: err.key, params: err.params };
      return;
    }
    // Only now that the file is known to be ours and not newer do we change it (WAL rewrites the header).
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    this.db = db;
    this.ctx = this.makeContext(db);
    if (!isNew && pendingMigrations(db, migrations).length > 0) await createBackup(db, this.dataDir, 'pre-migration', this.now());
    migrate(db, migrations, this.now);
    refreshTermLocks(db, schoolDay(this.now()));
    this.fileIds = { db: fileIdentity(this.dbFile), wal: fileIdentity(this.dbFile + '-wal') };
    if (dailyBackup && !isNew) await this.dailyBackupIfDue();
  }

  private goodBackups() {
    return listBackups(this.dataDir).filter((b) => isHealthyDatabase(backupPath(this.dataDir, b.file)));
  }

  /**
   * Stops writing when the database file or its -wal was deleted or replaced behind the app's back: SQLite
   * would go on writing into the unlinked file and a crash would lose the rows. Committed rows in a deleted
   * -wal are still reachable through the open handle, so they are checkpointed into the database first.
   */
  private checkFilesUnchanged(): void {
    if (!this.db) return;
    const db = fileIdentity(this.dbFile);
    const wal = fileIdentity(this.dbFile + '-wal');
    if (this.fileIds.wal === null && wal !== null && db === this.fileIds.db) this.fileIds.wal = wal; // created since open
    const dbChanged = db !== this.fileIds.db;
    const walChanged = this.fileIds.wal !== null && wal !== this.fileIds.wal;
    if (!dbChanged && !walChanged) return;
    if (!dbChanged) {
      try { this.db.pragma('wal_checkpoint(TRUNCATE)'); } catch { /* the rows stay in the backups */ }
    }
    try { this.db.close(); } catch { /* already unusable */ }
    this.db = null;
    this.ctx = null;
    this.state = 'damaged';
    this.problem = { key: 'dbFilesChanged', params: { file: dbChanged ? this.dbFile : this.dbFile + '-wal' } };
    throw new AppError('DB_DAMAGED', this.problem.key, this.problem.params);
  }

  private async dailyBackupIfDue(): Promise<void> {
    const today = schoolDay(this.now());
    if (!this.dailyBackups || !this.db || this.dailyCheckedOn === today) return;
    // An empty database (no school yet) is not worth a backup, and its backup must not push a good one of
    // the same day out of the retention rule.
    if (!this.status().hasSchool) return;
    this.dailyCheckedOn = today;
    if (!hasDailyBackupToday(this.dataDir, this.now())) await createBackup(this.db, this.dataDir, 'daily', this.now());
  }

  private makeContext(db: Database.Database): CoreContext {
    const getSetting = (key: string): string | null => {
      try {
        const r = db.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
        return r ? r.value : null;
      } catch {
        return null; // before the first migration
      }
    };
    const setSetting = (key: string, value: string | null) => {
      if (value === null) db.prepare('DELETE FROM setting WHERE key = ?').run(key);
      else db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
    };
    const operator = () => getSetting('operator') ?? '未署名';
    return {
      db,
      dataDir: this.dataDir,
      now: this.now,
      operator,
      audit: makeAuditWriter(db, operator, this.now),
      pdf: this.pdf,
      reports: REPORTS,
      getSetting,
      setSetting,
      status: () => this.status(),
      backup: async (kind) => (await createBackup(db, this.dataDir, kind, this.now())).file,
    };
  }

  status(): AppStatus {
    const base = {
      appVersion: APP_VERSION,
      dataDir: this.dataDir,
      dbFile: this.dbFile,
    };
    if (this.state !== 'ok' || !this.db || !this.ctx) {
      return {
        ...base,
        state: this.state,
        schemaVersion: 0,
        hasSchool: false,
        isSample: false,
        operator: null,
        currentTermId: null,
        problemKey: this.problem?.key,
        problemParams: this.problem?.params,
        goodBackups: this.state === 'damaged' ? this.goodBackups() : undefined,
      };
    }
    const school = this.db.prepare('SELECT is_sample FROM school WHERE id = 1').get() as { is_sample: number } | undefined;
    return {
      ...base,
      state: 'ok',
      schemaVersion: currentVersion(this.db),
      hasSchool: !!school,
      isSample: !!school?.is_sample,
      operator: this.ctx.getSetting('operator'),
      currentTermId: currentTermId(this.ctx),
    };
  }

  /**
   * Validates input against the contract and runs the handler. Calls are serialised (one writer), but a call
   * that is waiting on the PDF engine lets the others through: Chromium rendering a 250-page PDF takes seconds
   * and touches no data, so the app keeps answering meanwhile.
   */
  async call<M extends Method>(method: M, rawInput: Input<M> | unknown): Promise<Output<M>> {
    const hold = await this.calls.acquire();
    try {
      return await this.run(method, rawInput, hold);
    } finally {
      hold.finish();
    }
  }

  private async run<M extends Method>(method: M, rawInput: Input<M> | unknown, hold: LockHold): Promise<Output<M>> {
    const spec = contract[method];
    if (!spec) throw new AppError('NOT_FOUND', 'unknownMethod', { method: String(method) });
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    if (this.state === 'ok') this.checkFilesUnchanged();
    if (this.state !== 'ok' && !RECOVERY_METHODS.has(method)) {
      throw new AppError(this.state === 'newer' ? 'DB_NEWER' : 'DB_DAMAGED', this.problem?.key ?? 'dbDamaged', this.problem?.params);
    }
    if (this.state === 'ok' && this.dailyCheckedOn !== schoolDay(this.now()) && this.status().hasSchool) await this.dailyBackupIfDue();
    const own = this.ownHandler(method, parsed.data);
    if (own) return (await own) as Output<M>;
    const h = HANDLERS.get(method);
    if (!h) throw new AppError('NOT_FOUND', 'unknownMethod', { method: String(method) });
    // Past terms lock as the calendar moves on (a cheap comparison; it writes only when the set changes).
    if (this.state === 'ok' && this.db) refreshTermLocks(this.db, schoolDay(this.now()));
    try {
      // The input passed the method's own schema above, so it is the handler's input.
      const out = await h(parsed.data as never, this.ctx!.pdf ? { ...this.ctx!, pdf: pdfOutsideLock(this.ctx!.pdf, hold) } : this.ctx!);
      return out as Output<M>;
    } catch (e) {
      // A refused write to a locked term reaches every caller (tests, IPC, HTTP) as the same AppError.
      if ((e as { code?: string })?.code === 'SQLITE_CONSTRAINT_TRIGGER') throw toAppError(e);
      throw e;
    }
  }

  /** Methods that reopen or replace the database live here, not in a module. */
  private ownHandler(method: Method, input: unknown): Promise<unknown> | null {
    switch (method) {
      case 'app/status':
        return Promise.resolve(this.status());
      case 'backup/list':
        return Promise.resolve(listBackups(this.dataDir));
      case 'backup/restore':
        return this.restore((input as { file: string }).file, false);
      case 'app/restoreDamaged':
        return this.restore((input as { file: string }).file, true);
      case 'app/startEmpty':
        return this.startEmpty();
      case 'archive/restore':
        return this.restoreArchive((input as { path: string }).path);
      default:
        return null;
    }
  }

  /** From the recovery page: sets the damaged file aside (never deletes it) and starts an empty database. */
  private async startEmpty(): Promise<AppStatus> {
    if (this.state !== 'damaged') throw new AppError('CONFLICT', 'notDamaged');
    this.setDamagedAside();
    await this.openDatabase(false, true);
    this.ctx?.audit('backup', 'startEmpty', { summary: '数据文件损坏或缺失，启用新的空数据库（原文件已改名保留）' });
    return this.status();
  }

  private setDamagedAside(): void {
    if (this.db) return;
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    for (const ext of ['', '-wal', '-shm']) {
      if (fs.existsSync(this.dbFile + ext)) fs.renameSync(this.dbFile + ext, path.join(this.dataDir, `jiaowu.damaged-${stamp}.sqlite${ext}`));
    }
  }

  /** Restores a backup: first backs up the current file (or sets a damaged one aside), then swaps files. */
  private async restore(file: string, fromDamaged: boolean): Promise<AppStatus> {
    const src = backupPath(this.dataDir, file);
    return this.restoreFrom(src, fromDamaged, [], `恢复备份 ${file}`, 'backupDamaged', { file });
  }

  /**
   * Restores a whole-data archive from a stick (another PC's data): the bag must be intact and not from a
   * newer version; the current data is backed up first, then the database is replaced and the archive's
   * attachments are added (attachments are stored by hash, so none is overwritten by another).
   */
  private async restoreArchive(dir: string): Promise<AppStatus> {
    checkArchiveFolder(dir);
    const a = readDataArchive(dir);
    return this.restoreFrom(a.dbFile, false, a.attachments, `从归档恢复 ${path.basename(dir)}（${a.meta.school}，${a.meta.createdAt.slice(0, 10)}）`, 'archiveDamaged', { path: dir, first: DATA_ARCHIVE_DB, count: 1 });
  }

  private async restoreFrom(src: string, fromDamaged: boolean, attachments: string[], summary: string, damagedKey: string, damagedParams: Record<string, string | number>): Promise<AppStatus> {
    if (!isHealthyDatabase(src)) throw new AppError('DB_DAMAGED', damagedKey, damagedParams);
    const probe = new Database(src, { readonly: true });
    const v = currentVersion(probe);
    probe.close();
    if (v > latestVersion()) throw new AppError('DB_NEWER', 'dbNewer', { have: v, know: latestVersion() });
    let before: string | null = null;
    if (this.db) {
      if (!fromDamaged) before = (await createBackup(this.db, this.dataDir, 'pre-restore', this.now())).file;
      this.db.close();
      this.db = null;
      this.ctx = null;
    }
    if (fromDamaged) this.setDamagedAside();
    for (const ext of ['-wal', '-shm']) fs.rmSync(this.dbFile + ext, { force: true });
    fs.copyFileSync(src, this.dbFile);
    if (attachments.length) {
      const dir = path.join(this.dataDir, 'attachments');
      fs.mkdirSync(dir, { recursive: true });
      for (const f of attachments) {
        const target = path.join(dir, path.basename(f));
        if (!fs.existsSync(target)) fs.copyFileSync(f, target);
      }
    }
    await this.openDatabase(false, true);
    this.ctx?.audit('backup', 'restore', { summary: `${summary}${before ? `（恢复前已备份为 ${before}）` : ''}` });
    return this.status();
  }

  context(): CoreContext {
    if (!this.ctx) throw new AppError('DB_DAMAGED', this.problem?.key ?? 'dbDamaged', this.problem?.params);
    return this.ctx;
  }

  async close(): Promise<void> {
    (await this.calls.acquire()).release(); // wait for the call in progress
    if (this.db) {
      try { this.db.pragma('wal_checkpoint(TRUNCATE)'); } catch { /* ignore */ }
      this.db.close();
      // Closed cleanly: remember the file as left, so the next open can skip the full page check.
      const stamp = fileStamp(this.dbFile);
      if (this.state === 'ok' && stamp && !fs.existsSync(this.dbFile + '-wal')) {
        try { fs.writeFileSync(this.dbFile + '.clean', stamp); } catch { /* the next open checks fully */ }
      }
    }
    this.db = null;
    this.ctx = null;
    await this.pdf?.close?.();
    this.lock.release();
  }
}

/**
 * A call's hold on the lock. `finish` ends the call: a job it started (a dossier being composed) may still use
 * the PDF port afterwards, and must then neither free nor take the lock again.
 */
interface LockHold { release(): void; reacquire(): Promise<void>; finish(): void }

/** A FIFO lock whose holder can step out and back in (while it awaits the PDF engine). */
class CallLock {
  private tail: Promise<void> = Promise.resolve();

  private take(): Promise<() => void> {
    let free!: () => void;
    const mine = new Promise<void>((r) => { free = r; });
    const before = this.tail;
    this.tail = before.then(() => mine);
    return before.then(() => free);
  }

  async acquire(): Promise<LockHold> {
    let free: (() => void) | null = await this.take();
    let finished = false;
    return {
      release: () => { free?.(); free = null; },
      reacquire: async () => { if (!free && !finished) free = await this.take(); },
      finish: () => { finished = true; free?.(); free = null; },
    };
  }
}

/**
 * The PDF port as a handler sees it: while Chromium renders, the call steps out of the lock so other calls
 * run; it queues again before going on (e.g. to write the audit entry). The HTML is complete before the
 * port is called, so nothing the other calls write can change this printout.
 */
function pdfOutsideLock(port: PdfPort, hold: LockHold): PdfPort {
  const outside = async <T>(job: () => Promise<T>): Promise<T> => {
    hold.release();
    try {
      return await job();
    } finally {
      await hold.reacquire();
    }
  };
  return {
    htmlToPdf: (html, opts) => outside(() => port.htmlToPdf(html, opts)),
    svgToPng: port.svgToPng ? (svg, opts) => outside(() => port.svgToPng!(svg, opts)) : undefined,
    close: port.close ? () => port.close!() : undefined,
  };
}

