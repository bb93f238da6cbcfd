/**
 * The encrypted archive: one zip with AES-256 (WinZip AE-2), which 7-Zip, WinRAR and Bandizip open with the
 * password. Names are UTF-8 (the zip's language flag set), so 七年级(1)班 名单.xlsx opens as itself.
 *
 * Like the bag, it is written to `<file>.part`, read back with the password and every entry's SHA-256 compared
 * with the source, and only then renamed. The password is never stored or logged: callers pass it through and
 * drop it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { configure, Uint8ArrayWriter, ZipReader, ZipWriter } from '@zip.js/zip.js';
import { AppError } from '../../../../shared/errors';
import { payloadPathProblem, type PayloadFile } from './bagit';
import { MIN_ARCHIVE_PASSWORD } from '../../../../shared/domain/archive/password';

// Node has no web workers: compress and encrypt on this thread (a worker thread runs the whole job).
configure({ useWebWorkers: false });

export { passwordStrength, type PasswordStrength } from '../../../../shared/domain/archive/password';

const MIN_PASSWORD = MIN_ARCHIVE_PASSWORD;

function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

function sourceStream(source: string | Buffer): ReadableStream<Uint8Array> {
  return (typeof source === 'string' ? Readable.toWeb(fs.createReadStream(source)) : new Blob([source]).stream()) as ReadableStream<Uint8Array>;
}

/** SHA-256 of a payload source (a file path or bytes). */
export async function hashSource(source: string | Buffer): Promise<string> {
  if (typeof source !== 'string') return sha256(source);
  const h = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(source)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** The entries of an encrypted zip with their SHA-256; a wrong password is VALIDATION archiveBadPassword. */
export async function readEncryptedZip(file: string, password: string): Promise<Map<string, string>> {
  const entries = await readEncryptedZipEntries(file, password, () => false);
  return new Map([...entries].map(([name, e]) => [name, e.sha256]));
}

/** Like readEncryptedZip, also keeping the text of the entries `keepText` names (a bag's manifests). */
export async function readEncryptedZipEntries(file: string, password: string, keepText: (name: string) => boolean): Promise<Map<string, { sha256: string; text?: string }>> {
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', 'archiveNotFound', { path: file });
  const reader = new ZipReader(sourceStream(file));
  const out = new Map<string, { sha256: string; text?: string }>();
  try {
    for (const entry of await reader.getEntries()) {
      if (entry.directory || !entry.getData) continue;
      const bytes = await entry.getData(new Uint8ArrayWriter(), { password });
      out.set(entry.filename, { sha256: sha256(bytes), text: keepText(entry.filename) ? Buffer.from(bytes).toString('utf8') : undefined });
    }
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    if (/password/i.test(msg)) throw new AppError('VALIDATION', 'archiveBadPassword', undefined, [{ path: ['password'], key: 'archiveBadPassword' }]);
    throw new AppError('IO', 'archiveUnreadable', { path: file });
  } finally {
    await reader.close().catch(() => undefined);
  }
  return out;
}

/**
 * Writes `dest` (a .zip path) with every file AES-256 encrypted, verifies it by reading it back with the
 * password, then renames it into place. Throws VALIDATION (weak password, bad name), CONFLICT (exists), IO.
 */
export async function writeEncryptedZip(dest: string, files: PayloadFile[], password: string): Promise<{ file: string; files: number; bytes: number }> {
  if (password.length < MIN_PASSWORD) throw new AppError('VALIDATION', 'archivePasswordShort', { min: MIN_PASSWORD }, [{ path: ['password'], key: 'archivePasswordShort', params: { min: MIN_PASSWORD } }]);
  const bad = files.find((f) => payloadPathProblem(f.path));
  if (bad) throw new AppError('VALIDATION', 'archiveBadName', { name: bad.path, why: payloadPathProblem(bad.path)! });
  if (fs.existsSync(dest)) throw new AppError('CONFLICT', 'archiveExists', { path: dest });
  const part = `${dest}.part`;
  fs.rmSync(part, { force: true });
  const expected = new Map<string, string>();
  let bytes = 0;
  try {
    const writer = new ZipWriter(Writable.toWeb(fs.createWriteStream(part)) as WritableStream<Uint8Array>, {
      password, encryptionStrength: 3, zipCrypto: false, useUnicodeFileNames: true,
    });
    for (const f of files) {
      expected.set(f.path, await hashSource(f.source));
      bytes += typeof f.source === 'string' ? fs.statSync(f.source).size : f.source.length;
      await writer.add(f.path, sourceStream(f.source));
    }
    await writer.close();
    const got = await readEncryptedZip(part, password);
    for (const [name, hash] of expected) if (got.get(name) !== hash) throw new AppError('IO', 'archiveVerifyFailed', { path: name });
    fs.renameSync(part, dest);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code ?? '';
    throw new AppError('IO', code === 'ENOSPC' ? 'archiveDiskFull' : 'archiveWriteFailed', { path: part, code: code || 'EIO' });
  }
  return { file: dest, files: files.length, bytes };
}
