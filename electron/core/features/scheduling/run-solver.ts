/**
 * Runs the search in a worker thread: progress comes back as messages, stopping sets a shared flag the search
 * polls (it then returns its best so far). From source (tsx, vitest) the worker is the .ts file loaded through
 * tsx; in a build it is solver-worker.cjs beside the bundle, whose text is handed to the worker (eval), so
 * it runs from inside app.asar too: only native .node files are unpacked (electron-builder.yml asarUnpack).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Problem, SolveOptions, SolveProgress, SolveResult } from '../../../../shared/domain/timetable/solver/model';

function workerFile(): { file: string; fromSource?: boolean } {
  // Electron's fs reads inside app.asar; a Worker given a path there could not load it, so the text is passed.
  const built = path.join(__dirname, 'solver-worker.cjs');
  if (fs.existsSync(built)) return { file: built };
  const source = path.join(__dirname, 'solver-worker.ts');
  if (fs.existsSync(source)) return { file: source, fromSource: true };
  throw new Error(`solver worker not found near ${__dirname}`);
}

export function runSolver(problem: Problem, options: SolveOptions, opts: { signal?: AbortSignal; onProgress?: (p: SolveProgress) => void } = {}): Promise<SolveResult> {
  const stop = new SharedArrayBuffer(4);
  const flag = new Int32Array(stop);
  const { file, fromSource } = workerFile();
  const workerData = { problem, options, stop };
  // From source the worker registers tsx's require hook first (a loader flag is not passed on to worker threads).
  const worker = fromSource
    ? new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(file)});`, { eval: true, workerData })
    : new Worker(fs.readFileSync(file, 'utf8'), { eval: true, workerData });
  const onAbort = () => Atomics.store(flag, 0, 1);
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener('abort', onAbort);
  return new Promise<SolveResult>((resolve, reject) => {
    let result: SolveResult | null = null;
    worker.on('message', (m: { type: 'progress'; progress: SolveProgress } | { type: 'done'; result: SolveResult }) => {
      if (m.type === 'progress') opts.onProgress?.(m.progress);
      else result = m.result;
    });
    worker.on('error', (e) => reject(e));
    worker.on('exit', (code) => {
      opts.signal?.removeEventListener('abort', onAbort);
      if (result) resolve(result);
      else reject(new Error(`solver worker exited with code ${code}`));
    });
  });
}
