/**
 * A long task (composing a dossier, writing an archive) runs as a job: the call that starts it returns at
 * once, the page polls its progress, and it can be cancelled. The rest of the app keeps answering meanwhile.
 */
import { z } from 'zod';

export const JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobStatus<R = unknown> {
  id: string;
  kind: string;
  state: JobState;
  /** What it is doing now, a message key (dossier.phase.render, archive.phase.verify, ...). */
  phase: string;
  done: number; total: number;
  bytes: number; totalBytes: number;
  /** Live figures of the work (the timetable search's best so far: hard, soft, iterations, ms). */
  metrics?: Record<string, number | null>;
  startedAt: string;
  /** Seconds left, estimated from the pace so far; null until there is a pace. */
  etaSeconds: number | null;
  /** The failure, as an AppError's code/key/params. */
  error: { code: string; key: string; params?: Record<string, string | number> } | null;
  result: R | null;
}

export const JobRef = z.object({ jobId: z.string().regex(/^[a-z0-9-]{8,64}$/, 'invalid') });
