/**
 * The features, each with one name: its method prefix (`school/listTerms`), its contract file
 * (shared/contract/school.ts), its core folder (electron/core/features/school/) and its renderer folder
 * (renderer/src/features/school/). The order is the README's feature table and the report catalogue's (the Reports page lists sections and
 * reports in it).
 */
export const FEATURE_NAMES = [
  'app', 'school', 'school-years', 'teachers', 'students', 'assignments', 'import', 'export', 'reports', 'backup', 'audit',
  'attachments', 'timetable', 'scheduling', 'fet', 'curriculum', 'workload', 'substitutions', 'struggling', 'exams',
  'routine-plans', 'observations', 'research', 'mentors', 'training', 'monthly-check', 'dossier', 'archive',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
