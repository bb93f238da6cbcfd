/**
 * The timetable search in a worker thread, so the core keeps answering while it runs. Input: the problem, the
 * options and a shared stop flag; output: progress messages (best so far) and the result. Built to
 * dist-electron/solver-worker.cjs; run from source through tsx.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Problem, SolveOptions } from '../../../../shared/domain/timetable/solver/model';
import { solve } from '../../../../shared/domain/timetable/solver/search';

const { problem, options, stop } = workerData as { problem: Problem; options: SolveOptions; stop: SharedArrayBuffer };
const flag = new Int32Array(stop);
const result = solve(problem, options, {
  onProgress: (progress) => parentPort!.postMessage({ type: 'progress', progress }),
  shouldStop: () => Atomics.load(flag, 0) === 1,
});
parentPort!.postMessage({ type: 'done', result });
