/** Backups: one now, one to a folder (the list and restore are Core's own: they reopen the database). */
import { defineFeature } from '../../platform/feature';
import { backupHandlers } from './handlers';

export const backupFeature = defineFeature({ name: 'backup', handlers: backupHandlers });
