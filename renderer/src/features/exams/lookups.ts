import type { Grade, SchoolClass, Subject } from '../../../../shared/contract';

/** The school's grades, subjects and classes, loaded once by the exams page and handed to its tabs. */
export interface Lookups { grades: Grade[]; subjects: Subject[]; classes: SchoolClass[] }
