/** What other features use of the dossier: its detail, its composed files (the archive copies them). */
export { inspectionDetail } from './detail';
export { dossierDir, fileBaseOf, readOutput } from './compose';
export { inspectionRow } from './inspections';
export { periodYears } from './period';
export { addSampleInspection } from './sample';
