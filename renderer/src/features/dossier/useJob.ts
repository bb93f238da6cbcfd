/** Polls a job (composing a dossier, writing an archive) until it finishes; the page shows its progress. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../../shared/contract';

export function useJob<R>(poll: (jobId: string) => Promise<JobStatus<R>>, onFinished: (s: JobStatus<R>) => void): {
  job: JobStatus<R> | null; start: (s: JobStatus<R>) => void; clear: () => void;
} {
  const [job, setJob] = useState<JobStatus<R> | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = window.setTimeout(() => {
      poll(job.id).then((s) => {
        setJob(s);
        if (s.state !== 'running') finished.current(s);
      }, () => window.setTimeout(() => setJob((j) => (j ? { ...j } : j)), 1000));
    }, 400);
    return () => window.clearTimeout(timer);
  }, [job, poll]);
  const start = useCallback((s: JobStatus<R>) => setJob(s), []);
  const clear = useCallback(() => setJob(null), []);
  return { job, start, clear };
}

/** 1.2 GB / 35 MB / 120 KB. */
export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1e3))} KB`;
}
