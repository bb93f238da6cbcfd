/**
 * The archive to USB (归档): a dossier, a school year's records or the whole data written as a BagIt bag (or
 * one AES-256 zip) to a removable drive or a chosen folder, read back and verified; checking an archive found
 * on a stick; restoring the whole data from one.
 */
import { z } from 'zod';
import type { AppStatus } from './app';
import { id } from './fields';
import { JobRef, type JobStatus } from './jobs';
import { featureContract, method } from './method';

export { passwordStrength, MIN_ARCHIVE_PASSWORD, type PasswordStrength } from '../domain/archive/password';

export const ARCHIVE_KINDS = ['dossier', 'year', 'data'] as const;
export type ArchiveKind = (typeof ARCHIVE_KINDS)[number];

/** A folder given by the user: absolute (checked again in core: no `..`, exists, writable). */
const folder = z.string().trim().min(1, 'required').max(500, 'tooLong');

export const ArchiveStartSchema = z.object({
  kind: z.enum(ARCHIVE_KINDS),
  inspectionId: id.optional(),
  schoolYearId: id.optional(),
  target: folder,
  /** Encrypted: one zip. The password is passed through to the writer and never stored or logged. */
  encrypt: z.boolean().default(false),
  password: z.string().max(200, 'tooLong').optional(),
  confirm: z.string().max(200, 'tooLong').optional(),
}).superRefine((v, ctx) => {
  if (v.kind === 'dossier' && !v.inspectionId) ctx.addIssue({ code: 'custom', path: ['inspectionId'], message: 'required' });
  if (v.kind === 'year' && !v.schoolYearId) ctx.addIssue({ code: 'custom', path: ['schoolYearId'], message: 'required' });
  if (v.encrypt && !v.password) ctx.addIssue({ code: 'custom', path: ['password'], message: 'required' });
  if (v.encrypt && v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'archivePasswordMismatch' });
});

export interface ArchiveTarget { path: string; label: string; freeBytes: number; totalBytes: number; removable: boolean }
export interface ArchiveTargets { platform: string; drives: ArchiveTarget[] }

export interface ArchiveResult { path: string; files: number; bytes: number; encrypted: boolean; seconds: number }

export interface ArchiveCheck {
  kind: 'bag' | 'zip';
  valid: boolean; files: number; bytes: number;
  changed: string[]; missing: string[]; added: string[]; problems: string[];
  /** bag-info.txt: school, what, period, date, app version. */
  info: Record<string, string>;
}

export const archiveContract = featureContract('archive', {
  'archive/targets': method(z.object({}).default({})).returns<ArchiveTargets>(),
  'archive/start': method(ArchiveStartSchema).returns<JobStatus<ArchiveResult>>(),
  'archive/job': method(JobRef).returns<JobStatus<ArchiveResult>>(),
  'archive/cancel': method(JobRef).returns<JobStatus<ArchiveResult>>(),
  'archive/check': method(z.object({ path: folder, password: z.string().max(200).optional() })).returns<ArchiveCheck>(),
  'archive/restore': method(z.object({ path: folder })).returns<AppStatus>(),
});
