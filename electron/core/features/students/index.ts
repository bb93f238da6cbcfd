/** Students (学生名册) and the class lists printout. */
import { defineFeature } from '../../platform/feature';
import { studentsHandlers } from './handlers';
import { CLASS_LISTS_REPORT } from './class-lists-report';

export const studentsFeature = defineFeature({ name: 'students', handlers: studentsHandlers, reports: [CLASS_LISTS_REPORT] });
