/** What other renderer features use of the dossier: the job poller and the byte formatter. */
export { formatBytes, useJob } from './useJob';
