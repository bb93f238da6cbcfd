/** Teachers (教师名册) and the teacher roster printout. */
import { defineFeature } from '../../platform/feature';
import { teachersHandlers } from './handlers';
import { TEACHER_ROSTER_REPORT } from './teacher-roster-report';

export const teachersFeature = defineFeature({ name: 'teachers', handlers: teachersHandlers, reports: [TEACHER_ROSTER_REPORT] });
