/** Shared bits of the struggling-student page: lookups, the status colours and the PDF printout helper. */
import type { Input, SchoolClass, Subject, Teacher } from '../../../../shared/contract';
import type { StrugglingStatus } from '../../../../shared/contract';
import { api, saveFile } from '../../api/client';
import { schoolDay } from '../../../../shared/domain/dates';

export interface Lookups {
  teachers: Teacher[];
  classes: SchoolClass[];
  subjects: Subject[];
}

export const STATUS_COLOR: Record<StrugglingStatus, string> = {
  帮扶中: 'processing',
  已转化: 'success',
  继续帮扶: 'warning',
  转出: 'default',
};

/** Renders a report as PDF in core and saves it (save dialog in Electron, a download in the browser). */
export async function printPdf(reportId: 'struggling-file' | 'struggling-roster', params: Input<'reports/pdf'>['params']): Promise<boolean> {
  const file = await api.call('reports/pdf', { reportId, params });
  return saveFile(file);
}

/** A rate 0..1 as a percentage with one decimal; '—' when it cannot be computed. */
export const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);

export const today = () => schoolDay();
