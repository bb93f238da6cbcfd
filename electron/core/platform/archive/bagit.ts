/**
 * BagIt bags (RFC 8493) for archives copied to USB sticks: write a bag so that success is claimed only after
 * every file was read back from the target and its SHA-256 compared, and check a bag found on a stick
 * (intact / changed / missing / added, by name).
 *
 * Writing goes to `<name>.writing/` next to the final folder, each file first to `<file>.part` then renamed;
 * the folder is renamed to `<name>` only after the read-back. A stick pulled or full mid-write leaves the
 * `.writing` folder (never the final name), and the next attempt removes it and starts clean.
 *
 * Paths in the manifests are UTF-8 with `/` separators, so 教案/七年级(1)班 名单.xlsx stays readable in the
 * manifest and on Windows. RFC 8493 §2.1.3 percent-encodes CR, LF and `%` in manifest paths, but the Library of
 * Congress tool decodes only CR and LF: a name with `%` would fail one validator or the other, so payload names
 * carry none of the three (safeArchiveName turns a user's file name into an accepted one: ％ for %).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { schoolDay } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/errors';

export const BAGIT_VERSION = '1.0';
const WRITING = '.writing';
const CHUNK = 1024 * 1024;

/** One payload file: its path under `data/` ('/'-separated) and where its bytes come from. */
export interface PayloadFile { path: string; source: string | Buffer }

export interface BagProgress { phase: 'write' | 'verify'; files: number; totalFiles: number; bytes: number; totalBytes: number }

export interface WriteBagOptions {
  /** Key/value lines of bag-info.txt after the generated ones (Bagging-Date, Payload-Oxum). */
  info: Record<string, string>;
  now: Date;
  onProgress?: (p: BagProgress) => void;
  signal?: AbortSignal;
  /** Free bytes on the target, for tests; read from the file system otherwise. */
  freeBytes?: number;
  /** Writes one chunk; tests inject a failing writer to play a pulled stick. */
  writeChunk?: (fd: number, chunk: Buffer) => void;
}

export interface WriteBagResult { dir: string; files: number; bytes: number }

/** Manifest paths as written: payload names never hold CR, LF or % (payloadPathProblem), so nothing to encode. */
export const encodeManifestPath = (p: string) => p;
/** Manifest paths as read: CR and LF decoded as every BagIt tool writes them. */
export const decodeManifestPath = (p: string) => p.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');

const FULLWIDTH: Record<string, string> = { '<': '＜', '>': '＞', ':': '：', '"': '＂', '\\': '＼', '|': '｜', '?': '？', '*': '＊', '%': '％', '/': '／' };

/** One name segment (a file or folder name) made acceptable: look-alike full-width characters, no control characters, no trailing dot or space, no reserved name. */
export function safeArchiveName(name: string): string {
  let s = name.replace(/[\u0000-\u001f]/g, '').replace(/[<>:"\\|?*%/]/g, (c) => FULLWIDTH[c]).replace(/[. ]+$/, '').trim();
  if (!s || s === '.' || s === '..') s = '_';
  return WINDOWS_RESERVED.test(s) ? `_${s}` : s;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/** A payload path that Windows and every BagIt tool accept, or the reason it is refused. */
export function payloadPathProblem(p: string): string | null {
  if (!p || p.startsWith('/') || /^[a-zA-Z]:/.test(p)) return 'absolute';
  for (const seg of p.split('/')) {
    if (!seg || seg === '.' || seg === '..') return 'segment';
    if (/[<>:"\\|?*%\u0000-\u001f]/.test(seg)) return 'character';
    if (/[. ]$/.test(seg)) return 'trailing';
    if (WINDOWS_RESERVED.test(seg)) return 'reserved';
  }
  return null;
}

function sizeOf(f: PayloadFile): number {
  return typeof f.source === 'string' ? fs.statSync(f.source).size : f.source.length;
}

function freeBytesAt(dir: string): number {
  const s = fs.statfsSync(dir);
  return s.bavail * s.bsize;
}

/** The error a failed write becomes: full, gone (stick pulled), or cancelled; never a success. */
function writeError(e: unknown, where: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('IO', 'archiveDiskFull', { path: where });
  return new AppError('IO', 'archiveWriteFailed', { path: where, code: code || 'EIO' });
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('IO', 'archiveCancelled');
}

/** Copies one source to `target` through `target.part` with fsync, returning its SHA-256. */
function writeOne(source: string | Buffer, target: string, write: (fd: number, chunk: Buffer) => void, onBytes: (n: number) => void): string {
  const hash = crypto.createHash('sha256');
  const part = `${target}.part`;
  const out = fs.openSync(part, 'w');
  try {
    if (typeof source === 'string') {
      const inp = fs.openSync(source, 'r');
      try {
        const buf = sharedBuffer();
        for (let n; (n = fs.readSync(inp, buf, 0, CHUNK, null)) > 0;) {
          const chunk = buf.subarray(0, n);
          hash.update(chunk);
          write(out, chunk);
          onBytes(n);
        }
      } finally {
        fs.closeSync(inp);
      }
    } else {
      for (let i = 0; i < source.length || i === 0; i += CHUNK) {
        const chunk = source.subarray(i, i + CHUNK);
        hash.update(chunk);
        if (chunk.length) write(out, chunk);
        onBytes(chunk.length);
        if (!source.length) break;
      }
    }
    fs.fsyncSync(out);
  } finally {
    fs.closeSync(out);
  }
  fs.renameSync(part, target);
  return hash.digest('hex');
}

/** One reusable read buffer for the synchronous readers (allocating a megabyte per file dominated small files). */
let shared: Buffer | null = null;
const sharedBuffer = () => (shared ??= Buffer.allocUnsafe(CHUNK));

function sha256File(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = sharedBuffer();
    for (let n; (n = fs.readSync(fd, buf, 0, CHUNK, null)) > 0;) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** SHA-256 of a file read in chunks into `buf` (each reader keeps one buffer: a fresh megabyte per file costs more than the read). */
async function sha256FileAsync(file: string, buf: Buffer): Promise<string> {
  const hash = crypto.createHash('sha256');
  const fh = await fs.promises.open(file, 'r');
  try {
    for (let r; (r = await fh.read(buf, 0, buf.length, null)).bytesRead > 0;) hash.update(buf.subarray(0, r.bytesRead));
  } finally {
    await fh.close();
  }
  return hash.digest('hex');
}

const writeAll = (fd: number, chunk: Buffer) => {
  for (let off = 0; off < chunk.length;) off += fs.writeSync(fd, chunk, off, chunk.length - off);
};

/**
 * Writes the bag `<parent>/<name>/` and verifies it by reading every file back. Throws (VALIDATION for bad
 * names, IO archiveNoSpace / archiveDiskFull / archiveWriteFailed / archiveVerifyFailed / archiveCancelled) and never
 * leaves a folder under the final name unless it was verified.
 */
export async function writeBag(parent: string, name: string, files: PayloadFile[], opts: WriteBagOptions): Promise<WriteBagResult> {
  const bad = [name, ...files.map((f) => f.path)].map((p) => [p, payloadPathProblem(p)] as const).filter(([, why]) => why);
  if (bad.length) throw new AppError('VALIDATION', 'archiveBadName', { name: bad[0][0], why: bad[0][1]! });
  const seen = new Set<string>();
  for (const f of files) {
    // Windows and macOS sticks compare names case-insensitively.
    const key = f.path.normalize('NFC').toLowerCase();
    if (seen.has(key)) throw new AppError('VALIDATION', 'archiveDuplicateName', { name: f.path });
    seen.add(key);
  }
  const final = path.join(parent, name);
  if (fs.existsSync(final)) throw new AppError('CONFLICT', 'archiveExists', { path: final });
  const tmp = `${final}${WRITING}`;
  const sizes = files.map(sizeOf);
  const totalBytes = sizes.reduce((s, n) => s + n, 0);
  // Payload, tag files and some slack for the file system's own blocks.
  const need = totalBytes + files.length * 4096 + 1024 * 1024;
  const free = opts.freeBytes ?? freeBytesAt(parent);
  if (free < need) throw new AppError('IO', 'archiveNoSpace', { needMb: Math.ceil(need / 1e6), freeMb: Math.floor(free / 1e6) });
  const write = opts.writeChunk ?? writeAll;
  const progress: BagProgress = { phase: 'write', files: 0, totalFiles: files.length, bytes: 0, totalBytes };
  const report = () => opts.onProgress?.({ ...progress });
  let where = tmp;
  // The core answers other calls between files (the progress poll, the cancel button).
  const pause = yielder();
  try {
    fs.rmSync(tmp, { recursive: true, force: true }); // what a failed attempt left
    fs.mkdirSync(path.join(tmp, 'data'), { recursive: true });
    const manifest: [string, string][] = [];
    for (const f of files) {
      checkAbort(opts.signal);
      const target = path.join(tmp, 'data', ...f.path.split('/'));
      where = target;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      manifest.push([writeOne(f.source, target, write, (n) => { progress.bytes += n; }), `data/${f.path}`]);
      progress.files++;
      report();
      await pause(progress.bytes);
    }
    const tags: [string, string][] = [];
    for (const t of bagTagFiles(manifest, totalBytes, opts)) {
      where = path.join(tmp, t.path);
      tags.push([writeOne(Buffer.from(t.text, 'utf8'), where, write, () => undefined), t.path]);
    }
    // Read everything back from the target before claiming anything.
    progress.phase = 'verify';
    progress.files = 0;
    progress.bytes = 0;
    // Four files read at a time: the reads run on libuv's threads while this thread hashes.
    let nextFile = 0;
    const verifyOne = async () => {
      const buf = Buffer.allocUnsafe(CHUNK);
      while (nextFile < manifest.length) {
        const i = nextFile++;
        const [hash, p] = manifest[i];
        checkAbort(opts.signal);
        const file = path.join(tmp, ...p.split('/'));
        where = file;
        if (await sha256FileAsync(file, buf) !== hash) throw new AppError('IO', 'archiveVerifyFailed', { path: p });
        progress.files++;
        progress.bytes += sizes[i];
        report();
      }
    };
    await Promise.all([verifyOne(), verifyOne(), verifyOne(), verifyOne()]);
    for (const [hash, p] of tags) if (sha256File(path.join(tmp, p)) !== hash) throw new AppError('IO', 'archiveVerifyFailed', { path: p });
    where = final;
    fs.renameSync(tmp, final);
    return { dir: final, files: files.length, bytes: totalBytes };
  } catch (e) {
    throw writeError(e, where);
  }
}

/**
 * The tag files of a bag whose payload manifest is `manifest` ([sha256, 'data/...'] pairs): bagit.txt,
 * bag-info.txt, manifest-sha256.txt, and last tagmanifest-sha256.txt over the three. The encrypted zip holds
 * the same files, so "check an archive" reads both the same way.
 */
export function bagTagFiles(manifest: [string, string][], totalBytes: number, opts: Pick<WriteBagOptions, 'info' | 'now'>): { path: string; text: string }[] {
  const lines = (rows: [string, string][]) => rows.map(([h, p]) => `${h}  ${encodeManifestPath(p)}\n`).join('');
  const info = { 'Bagging-Date': schoolDay(opts.now), 'Payload-Oxum': `${totalBytes}.${manifest.length}`, ...opts.info };
  const tags = [
    { path: 'bagit.txt', text: `BagIt-Version: ${BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n` },
    { path: 'bag-info.txt', text: Object.entries(info).map(([k, v]) => `${k}: ${v.replace(/\r?\n/g, ' ')}\n`).join('') },
    { path: 'manifest-sha256.txt', text: lines(manifest) },
  ];
  const sha = (t: string) => crypto.createHash('sha256').update(t, 'utf8').digest('hex');
  return [...tags, { path: 'tagmanifest-sha256.txt', text: lines(tags.map((t) => [sha(t.text), t.path])) }];
}

/** Gives the event loop a turn every 8 MB or 50 ms of work. */
function yielder(): (bytes: number) => Promise<void> {
  let lastBytes = 0;
  let lastAt = Date.now();
  return async (bytes) => {
    if (bytes - lastBytes < 8 * 1024 * 1024 && Date.now() - lastAt < 50) return;
    lastBytes = bytes;
    lastAt = Date.now();
    await new Promise((r) => setImmediate(r));
  };
}

/** Parses a manifest's text into path -> sha256 (problems collected by line). */
export function parseManifest(text: string, label: string, problems: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const m = /^([0-9a-fA-F]{64})\s+(.+)$/.exec(line.replace(/\r$/, ''));
    if (!m) { problems.push(`${label} line ${i + 1}`); continue; }
    out.set(decodeManifestPath(m[2]), m[1].toLowerCase());
  }
  return out;
}

export interface BagCheck {
  valid: boolean;
  files: number; bytes: number;
  changed: string[]; missing: string[]; added: string[];
  /** Problems of the bag itself (no bagit.txt, a bad manifest line, a tag file changed). */
  problems: string[];
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(path.join(dir, e.name), rel));
    else out.push(rel);
  }
  return out;
}

function readManifest(file: string, problems: string[]): Map<string, string> {
  if (!fs.existsSync(file)) { problems.push(`missing ${path.basename(file)}`); return new Map(); }
  return parseManifest(fs.readFileSync(file, 'utf8'), path.basename(file), problems);
}

/** Checks a bag against its manifests: intact, or which files changed, went missing or were added. */
export function checkBag(dir: string): BagCheck {
  const problems: string[] = [];
  const bagit = path.join(dir, 'bagit.txt');
  if (!fs.existsSync(bagit) || !/BagIt-Version:\s*\d+\.\d+/.test(fs.readFileSync(bagit, 'utf8'))) problems.push('bagit.txt');
  const manifest = readManifest(path.join(dir, 'manifest-sha256.txt'), problems);
  const tagManifest = fs.existsSync(path.join(dir, 'tagmanifest-sha256.txt')) ? readManifest(path.join(dir, 'tagmanifest-sha256.txt'), problems) : new Map<string, string>();
  for (const [p, hash] of tagManifest) {
    const f = path.join(dir, ...p.split('/'));
    if (!fs.existsSync(f) || sha256File(f) !== hash) problems.push(`tag file ${p}`);
  }
  const present = fs.existsSync(path.join(dir, 'data')) ? listFiles(path.join(dir, 'data'), 'data') : [];
  const presentSet = new Set(present);
  const changed: string[] = [];
  const missing: string[] = [];
  let bytes = 0;
  for (const [p, hash] of manifest) {
    if (!presentSet.has(p)) { missing.push(p); continue; }
    const f = path.join(dir, ...p.split('/'));
    bytes += fs.statSync(f).size;
    if (sha256File(f) !== hash) changed.push(p);
  }
  const added = present.filter((p) => !manifest.has(p));
  return { valid: !problems.length && !changed.length && !missing.length && !added.length, files: manifest.size, bytes, changed, missing, added, problems };
}
