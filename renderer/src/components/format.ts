/** Small display helpers shared by the backup, recovery and audit pages. */
import dayjs from 'dayjs';
import { schoolDateTime } from '../../../shared/domain/dates';

type T = (key: string, opts?: Record<string, unknown>) => string;

/** An ISO timestamp on the school's clock (Asia/Shanghai, whatever the PC's zone), e.g. 2025-09-01 08:30. */
export function formatTime(iso: string, withSeconds = false): string {
  return dayjs(iso).isValid() ? schoolDateTime(iso, withSeconds) : iso;
}

/** File size in KB below 1 MB, else MB with one decimal. */
export function formatSize(t: T, bytes: number): string {
  if (bytes < 1024 * 1024) return t('tools.common.sizeKB', { n: Math.max(1, Math.round(bytes / 1024)) });
  return t('tools.common.sizeMB', { n: (bytes / 1024 / 1024).toFixed(1) });
}

/** A translated name for a code under `prefix`, or the code itself when there is no translation. */
export function labelFor(t: T, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  const s = t(key);
  return s === key ? code : s;
}
