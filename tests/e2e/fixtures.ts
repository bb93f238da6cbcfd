/**
 * E2E fixtures: each test gets a fresh data folder and its own browser-mode server (the real core, the built
 * renderer), plus page objects for the screens the flows use.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../../electron/server/server';

export const SCREENS = path.resolve(__dirname, '../../test-results/screens');

interface Fixtures {
  dataDir: string;
  server: RunningServer;
  app: AppPage;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-e2e-'));
    await use(path.join(dir, '教务 数据'));
  },
  server: async ({ dataDir }, use) => {
    const s = await startServer({ dataDir, rendererDir: path.resolve(__dirname, '../../dist/renderer') });
    await use(s);
    await s.close();
  },
  app: async ({ page, server }, use) => {
    await use(new AppPage(page, server));
  },
});
export { expect };

export class AppPage {
  constructor(readonly page: Page, readonly server: RunningServer) {}

  async open(): Promise<void> {
    await this.page.goto(this.server.url);
  }

  /**
   * The first run every flow starts from: the operator's name, then the sample school. With `shots`, the two
   * welcome steps are photographed (01-welcome-operator, 02-welcome-school).
   */
  async firstRunWithSample(opts: { shots?: boolean } = {}): Promise<void> {
    const { page } = this;
    await this.open();
    await page.getByTestId('welcome-operator-input').fill('教务干事小李');
    if (opts.shots) await this.shot('01-welcome-operator');
    await page.getByTestId('welcome-operator-submit').click();
    await expect(page.getByTestId('welcome-load-sample')).toBeVisible();
    if (opts.shots) await this.shot('02-welcome-school');
    await page.getByTestId('welcome-load-sample').click();
    await expect(page.getByTestId('sample-tag')).toBeVisible();
  }

  async shot(name: string): Promise<void> {
    fs.mkdirSync(SCREENS, { recursive: true });
    await this.page.screenshot({ path: path.join(SCREENS, `${name}.png`) });
  }

  /** Calls the API directly (to check what the UI wrote). */
  async api<T = unknown>(method: string, input: unknown = {}): Promise<T> {
    const res = await fetch(`http://127.0.0.1:${this.server.port}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-jiaowu-token': this.server.token },
      body: JSON.stringify(input),
    });
    const j = (await res.json()) as { ok: boolean; data: T; error?: unknown };
    if (!j.ok) throw new Error(JSON.stringify(j.error));
    return j.data;
  }

  async go(route: string): Promise<void> {
    await this.page.evaluate(`window.location.hash = ${JSON.stringify(route)}`);
  }

  grid(id: string) {
    return this.page.getByTestId(`grid-${id}`);
  }
}
