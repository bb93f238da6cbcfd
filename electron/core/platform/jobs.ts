/**
 * Jobs: long tasks that outlive the call that started them (composing a dossier, writing an archive). The
 * starting call returns the job's status at once; the page polls it and may cancel it. A job's work awaits
 * between steps (the PDF engine, a yield every few megabytes), so the core keeps answering other calls.
 *
 * Jobs live in memory: a closed app has none running, and a half-done job has left nothing under a final name
 * (both writers go through temporary names).
 */
import crypto from 'node:crypto';
import type { JobStatus } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';

export interface JobHandle {
  readonly signal: AbortSignal;
  /** Moves the progress on (any field); the time left is estimated from it. */
  progress(p: Partial<Pick<JobStatus, 'phase' | 'done' | 'total' | 'bytes' | 'totalBytes' | 'metrics'>>): void;
}

interface Job { status: JobStatus; abort: AbortController; startedMs: number; owner: string }

const JOBS = new Map<string, Job>();
const KEEP_FINISHED = 20;

/** Copies a job's status out (callers never hold the live object). */
const snapshot = <R>(j: Job): JobStatus<R> => ({ ...j.status, metrics: j.status.metrics ? { ...j.status.metrics } : undefined, error: j.status.error ? { ...j.status.error } : null }) as JobStatus<R>;

/**
 * Starts `work` as a job of `kind`; `owner` scopes it (a data folder), so one school's page never sees
 * another's jobs. Only one job of a kind runs per owner at a time: a second start is CONFLICT jobRunning.
 */
export function startJob<R>(owner: string, kind: string, work: (job: JobHandle) => Promise<R>): JobStatus<R> {
  for (const j of JOBS.values()) {
    if (j.owner === owner && j.status.kind === kind && j.status.state === 'running') throw new AppError('CONFLICT', 'jobRunning', { kind });
  }
  const id = crypto.randomUUID();
  const abort = new AbortController();
  const job: Job = {
    owner, abort, startedMs: Date.now(),
    status: {
      id, kind, state: 'running', phase: 'start', done: 0, total: 0, bytes: 0, totalBytes: 0,
      startedAt: new Date().toISOString(), etaSeconds: null, error: null, result: null,
    },
  };
  JOBS.set(id, job);
  prune();
  const handle: JobHandle = {
    signal: abort.signal,
    progress(p) {
      Object.assign(job.status, p);
      job.status.etaSeconds = eta(job);
    },
  };
  // Runs after this call returns: the caller gets the status first.
  setImmediate(() => {
    work(handle).then(
      (result) => { Object.assign(job.status, { state: 'done', result, etaSeconds: 0 }); },
      (e: unknown) => {
        const err = e instanceof AppError ? e : null;
        if (abort.signal.aborted) {
          Object.assign(job.status, { state: 'cancelled', etaSeconds: null, error: { code: 'IO', key: 'jobCancelled' } });
        } else {
          Object.assign(job.status, {
            state: 'failed', etaSeconds: null,
            error: err ? { code: err.code, key: err.key, params: err.params } : { code: 'INTERNAL', key: 'internal', params: { detail: String((e as Error)?.message ?? e).slice(0, 300) } },
          });
        }
      },
    );
  });
  return snapshot<R>(job);
}

/** Seconds left from the pace so far: by bytes when the job counts bytes, else by steps. */
function eta(j: Job): number | null {
  const s = j.status;
  const elapsed = (Date.now() - j.startedMs) / 1000;
  const [done, total] = s.totalBytes > 0 ? [s.bytes, s.totalBytes] : [s.done, s.total];
  if (done <= 0 || total <= 0 || elapsed < 0.5) return null;
  return Math.max(0, Math.round((elapsed * (total - done)) / done));
}

function prune(): void {
  const finished = [...JOBS.values()].filter((j) => j.status.state !== 'running');
  for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) JOBS.delete(j.status.id);
}

function find(owner: string, kind: string, id: string): Job {
  const j = JOBS.get(id);
  if (!j || j.owner !== owner || j.status.kind !== kind) throw new AppError('NOT_FOUND', 'jobNotFound', { id });
  return j;
}

export function jobStatus<R>(owner: string, kind: string, id: string): JobStatus<R> {
  return snapshot<R>(find(owner, kind, id));
}

/** Asks a running job to stop; it stops at its next step and leaves nothing half-written under a final name. */
export function cancelJob<R>(owner: string, kind: string, id: string): JobStatus<R> {
  const j = find(owner, kind, id);
  if (j.status.state === 'running') j.abort.abort();
  return snapshot<R>(j);
}
