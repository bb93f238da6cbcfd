/**
 * The Electron suite reads PDFs with pdf.js (tests/helpers/pdf-text.ts), since Windows has no pdftotext. Here
 * the reader is checked on a Chromium PDF: pages in order, and the glyphs Chromium maps back to CJK radicals
 * (页 -> ⻚, 黄 -> ⻩, 马 -> ⻢, 一 -> ⼀) read as the ideographs a test expects.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createChromiumPdfPort } from '../../../electron/server/pdf-chromium';
import { flat, foldCjk, pdfPagesText } from '../../helpers/pdf-text';
import { tempDir } from '../../helpers/core';

const port = createChromiumPdfPort();
const dir = tempDir('jw-pdfjs-');
afterAll(async () => {
  await port.close?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('folds radicals to ideographs and leaves other text alone', () => {
  expect(foldCjk('第1⻚共2⻚ ⻩⻢ ⼀年级（1）班')).toBe('第1页共2页 黄马 一年级(1)班');
  expect(flat('班 级：七年级 (1) 班')).toBe('班级:七年级(1)班');
});

it('reads a Chinese PDF page by page, as the text was written', async () => {
  const body = (n: number) => `<section style="page-break-after:always;font-family:'Noto Sans CJK SC',sans-serif"><h1>黄马一中 班级学生名册</h1><p>七年级(${n})班 马一鸣 黄页</p><p>第${n}页 共2页</p></section>`;
  const pdf = await port.htmlToPdf(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>${body(1)}${body(2)}</body></html>`, { paper: 'A4', landscape: false });
  const file = path.join(dir, '名册.pdf');
  fs.writeFileSync(file, pdf);
  const pages = await pdfPagesText(file);
  expect(pages).toHaveLength(2);
  expect(flat(pages[0])).toContain(flat('黄马一中 班级学生名册'));
  expect(flat(pages[0])).toContain(flat('七年级(1)班 马一鸣 黄页'));
  expect(flat(pages[1])).toContain(flat('第2页 共2页'));
  expect(flat(pages[1])).not.toContain('七年级(1)班');
}, 60_000);
