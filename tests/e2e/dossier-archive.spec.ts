/**
 * The inspection dossier and the archive as a clerk meets them (issue 12): create an inspection from the
 * built-in framework, see the readiness view, write a self-assessment, compose the dossier and look at its
 * cover, catalogue and a divider as images; archive the whole data to a folder (a USB stick here) and check it;
 * the encrypted option with its strength hint, the warning and the twice-entered password.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DossierOutput, InspectionSummary } from '../../shared/contract';
import { expect, SCREENS, test } from './fixtures';
import { toolsOk } from '../helpers/system-tools';

const canReadPdf = toolsOk('tests/e2e/dossier-archive.spec.ts', ['pdftotext', 'pdfinfo', 'pdftoppm']);

test.use({ viewport: { width: 1366, height: 768 } });

const pdfText = (file: string, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });

test('an inspection dossier from the readiness view to the composed PDF', async ({ app, page }, testInfo) => {
  test.setTimeout(300_000);
  await app.firstRunWithSample();
  await app.go('#/dossier');
  await page.getByTestId('ds-new').click();
  await page.getByTestId('ds-form-name').fill('2026年县域义务教育优质均衡发展督导评估');
  const date = page.locator('.ant-modal .ant-picker input').first();
  await date.click();
  await date.fill('2027-01-10');
  await date.press('Enter');
  await app.shot('ds-00-new');
  await page.getByTestId('ds-form-ok').click();
  await expect(page.getByTestId('ds-summary')).toBeVisible();
  const ins = (await app.api<InspectionSummary[]>('dossier/list')).find((i) => i.name === '2026年县域义务教育优质均衡发展督导评估')!;
  expect(ins.indicators).toBe(32);
  await expect(page.getByTestId('ds-part-一')).toContainText('每百名学生拥有高于规定学历教师数');
  await app.shot('ds-01-indicators');

  await page.getByTestId('ds-tab-readiness').click();
  await expect(page.getByTestId('ds-readiness')).toContainText('缺材料');
  await expect(page.getByTestId('ds-readiness')).toContainText('未填写自评');
  await app.shot('ds-02-readiness');

  await page.getByTestId('ds-tab-indicators').click();
  await page.getByTestId('ds-ind-一-1').click();
  await expect(page.getByTestId('ds-drawer-value')).toBeVisible();
  await page.getByTestId('ds-ind-self').fill('我校专任教师学历全部达标，每百名学生拥有高于规定学历教师数逐年提高。');
  await page.getByTestId('ds-ind-save').click();
  await expect(page.getByTestId('ds-drawer').getByTestId(/ds-status-(complete|below)/)).toBeVisible();
  await app.shot('ds-03-indicator');
  await page.keyboard.press('Escape');

  await page.getByTestId('ds-tab-overall').click();
  await page.getByTestId('ds-overall').fill('我校对照评估指标逐项自查，各项工作扎实推进。');
  await page.getByTestId('ds-overall-save').click();

  await page.getByTestId('ds-tab-compose').click();
  await page.getByText('分盒 PDF（每个指标一册）').click(); // the whole file and Word only, to keep the test short
  await page.getByTestId('ds-compose').click();
  await expect(page.getByTestId('ds-output')).toBeVisible({ timeout: 240_000 });
  await app.shot('ds-04-composed');
  const out = (await app.api<DossierOutput>('dossier/output', { id: ins.id }))!;
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ds-download').first().click()]);
  const pdf = testInfo.outputPath('dossier.pdf');
  await dl.saveAs(pdf);
  if (canReadPdf) { // the PDF read back with poppler; skipped, with its line, where it is not installed
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBe(out.files[0].pages);
    expect(pdfText(pdf, 1).replace(/\s+/g, '')).toContain('迎检资料');
    expect(pdfText(pdf, 2).replace(/\s+/g, '')).toContain('目录');
    const divider = out.catalogue.find((e) => e.title.startsWith('一-1'))!;
    const dividerText = pdfText(pdf, divider.page + 1);
    expect(dividerText).toContain('我校专任教师学历全部达标');
    expect(dividerText.replace(/\s+/g, '')).toContain(`第${divider.page}页共${pages - 1}页`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, path.join(SCREENS, 'ds-05-cover-catalogue')]);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(divider.page + 1), '-l', String(divider.page + 1), pdf, path.join(SCREENS, 'ds-06-divider')]);
  }
});

test('the whole data archived to a folder, checked, and the encrypted option', async ({ app, page }) => {
  test.setTimeout(180_000);
  await app.firstRunWithSample();
  const stick = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-usb-'));
  await app.go('#/archive');
  await page.getByTestId('ar-kind').getByText('全部数据').click();
  await page.getByTestId('ar-target').fill(stick);
  await app.shot('ar-01-form');
  await page.getByTestId('ar-start').click();
  await expect(page.getByTestId('ar-result')).toContainText('已校验', { timeout: 120_000 });
  await app.shot('ar-02-verified');
  const bag = path.join(stick, fs.readdirSync(stick).find((n) => n.startsWith('教务台账归档-全部数据'))!);
  expect(fs.existsSync(path.join(bag, 'manifest-sha256.txt'))).toBe(true);

  await page.getByTestId('ar-check-path').fill(bag);
  await page.getByTestId('ar-check').click();
  await expect(page.getByTestId('ar-check-result')).toContainText('归档完好');
  // A file changed on the stick is named.
  const json = path.join(bag, 'data', 'jiaowu-archive.json');
  fs.appendFileSync(json, ' ');
  await page.getByTestId('ar-check').click();
  await expect(page.getByTestId('ar-check-changed')).toContainText('data/jiaowu-archive.json');
  await app.shot('ar-03-check');

  await page.getByTestId('ar-encrypt').click();
  await expect(page.getByTestId('ar-warning')).toContainText('无法找回');
  await page.getByTestId('ar-password').fill('abc');
  await expect(page.getByTestId('ar-strength')).toContainText('弱');
  await page.getByTestId('ar-password').fill('Jw-Archive-2026');
  await expect(page.getByTestId('ar-strength')).toContainText('强');
  await page.getByTestId('ar-confirm').fill('Jw-Archive-2025');
  await page.getByTestId('ar-start').click();
  await expect(page.getByTestId('ar-form')).toContainText('两次输入的密码不一致');
  await app.shot('ar-04-encrypt');
  fs.rmSync(stick, { recursive: true, force: true });
});
