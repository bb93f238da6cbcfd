/**
 * The whole-data archive: a consistent snapshot of the database (SQLite's online backup, so a write in
 * progress is never half in it) plus every attachment, with a small JSON that says what it is and which app
 * and schema version wrote it. Another PC's Jiaowu Desk restores it (Core.restoreArchive) after checking the
 * bag is intact and not from a newer version.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/errors';
import { currentVersion } from '../db/migrate';
import { APP_VERSION } from '../version';
import { checkBag, type PayloadFile } from './bagit';

export const DATA_ARCHIVE_JSON = 'jiaowu-archive.json';
export const DATA_ARCHIVE_DB = '数据库/jiaowu.sqlite';
export const DATA_ARCHIVE_ATTACHMENTS = '附件';

export interface DataArchiveMeta { format: 'jiaowu-data'; appVersion: string; schemaVersion: number; school: string; createdAt: string; attachments: number }

/** Snapshots the database into `stagingDir` and lists the payload: database, attachments, the JSON. */
export async function dataArchivePayload(db: Database.Database, dataDir: string, stagingDir: string, school: string, now: Date): Promise<PayloadFile[]> {
  fs.mkdirSync(stagingDir, { recursive: true });
  const snap = path.join(stagingDir, 'jiaowu.sqlite');
  fs.rmSync(snap, { force: true });
  await db.backup(snap);
  const attDir = path.join(dataDir, 'attachments');
  const attachments = fs.existsSync(attDir) ? fs.readdirSync(attDir).filter((n) => /^[0-9a-f]{64}$/.test(n)) : [];
  const meta: DataArchiveMeta = { format: 'jiaowu-data', appVersion: APP_VERSION, schemaVersion: currentVersion(db), school, createdAt: now.toISOString(), attachments: attachments.length };
  return [
    { path: DATA_ARCHIVE_JSON, source: Buffer.from(JSON.stringify(meta, null, 1), 'utf8') },
    { path: DATA_ARCHIVE_DB, source: snap },
    ...attachments.map((n) => ({ path: `${DATA_ARCHIVE_ATTACHMENTS}/${n}`, source: path.join(attDir, n) })),
  ];
}

/**
 * Reads a whole-data bag for restoring: intact (every file as its manifest says), of the right kind, and
 * giving the snapshot and the attachment files. Throws VALIDATION archiveNotData / archiveDamaged.
 */
export function readDataArchive(bagDir: string): { meta: DataArchiveMeta; dbFile: string; attachments: string[] } {
  if (!fs.existsSync(path.join(bagDir, 'bagit.txt'))) throw new AppError('VALIDATION', 'archiveNotBag', { path: bagDir }, [{ path: ['path'], key: 'archiveNotBag', params: { path: bagDir } }]);
  const check = checkBag(bagDir);
  if (!check.valid) {
    const first = [...check.changed, ...check.missing, ...check.added, ...check.problems][0] ?? '';
    throw new AppError('VALIDATION', 'archiveDamaged', { path: bagDir, first, count: check.changed.length + check.missing.length + check.added.length + check.problems.length }, [{ path: ['path'], key: 'archiveDamaged' }]);
  }
  const data = path.join(bagDir, 'data');
  let meta: DataArchiveMeta;
  try {
    meta = JSON.parse(fs.readFileSync(path.join(data, DATA_ARCHIVE_JSON), 'utf8')) as DataArchiveMeta;
  } catch {
    throw new AppError('VALIDATION', 'archiveNotData', { path: bagDir }, [{ path: ['path'], key: 'archiveNotData' }]);
  }
  if (meta.format !== 'jiaowu-data') throw new AppError('VALIDATION', 'archiveNotData', { path: bagDir }, [{ path: ['path'], key: 'archiveNotData' }]);
  const attDir = path.join(data, DATA_ARCHIVE_ATTACHMENTS);
  const attachments = fs.existsSync(attDir) ? fs.readdirSync(attDir).filter((n) => /^[0-9a-f]{64}$/.test(n)).map((n) => path.join(attDir, n)) : [];
  return { meta, dbFile: path.join(data, ...DATA_ARCHIVE_DB.split('/')), attachments };
}
