/** What other features may use of the struggling feature. */
export { addSampleStrugglingFiles } from './sample';
