/**
 * Migration 0008 on a database made by the version before school years (schema 7): the sample school with a
 * started monthly check and a scored exam (tests/fixtures/migration-0008, made by scripts/report-texts.ts). Every
 * catalogue printout's text after the migration is identical to the text the old version printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core, DB_FILE } from '../../../electron/core/app';
import { createChromiumPdfPort } from '../../../electron/server/pdf-chromium';
import { printCatalogueTexts, REPORT_TEXTS_NOW, type ReportTextParams } from '../../../scripts/report-texts';
import { closeTempCore, tempDir } from '../../helpers/core';

const FIXTURE = path.join(__dirname, '../../fixtures/migration-0008');
let core: Core;
let dir: string;
const port = createChromiumPdfPort();

beforeAll(async () => {
  dir = tempDir();
  fs.writeFileSync(path.join(dir, DB_FILE), zlib.gunzipSync(fs.readFileSync(path.join(FIXTURE, 'sample-v7.sqlite.gz'))));
  core = await Core.open({ dataDir: dir, noDailyBackup: true, pdf: port, now: REPORT_TEXTS_NOW });
}, 60_000);
afterAll(async () => {
  await closeTempCore(core, dir);
  await port.close?.();
});

describe('migration 0008 (school years)', () => {
  it('migrates the schema-7 sample: cohorts, stretches and head teachers of the current year', () => {
    const db = core.context().db;
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(8);
    // The existing classes became the cohorts that have their grade in 2025-2026.
    expect(db.prepare('SELECT entry_year, COUNT(*) n FROM class GROUP BY entry_year ORDER BY entry_year').all()).toEqual([
      { entry_year: 2023, n: 6 }, { entry_year: 2024, n: 6 }, { entry_year: 2025, n: 6 }]);
    expect((db.prepare('SELECT COUNT(*) n FROM class_year WHERE head_teacher_id IS NOT NULL').get() as { n: number }).n).toBe(18);
    expect((db.prepare('SELECT COUNT(*) n FROM student_enrollment').get() as { n: number }).n)
      .toBe((db.prepare('SELECT COUNT(*) n FROM student WHERE class_id IS NOT NULL').get() as { n: number }).n);
    expect((db.prepare('SELECT COUNT(*) n FROM teaching_group WHERE school_year_id IS NULL').get() as { n: number }).n).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('prints every catalogue report with the same text as before the migration', async () => {
    const params = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'texts/params.json'), 'utf8')) as ReportTextParams;
    const texts = await printCatalogueTexts(core, params);
    const before = fs.readdirSync(path.join(FIXTURE, 'texts')).filter((f) => f.endsWith('.txt'));
    expect(before.length).toBe(14);
    for (const f of before) {
      expect(texts[f.replace(/\.txt$/, '')], f).toBe(fs.readFileSync(path.join(FIXTURE, 'texts', f), 'utf8'));
    }
  }, 240_000);
});
