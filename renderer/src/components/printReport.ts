/** Prints any catalogue report to PDF in core and saves it (a save dialog in Electron, a download in the browser). */
import type { Input } from '../../../shared/contract';
import { api, saveFile } from '../api/client';

export async function printReport(reportId: string, params: Input<'reports/pdf'>['params']): Promise<boolean> {
  return saveFile(await api.call('reports/pdf', { reportId, params }));
}
