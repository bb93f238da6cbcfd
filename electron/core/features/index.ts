/**
 * Every feature of the app, in one list: the handler registry and the report catalogue are folded from it
 * (platform/feature.ts foldHandlers, platform/report/catalogue.ts). Adding a feature is one folder and one line here.
 */
import type { FeatureName } from '../../../shared/contract';
import type { AnyFeatureDef } from '../platform/feature';
import { appFeature } from './app';
import { schoolFeature } from './school';
import { schoolYearsFeature } from './school-years';
import { teachersFeature } from './teachers';
import { studentsFeature } from './students';
import { assignmentsFeature } from './assignments';
import { importFeature } from './import';
import { exportFeature } from './export';
import { reportsFeature } from './reports';
import { backupFeature } from './backup';
import { auditFeature } from './audit';
import { attachmentsFeature } from './attachments';
import { timetableFeature } from './timetable';
import { fetFeature } from './fet';
import { schedulingFeature } from './scheduling';
import { curriculumFeature } from './curriculum';
import { workloadFeature } from './workload';
import { substitutionsFeature } from './substitutions';
import { strugglingFeature } from './struggling';
import { examsFeature } from './exams';
import { routinePlansFeature } from './routine-plans';
import { observationsFeature } from './observations';
import { researchFeature } from './research';
import { mentorsFeature } from './mentors';
import { trainingFeature } from './training';
import { monthlyCheckFeature } from './monthly-check';
import { dossierFeature } from './dossier';
import { archiveFeature } from './archive';

export const FEATURES = [
  appFeature,
  schoolFeature,
  schoolYearsFeature,
  teachersFeature,
  studentsFeature,
  assignmentsFeature,
  importFeature,
  exportFeature,
  reportsFeature,
  backupFeature,
  auditFeature,
  attachmentsFeature,
  timetableFeature,
  schedulingFeature,
  fetFeature,
  curriculumFeature,
  workloadFeature,
  substitutionsFeature,
  strugglingFeature,
  examsFeature,
  routinePlansFeature,
  observationsFeature,
  researchFeature,
  mentorsFeature,
  trainingFeature,
  monthlyCheckFeature,
  dossierFeature,
  archiveFeature,
] as const;

// Every feature name of the contract has its entry above (a missing one is a type error here).
type Missing = Exclude<FeatureName, (typeof FEATURES)[number]['name']>;
const everyFeatureListed: [Missing] extends [never] ? true : Missing = true;
void everyFeatureListed;

/** The features as the platform sees them. */
export const ALL_FEATURES: readonly AnyFeatureDef[] = FEATURES;
