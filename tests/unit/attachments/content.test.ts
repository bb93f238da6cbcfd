/**
 * Attachments are checked inside, not only by their first bytes (issue 8, item 2): a .docx must be a Word
 * package, a PDF must end with %%EOF, and the contract and the store share one 30 MiB cap.
 */
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { AttachmentStore, MAX_ATTACHMENT_BYTES } from '../../../electron/core/platform/attachments/store';
import { isWordPackage, zipEntryNames } from '../../../electron/core/platform/attachments/zip-entries';
import { loadMigrations, migrate } from '../../../electron/core/platform/db/migrate';
import { UploadSchema } from '../../../shared/contract';
import { FilePayloadSchema, MAX_UPLOAD_BYTES } from '../../../shared/contract';
import { tempDir } from '../../helpers/core';

let db: Database.Database;
let store: AttachmentStore;
let docx: Buffer;
let xlsx: Buffer;
beforeAll(async () => {
  db = new Database(':memory:');
  migrate(db, loadMigrations(), () => new Date());
  store = new AttachmentStore(db, tempDir());
  docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('教案')] }] }));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('名单').addRow(['姓名']);
  xlsx = Buffer.from(await wb.xlsx.writeBuffer());
});
afterAll(() => db.close());

describe('attachment content', () => {
  it('reads zip entry names from the central directory', () => {
    const names = zipEntryNames(docx)!;
    expect(names).toContain('[Content_Types].xml');
    expect(names.some((n) => n.startsWith('word/'))).toBe(true);
    expect(zipEntryNames(Buffer.from('PK\x03\x04 not really a zip'))).toBeNull();
  });

  it('accepts a real Word file and refuses another zip renamed .docx', () => {
    expect(store.put(docx, '教案.docx').mime).toContain('wordprocessingml');
    expect(isWordPackage(xlsx)).toBe(false);
    expect(() => store.put(xlsx, '名单改名.docx')).toThrow(/attachmentContent/);
    expect(() => store.put(Buffer.from('PK\x03\x04garbage'), '坏文件.docx')).toThrow(/attachmentContent/);
  });

  it('refuses a truncated PDF (no %%EOF trailer)', () => {
    const whole = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    expect(store.put(whole, '扫描件.pdf').mime).toBe('application/pdf');
    expect(() => store.put(whole.subarray(0, 30), '下载一半.pdf')).toThrow(/attachmentContent/);
  });

  it('one 30 MiB cap: exactly 30 MiB passes the contract and the store, one byte more is refused by both', () => {
    expect(MAX_ATTACHMENT_BYTES).toBe(MAX_UPLOAD_BYTES);
    expect(MAX_UPLOAD_BYTES).toBe(30 * 1024 * 1024);
    const exact = Buffer.alloc(MAX_UPLOAD_BYTES, 0x20);
    exact.write('%PDF-1.4\n', 0, 'latin1');
    exact.write('%%EOF\n', exact.length - 6, 'latin1');
    const b64 = exact.toString('base64');
    expect(UploadSchema.safeParse({ fileName: 'a.pdf', dataBase64: b64 }).success).toBe(true);
    expect(FilePayloadSchema.safeParse({ fileName: 'a.pdf', dataBase64: b64 }).success).toBe(true);
    expect(store.put(exact, '正好30MB.pdf').size).toBe(MAX_UPLOAD_BYTES);

    const over = Buffer.concat([exact, Buffer.from(' ')]);
    const r = UploadSchema.safeParse({ fileName: 'a.pdf', dataBase64: over.toString('base64') });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toBe('fileTooLarge');
    expect(() => store.put(over, '大一点.pdf')).toThrow(/attachmentTooLarge/);
  });
});
