/**
 * While a long print runs, the app keeps answering (issue 8, item 7): a call waiting on the PDF engine steps
 * out of the one-writer lock, so reads (and writes) made meanwhile finish first; writes stay one at a time.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import type { PdfPort } from '../../../electron/core/platform/report/pdf-port';
import { tempDir } from '../../helpers/core';

let core: Core | null = null;
let dir = '';
afterEach(async () => { await core?.close(); fs.rmSync(dir, { recursive: true, force: true }); });

/** A PDF engine that finishes only when told to. */
function gatedPort() {
  let open!: () => void;
  const gate = new Promise<void>((r) => { open = r; });
  let started!: () => void;
  const running = new Promise<void>((r) => { started = r; });
  const port: PdfPort = {
    async htmlToPdf() {
      started();
      await gate;
      const { PDFDocument } = await import('pdf-lib');
      const doc = await PDFDocument.create();
      doc.addPage();
      return doc.save();
    },
  };
  return { port, open, running };
}

describe('calls during a long print', () => {
  it('a read made while Chromium renders resolves before the print', async () => {
    const g = gatedPort();
    dir = tempDir('jw-conc-');
    core = await Core.open({ dataDir: dir, noDailyBackup: true, pdf: g.port });
    await core.call('app/createSchool', { name: '测试中学', type: '初中' });
    const order: string[] = [];
    const print = core.call('reports/pdf', { reportId: 'teacher-roster', params: {} }).then(() => order.push('print'));
    await g.running; // the HTML is built and Chromium is busy
    await core.call('teachers/list', {}).then(() => order.push('read'));
    await core.call('teachers/save', { name: '打印时新增的老师' }).then(() => order.push('write'));
    g.open();
    await print;
    expect(order).toEqual(['read', 'write', 'print']);
    // The print's audit entry was written after it resumed.
    const audit = await core.call('audit/list', { entity: 'report' });
    expect(audit.rows.some((r) => r.action === 'print')).toBe(true);
  });

  it('writes are still one at a time, in the order they came', async () => {
    dir = tempDir('jw-conc2-');
    core = await Core.open({ dataDir: dir, noDailyBackup: true, pdf: null });
    await core.call('app/createSchool', { name: '测试中学', type: '初中' });
    const names = Array.from({ length: 20 }, (_, i) => `老师${String(i).padStart(2, '0')}`);
    await Promise.all(names.map((name) => core!.call('teachers/save', { name })));
    const ids = (await core.call('teachers/list', {})).sort((a, b) => a.id - b.id).map((t) => t.name);
    expect(ids).toEqual(names);
  });
});
