/** The app itself: its status, the operator, first run (sample or new school) and recovery. */
import { z } from 'zod';
import type { BackupInfo } from './entities';
import { SchoolProfileSchema } from './entities';
import { Empty } from './common';
import { featureContract, method } from './method';

export type AppState = 'ok' | 'damaged' | 'newer';
export interface AppStatus {
  state: AppState;
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  dbFile: string;
  hasSchool: boolean;
  isSample: boolean;
  operator: string | null;
  currentTermId: number | null;
  /** For 'damaged' and 'newer': what went wrong, as an i18n key under errors. */
  problemKey?: string;
  problemParams?: Record<string, string | number>;
  /** For 'damaged': backups that passed their own quick_check, newest first. */
  goodBackups?: BackupInfo[];
}

export const appContract = featureContract('app', {
  'app/status': method(Empty).returns<AppStatus>(),
  'app/setOperator': method(z.object({ name: z.string().trim().min(1, 'required').max(30, 'tooLong') })).returns<AppStatus>(),
  'app/loadSample': method(Empty).returns<AppStatus>(),
  'app/createSchool': method(SchoolProfileSchema).returns<AppStatus>(),
  'app/restoreDamaged': method(z.object({ file: z.string().min(1) })).returns<AppStatus>(),
  /** Recovery page: set the damaged (or missing) database aside and start an empty one. */
  'app/startEmpty': method(Empty).returns<AppStatus>(),
});
