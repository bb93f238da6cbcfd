/**
 * "Check an archive": a bag folder, or an encrypted zip with its password, compared file by file with its
 * manifest: intact, or which files changed, went missing or were added, by name.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ArchiveCheck } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { checkBag, parseManifest } from '../../platform/archive/bagit';
import { readEncryptedZipEntries } from '../../platform/archive/encrypted-zip';
import { checkArchiveFolder } from '../../platform/archive/folders';

function parseInfo(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^([^:\s][^:]*):\s*(.*)$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

export async function checkArchive(p: string, password: string | undefined): Promise<ArchiveCheck> {
  checkArchiveFolder(p);
  if (fs.statSync(p).isDirectory()) {
    if (!fs.existsSync(path.join(p, 'bagit.txt'))) throw new AppError('VALIDATION', 'archiveNotBag', { path: p }, [{ path: ['path'], key: 'archiveNotBag', params: { path: p } }]);
    const r = checkBag(p);
    const infoFile = path.join(p, 'bag-info.txt');
    return { kind: 'bag', ...r, info: fs.existsSync(infoFile) ? parseInfo(fs.readFileSync(infoFile, 'utf8')) : {} };
  }
  if (!/\.zip$/i.test(p)) throw new AppError('VALIDATION', 'archiveNotBag', { path: p }, [{ path: ['path'], key: 'archiveNotBag', params: { path: p } }]);
  if (!password) throw new AppError('VALIDATION', 'archiveNeedPassword', {}, [{ path: ['password'], key: 'archiveNeedPassword' }]);
  const isTag = (n: string) => /^[^/]+\/(manifest-sha256|tagmanifest-sha256|bag-info|bagit)\.txt$/.test(n);
  const entries = await readEncryptedZipEntries(p, password, isTag);
  const names = [...entries.keys()];
  const root = names.find((n) => /^[^/]+\/bagit\.txt$/.test(n))?.split('/')[0];
  if (!root) throw new AppError('VALIDATION', 'archiveNotBag', { path: p }, [{ path: ['path'], key: 'archiveNotBag', params: { path: p } }]);
  const problems: string[] = [];
  const manifest = parseManifest(entries.get(`${root}/manifest-sha256.txt`)?.text ?? '', 'manifest-sha256.txt', problems);
  if (!entries.has(`${root}/manifest-sha256.txt`)) problems.push('missing manifest-sha256.txt');
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [rel, hash] of manifest) {
    const e = entries.get(`${root}/${rel}`);
    if (!e) missing.push(rel);
    else if (e.sha256 !== hash) changed.push(rel);
  }
  const added = names.filter((n) => n.startsWith(`${root}/data/`)).map((n) => n.slice(root.length + 1)).filter((rel) => !manifest.has(rel));
  const info = parseInfo(entries.get(`${root}/bag-info.txt`)?.text ?? '');
  const oxum = /^(\d+)\.(\d+)$/.exec(info['Payload-Oxum'] ?? '');
  return {
    kind: 'zip', valid: !problems.length && !changed.length && !missing.length && !added.length,
    files: manifest.size, bytes: oxum ? Number(oxum[1]) : 0, changed, missing, added, problems, info,
  };
}
