import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../electron/server/server';
import { findChromium } from '../../electron/server/pdf-chromium';
import { SkipFigure, type Figure } from '../env';

/**
 * How smoothly the whole-school master grid (60 classes x 40 periods) scrolls in the real renderer: the page scrolls
 * the grid's body top to bottom and back in 40 steps, one per animation frame, and the figure is the 95th-percentile
 * frame time (16.7 ms = 60 frames a second). Measured in headless Chromium against browser mode.
 */
const figure: Figure = {
  name: 'master_grid_scroll_60_p95_frame',
  unit: 'ms',
  target: 50,
  async run(env) {
    const rendererDir = path.resolve(__dirname, '../../dist/renderer');
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new SkipFigure('renderer not built (npm run build:renderer)');
    const executablePath = findChromium();
    if (!executablePath) throw new SkipFigure('no Chromium');
    const dataDir = env.tempDir();
    fs.cpSync(env.largeSchoolDir, dataDir, { recursive: true });
    const server = await startServer({ dataDir, pdf: null, noDailyBackup: true, rendererDir });
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      await server.core.call('app/setOperator', { name: 'bench' });
      await server.core.call('school/setCurrentTerm', { id: env.largeSchool.currentTermId });
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(server.url + '#/timetable-views?tab=master');
      await page.getByTestId('tv-master-grid').locator('.ag-cell[col-id="className"]').first().waitFor({ timeout: 60_000 });
      // A string, so the Node-side type-check needs no DOM types.
      const frames = (await page.evaluate(`(async () => {
        const grid = document.querySelector('[data-testid="tv-master-grid"]');
        const vp = [...grid.querySelectorAll('[class*="viewport"]')].find((e) => e.scrollHeight > e.clientHeight + 10);
        if (!vp) return { error: 'no scrollable viewport: ' + [...grid.querySelectorAll('[class*="viewport"]')].map((e) => e.className).join(' | ') };
        const times = [];
        const max = vp.scrollHeight - vp.clientHeight;
        let last = performance.now();
        for (let i = 0; i <= 80; i++) {
          const step = i <= 40 ? i : 80 - i;
          vp.scrollTop = (max * step) / 40;
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          const now = performance.now();
          times.push(now - last);
          last = now;
        }
        return times.slice(1);
      })()`)) as number[] | { error: string };
      if (!Array.isArray(frames)) throw new Error(frames.error);
      frames.sort((a, b) => a - b);
      const p95 = frames[Math.floor(frames.length * 0.95)];
      const mean = frames.reduce((a, b) => a + b, 0) / frames.length;
      return { value: Math.round(p95 * 10) / 10, more: [{ name: 'master_grid_scroll_60_mean_frame', value: Math.round(mean * 10) / 10, unit: 'ms' }] };
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
export default figure;
