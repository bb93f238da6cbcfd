/** What every benchmark figure gets: a generated large school to copy, temp folders, and the figure shape. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core } from '../electron/core/app';
import type { PdfPort } from '../electron/core/platform/report/pdf-port';
import { generateLargeSchool, type GeneratedSchoolSummary } from '../electron/core/features/app/sample-school';

export interface BenchEnv {
  /** A closed data folder holding the large school; never write to it, open a copy. */
  largeSchoolDir: string;
  largeSchool: GeneratedSchoolSummary;
  /** Opens a private copy of the large school (so figures that write do not disturb each other). */
  openLargeSchool(opts?: { pdf?: PdfPort | null }): Promise<Core>;
  /** A fresh empty temp folder, removed when the bench ends. */
  tempDir(): string;
}

export interface FigureResult {
  value: number;
  /** Extra figures measured on the way (e.g. the page count of a printout). */
  more?: { name: string; value: number; unit: string }[];
}

export interface Figure {
  name: string;
  unit: string;
  /** The value must stay below this (same unit). */
  target?: number;
  run(env: BenchEnv): Promise<number | FigureResult>;
}

/** Thrown by a figure whose dependency is not there yet: printed as `bench: NAME skipped (reason)`. */
export class SkipFigure extends Error {}

/** Milliseconds taken by `fn`, rounded to a tenth. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return Math.round((performance.now() - t0) * 10) / 10;
}

/** Median of `runs` timings: small figures are noisy. */
export async function medianMs(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeMs(fn));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** A module still being written answers with AppError 'notImplemented': that is a skip, not a failure. */
export function skipIfNotReady(e: unknown, what: string): never {
  const key = (e as { key?: string })?.key;
  if (key === 'notImplemented' || key === 'unknownMethod') throw new SkipFigure(`${what} not implemented yet`);
  throw e;
}

export function createEnv(): { env: BenchEnv; setup(): Promise<void>; cleanup(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-bench-'));
  let n = 0;
  const tempDir = () => {
    const d = path.join(root, `d${++n}`);
    fs.mkdirSync(d);
    return d;
  };
  const env: BenchEnv = {
    largeSchoolDir: path.join(root, 'large'),
    largeSchool: undefined as unknown as GeneratedSchoolSummary,
    tempDir,
    async openLargeSchool(opts = {}) {
      const dir = tempDir();
      fs.cpSync(env.largeSchoolDir, dir, { recursive: true });
      return Core.open({ dataDir: dir, pdf: opts.pdf ?? null, noDailyBackup: true });
    },
  };
  return {
    env,
    async setup() {
      const core = await Core.open({ dataDir: env.largeSchoolDir, noDailyBackup: true });
      try {
        env.largeSchool = generateLargeSchool(core.context(), { classes: 60, students: 3000, teachers: 250 });
      } finally {
        await core.close();
      }
    },
    cleanup() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The Chromium PDF port for figures that print; a machine without Chromium skips them. */
/** A PDF port that adds up the time spent inside Chromium (setContent, fonts, page.pdf). */
export interface TimedPdfPort extends PdfPort { chromiumMs: number; reset(): void }

export async function chromiumPdfPortOrSkip(): Promise<TimedPdfPort> {
  let port: PdfPort;
  try {
    const { createChromiumPdfPort } = await import('../electron/server/pdf-chromium');
    port = createChromiumPdfPort();
  } catch (e) {
    throw new SkipFigure(`Chromium PDF port not available: ${(e as Error).message}`);
  }
  const timed: TimedPdfPort = {
    chromiumMs: 0,
    reset() { timed.chromiumMs = 0; },
    async htmlToPdf(html, o) {
      const t0 = performance.now();
      try { return await port.htmlToPdf(html, o); } finally { timed.chromiumMs += performance.now() - t0; }
    },
    async svgToPng(svg, o) {
      const t0 = performance.now();
      try { return await port.svgToPng!(svg, o); } finally { timed.chromiumMs += performance.now() - t0; }
    },
    close: () => port.close?.() ?? Promise.resolve(),
  };
  return timed;
}

/** Chromium's share of a PDF figure: how much of it is the browser rendering the final HTML, the rest being ours. */
export function chromiumShare(name: string, port: TimedPdfPort, totalMs: number) {
  return { name: `${name}_chromium_share`, value: totalMs > 0 ? Math.round((port.chromiumMs / totalMs) * 100) / 100 : 0, unit: 'share' };
}
