/** Files attached to records (a lesson plan's scan), downloaded as they were stored. */
import { IdOnly, type FilePayload } from './common';
import { featureContract, method } from './method';

export const attachmentsContract = featureContract('attachments', {
  'attachments/download': method(IdOnly).returns<FilePayload>(),
});
