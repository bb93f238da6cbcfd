/** Backups: the list, one now, one to a folder, restore. */
import { z } from 'zod';
import type { AppStatus } from './app';
import type { BackupInfo } from './entities';
import { Empty } from './common';
import { featureContract, method } from './method';

export const backupContract = featureContract('backup', {
  'backup/list': method(Empty).returns<BackupInfo[]>(),
  'backup/create': method(Empty).returns<BackupInfo>(),
  'backup/createManual': method(z.object({ dir: z.string().trim().min(1, 'required') })).returns<{ file: string; size: number }>(),
  'backup/restore': method(z.object({ file: z.string().min(1) })).returns<AppStatus>(),
});
