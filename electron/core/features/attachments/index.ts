/** Attached files, downloaded as stored. */
import { defineFeature } from '../../platform/feature';
import { attachmentsHandlers } from './handlers';

export const attachmentsFeature = defineFeature({ name: 'attachments', handlers: attachmentsHandlers });
