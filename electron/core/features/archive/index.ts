/** The archive to USB (归档): dossiers, a school year's records and the whole data as verified BagIt bags. */
import { defineFeature } from '../../platform/feature';
import { archiveHandlers } from './handlers';

export const archiveFeature = defineFeature({ name: 'archive', handlers: archiveHandlers });
