/** Shared bits of the mentor-pairs page: how a duty's progress and a level are shown. */
import type { DutyProgress } from '../../../../shared/contract';

export const STATUS_COLOR: Record<DutyProgress['status'], string> = { onTrack: 'success', atRisk: 'warning', short: 'error' };
export const LEVEL_COLOR: Record<string, string> = { 优秀: 'green', 良好: 'blue', 合格: 'default', 不合格: 'red' };

/** The colour of a duty cell: met green, behind red, ending soon orange, else neutral. */
export function dutyColor(d: DutyProgress): string {
  if (d.met) return 'success';
  if (d.endingSoon || d.status === 'atRisk') return 'warning';
  if (d.status === 'short') return 'error';
  return 'default';
}

export const fmt1 = (v: number | null | undefined) => (v === null || v === undefined ? '—' : (Math.round(v * 10) / 10).toFixed(1));
