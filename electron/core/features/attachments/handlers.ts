/** Attached files (a lesson plan's scan) as they were stored. */
import type { FeatureMethod } from '../../../../shared/contract';
import { attachmentStore } from '../../platform/attachments/store';
import type { HandlerMap } from '../../platform/handlers';

export const attachmentsHandlers: HandlerMap<FeatureMethod<'attachments'>> = {
  'attachments/download': ({ id }, ctx) => attachmentStore(ctx).download(id),
};
