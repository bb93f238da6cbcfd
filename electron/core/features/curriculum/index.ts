/** The curriculum standard (课程设置) and the 开齐开足 check, with its printout. */
import { defineFeature } from '../../platform/feature';
import { curriculumHandlers } from './handlers';
import { COMPLIANCE_REPORT } from './compliance-report';

export const curriculumFeature = defineFeature({ name: 'curriculum', handlers: curriculumHandlers, reports: [COMPLIANCE_REPORT] });
