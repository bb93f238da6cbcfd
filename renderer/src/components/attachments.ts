/** Files attached to records (a plan's scan, a certificate, a report lesson's slides): what may be picked, and the download. */
import type { AttachmentInfo } from '../../../shared/contract';
import { api, saveFile } from '../api/client';

export const ATTACHMENT_FILE_TYPES = ['docx', 'pdf', 'jpg', 'jpeg', 'png'] as const;
export const ATTACHMENT_MAX_MB = 30;

/** Checks a picked file; returns the i18n key of the problem, or null when it may be uploaded. */
export function attachmentFileProblem(f: { name: string; size: number }): { key: string; params?: Record<string, string | number> } | null {
  const ext = f.name.split('.').pop()?.toLowerCase() ?? '';
  if (!(ATTACHMENT_FILE_TYPES as readonly string[]).includes(ext)) return { key: 'routine.plans.badFileType', params: { name: f.name } };
  if (f.size > ATTACHMENT_MAX_MB * 1024 * 1024) return { key: 'routine.plans.fileTooLarge', params: { name: f.name, max: ATTACHMENT_MAX_MB } };
  if (f.size === 0) return { key: 'routine.plans.fileEmpty', params: { name: f.name } };
  return null;
}

export async function downloadAttachment(a: AttachmentInfo): Promise<boolean> {
  return saveFile(await api.call('attachments/download', { id: a.id }));
}
