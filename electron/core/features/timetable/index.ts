/** Timetables: settings, rooms, unavailable times, lessons, taught periods, Excel interchange and the printouts. */
import { defineFeature } from '../../platform/feature';
import { timetableExcelHandlers } from './excel-handlers';
import { timetableHandlers } from './handlers';
import { TIMETABLE_REPORTS } from './reports';

export const timetableFeature = defineFeature({ name: 'timetable', handlers: { ...timetableHandlers, ...timetableExcelHandlers }, reports: [...TIMETABLE_REPORTS] });
