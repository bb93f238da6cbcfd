/**
 * The typed contract between the renderer and the core: one map from a method name to its input schema
 * and output type. Both transports (Electron IPC, browser-mode HTTP) carry exactly these methods, and core
 * validates every input with the schema before a handler sees it.
 */
import type { z } from 'zod';
import type { FeatureName } from './features';
import type { OutputOf } from './method';
import { appContract } from './app';
import { schoolContract } from './school';
import { schoolYearsContract } from './school-years';
import { teachersContract } from './teachers';
import { studentsContract } from './students';
import { assignmentsContract } from './assignments';
import { importContract } from './import';
import { exportContract } from './export';
import { reportsContract } from './reports';
import { backupContract } from './backup';
import { auditContract } from './audit';
import { attachmentsContract } from './attachments';
import { timetableContract } from './timetable';
import { fetContract } from './fet';
import { curriculumContract } from './curriculum';
import { workloadContract } from './workload';
import { substitutionsContract } from './substitutions';
import { strugglingContract } from './struggling';
import { examsContract } from './exams';
import { routinePlansContract } from './routine-plans';
import { observationsContract } from './observations';
import { researchContract } from './research';
import { mentorsContract } from './mentors';
import { trainingContract } from './training';
import { monthlyCheckContract } from './monthly-check';
import { dossierContract } from './dossier';
import { archiveContract } from './archive';
import { schedulingContract } from './scheduling';

export * from './features';
export * from './entities';
export * from './common';
export { MAX_UPLOAD_BYTES } from './upload';
export * from './app';
export * from './school';
export * from './school-years';
export * from './teachers';
export * from './students';
export * from './assignments';
export * from './import';
export * from './export';
export * from './reports';
export * from './backup';
export * from './audit';
export * from './attachments';
export * from './timetable';
export * from './fet';
export * from './curriculum';
export * from './workload';
export * from './substitutions';
export * from './struggling';
export * from './exams';
export * from './routine-plans';
export * from './observations';
export * from './research';
export * from './mentors';
export * from './training';
export * from './monthly-check';
export * from './dossier';
export * from './archive';
export * from './scheduling';
export * from './jobs';

export const contract = {
  ...appContract,
  ...schoolContract,
  ...schoolYearsContract,
  ...teachersContract,
  ...studentsContract,
  ...assignmentsContract,
  ...importContract,
  ...exportContract,
  ...reportsContract,
  ...backupContract,
  ...auditContract,
  ...attachmentsContract,
  ...timetableContract,
  ...fetContract,
  ...curriculumContract,
  ...workloadContract,
  ...substitutionsContract,
  ...strugglingContract,
  ...examsContract,
  ...routinePlansContract,
  ...observationsContract,
  ...researchContract,
  ...mentorsContract,
  ...trainingContract,
  ...monthlyCheckContract,
  ...dossierContract,
  ...archiveContract,
  ...schedulingContract,
};

export type Contract = typeof contract;
export type Method = keyof Contract;
/** The methods of one feature: `FeatureMethod<'school'>` is 'school/getProfile' | 'school/listTerms' | ... */
export type FeatureMethod<N extends FeatureName> = Extract<Method, `${N}/${string}`>;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = OutputOf<Contract[M]>;
export const METHODS = Object.keys(contract) as Method[];

/** The one API surface the renderer sees; implemented by the IPC and HTTP transports. */
export interface ApiClient {
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: import('../errors').AppErrorShape };
