/** What other features may use of the training feature (the import writes entries; the sample school; the dossier reads the indicators). */
export { yearIndicators } from './indicators';
export { cycleReport } from './cycle-report';
export { levelFromText, writeTrainingEntries, type TrainingOp } from './import-write';
export { addSampleTraining } from './sample';
