/**
 * Names of the entries in a zip file, read from its central directory (no decompression). Enough to tell an
 * Office Open XML package (docx, xlsx) from any other zip without a dependency. Returns null when the bytes
 * are not a readable zip.
 */
export function zipEntryNames(b: Buffer): string[] | null {
  const EOCD = 0x06054b50;
  const CDH = 0x02014b50;
  // The end-of-central-directory record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= stop; i--) {
    if (b.readUInt32LE(i) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) return null;
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CDH) return null;
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    if (p + 46 + nameLen > b.length) return null;
    names.push(b.subarray(p + 46, p + 46 + nameLen).toString('utf8'));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** A Word document package: a zip with [Content_Types].xml and the word/ part. */
export function isWordPackage(b: Buffer): boolean {
  const names = zipEntryNames(b);
  return !!names && names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('word/'));
}

/** A PDF: the %PDF- header and an %%EOF trailer near the end (a truncated download has none). */
export function isCompletePdf(b: Buffer): boolean {
  if (b.subarray(0, 5).toString('latin1') !== '%PDF-') return false;
  return b.subarray(Math.max(0, b.length - 1024)).toString('latin1').includes('%%EOF');
}
