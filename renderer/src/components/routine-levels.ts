/** Small pieces the observation and monthly-check pages share: tag colours and month labels. */
import type { QuotaStatus } from '../../../shared/contract';

export const LEVEL_COLOR: Record<string, string> = { 优: 'green', 良: 'blue', 合格: 'gold', 不合格: 'red' };
export const QUOTA_STATUS_COLOR: Record<QuotaStatus, string> = { onTrack: 'green', atRisk: 'orange', short: 'red' };
export const SHEET_STATUS_COLOR: Record<string, string> = { 未查: 'default', 已查: 'blue', 已确认: 'green' };

/** 'YYYY-MM' as the UI shows it (2025年9月 / 2025-09). */
export function monthLabel(t: (k: string, o?: Record<string, unknown>) => string, month: string): string {
  return t('monthly.monthLabel', { y: Number(month.slice(0, 4)), m: Number(month.slice(5, 7)) });
}

/** The month of a date, 'YYYY-MM'. */
export const monthOf = (isoDate: string) => isoDate.slice(0, 7);
