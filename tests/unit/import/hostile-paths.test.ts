/**
 * Hostile spreadsheets through the score and timetable imports (issue 8, item 2; the student and teacher paths
 * are in import-real-roster.test.ts): sheets, headers, cells and a comment named __proto__/constructor leave
 * Object.prototype untouched and the core answering.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import { seedExamSchool } from '../exams/fixture';
import { seedTimetableSchool } from '../timetable/print-fixture';

let dir: string;
let core: Core;
beforeEach(async () => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-')); core = await Core.open({ dataDir: dir, noDailyBackup: true }); });
afterEach(async () => { await core.close(); fs.rmSync(dir, { recursive: true, force: true }); });

const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();

function hostileXlsx(): string {
  const ws = XLSX.utils.aoa_to_sheet([
    ['__proto__', 'constructor', 'prototype', '学籍号', '姓名', '语文', '星期一'],
    ['{"polluted":1}', 'x', 'y', '__proto__', '__proto__', 90, '__proto__'],
    ['__proto__', 'constructor', '__proto__', 'G7101', '张伟', '__proto__', 'constructor'],
  ]);
  ws.A1.c = [{ a: '__proto__', t: 'polluted' }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '__proto__');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['constructor', 'prototype'], ['__proto__', 1]]), 'constructor');
  return (XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
}

describe('hostile files through score and timetable imports', () => {
  it('score import (.xlsx and .csv)', async () => {
    const seed = seedExamSchool(core.context().db);
    const exam = await core.call('exams/save', { termId: seed.termId, name: '期中考试', kind: '期中', date: '2025-11-10', gradeIds: [seed.grade7], subjects: [{ subjectId: seed.yw, fullMarks: 100 }] });
    const before = protoKeys();
    const csv = Buffer.from('__proto__,constructor,学籍号,姓名,语文\n1,2,G7101,张伟,90\n').toString('base64');
    for (const [fileName, dataBase64] of [['h.xlsx', hostileXlsx()], ['h.csv', csv]]) {
      await core.call('exams/importPreview', { examId: exam.id, fileName, dataBase64 }).catch(() => undefined);
    }
    expect(protoKeys()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await core.call('exams/list', {})).length).toBe(1);
  });

  it('timetable import (both layouts)', async () => {
    const s = seedTimetableSchool(core.context().db, 2);
    const before = protoKeys();
    for (const layout of ['classes', 'master'] as const) {
      await core.call('timetable/importPreview', { fileName: 'kb.xlsx', dataBase64: hostileXlsx(), termId: s.termId, layout }).catch(() => undefined);
    }
    expect(protoKeys()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await core.call('app/status', {})).state).toBe('ok');
  });
});
