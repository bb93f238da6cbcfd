/**
 * Attachments (plan files, scans, photos) stored beside the database in <dataDir>/attachments/<sha256>, one
 * row per distinct content in table attachment. The type comes from the file name's extension (a whitelist)
 * and must agree with the file's first bytes, so a renamed program is refused.
 */
import crypto from 'node:crypto';
import { DOCX_MIME, PDF_MIME } from '../serving';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { AttachmentInfo } from '../../../../shared/contract';
import type { FilePayload } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { isCompletePdf, isWordPackage } from './zip-entries';

import { MAX_UPLOAD_BYTES } from '../../../../shared/contract/upload';

/** One cap for uploads: the contract refuses larger payloads before they reach the store. */
export const MAX_ATTACHMENT_BYTES = MAX_UPLOAD_BYTES;

/** Extension -> mime and a check of the file's signature. */
const TYPES: Record<string, { mime: string; magic: (b: Buffer) => boolean }> = {
  pdf: { mime: PDF_MIME, magic: isCompletePdf },
  // A docx must be a Word package inside, not just any zip renamed .docx.
  docx: { mime: DOCX_MIME, magic: isWordPackage },
  jpg: { mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  jpeg: { mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  png: { mime: 'image/png', magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
};
export const ATTACHMENT_EXTENSIONS = Object.keys(TYPES);

export function mimeOf(fileName: string): string | null {
  return TYPES[extOf(fileName)]?.mime ?? null;
}
function extOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  return m ? m[1].toLowerCase() : '';
}

type Row = { id: number; sha256: string; file_name: string; mime: string; size: number; created_at: string };
const toInfo = (r: Row): AttachmentInfo => ({ id: r.id, sha256: r.sha256, fileName: r.file_name, mime: r.mime, size: r.size, createdAt: r.created_at });

export class AttachmentStore {
  readonly dir: string;
  constructor(private readonly db: Database.Database, dataDir: string, private readonly now: () => Date = () => new Date()) {
    this.dir = path.join(dataDir, 'attachments');
  }

  /**
   * Stores the bytes (once per content) and returns the row. `mime` is informational: the stored mime comes
   * from the extension. Throws VALIDATION for an empty, too large, unlisted or mislabelled file.
   */
  put(bytes: Buffer, fileName: string, _mime?: string): AttachmentInfo {
    const name = path.basename(fileName.replace(/\\/g, '/')).trim();
    const ext = extOf(name);
    const type = TYPES[ext];
    if (!type) throw new AppError('VALIDATION', 'attachmentType', { ext: ext || '-', allowed: ATTACHMENT_EXTENSIONS.join(', ') });
    if (bytes.length === 0) throw new AppError('VALIDATION', 'attachmentEmpty', { name });
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('VALIDATION', 'attachmentTooLarge', { name, maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
    if (!type.magic(bytes)) throw new AppError('VALIDATION', 'attachmentContent', { name, ext });
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const file = path.join(this.dir, sha256);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(this.dir, { recursive: true });
      // Write then rename, so a crash never leaves a half file under the hash name.
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, bytes);
      fs.renameSync(tmp, file);
    }
    const existing = this.db.prepare('SELECT * FROM attachment WHERE sha256 = ?').get(sha256) as Row | undefined;
    if (existing) return toInfo(existing);
    const r = this.db
      .prepare('INSERT INTO attachment (sha256, file_name, mime, size, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(sha256, name, type.mime, bytes.length, this.now().toISOString());
    return { id: Number(r.lastInsertRowid), sha256, fileName: name, mime: type.mime, size: bytes.length, createdAt: this.now().toISOString() };
  }

  info(id: number): AttachmentInfo | null {
    const r = this.db.prepare('SELECT * FROM attachment WHERE id = ?').get(id) as Row | undefined;
    return r ? toInfo(r) : null;
  }

  /** The stored bytes; NOT_FOUND when the row or the file is gone. */
  get(id: number): Buffer {
    const info = this.info(id);
    if (!info) throw new AppError('NOT_FOUND', 'attachmentNotFound', { id });
    const file = path.join(this.dir, info.sha256);
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', 'attachmentFileMissing', { name: info.fileName });
    return fs.readFileSync(file);
  }

  /** The file as it crosses to the renderer. */
  download(id: number, fileName?: string): FilePayload {
    const bytes = this.get(id);
    const info = this.info(id)!;
    return { fileName: fileName ?? info.fileName, mime: info.mime, dataBase64: bytes.toString('base64') };
  }
}

export function attachmentStore(ctx: { db: Database.Database; dataDir: string; now: () => Date }): AttachmentStore {
  return new AttachmentStore(ctx.db, ctx.dataDir, ctx.now);
}

/**
 * Stores a file riding inside another input (a certificate, a report lesson's slides) and returns its id; a
 * refused file (type, size, content) becomes a VALIDATION error on the input's `upload.fileName` field.
 * Called before the record's transaction, so a refused file leaves nothing written.
 */
export function storeUpload(ctx: { db: Database.Database; dataDir: string; now: () => Date }, upload: { fileName: string; dataBase64: string }): number {
  try {
    return attachmentStore(ctx).put(Buffer.from(upload.dataBase64, 'base64'), upload.fileName).id;
  } catch (e) {
    if (e instanceof AppError) throw new AppError('VALIDATION', e.key, e.params, [{ path: ['upload', 'fileName'], key: e.key, params: e.params }]);
    throw e;
  }
}
