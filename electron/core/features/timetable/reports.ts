/** The timetable printouts as catalogue entries (spread into REPORTS in catalogue.ts). */
import type { ReportDef } from '../../platform/report/catalogue';
import type { ReportParams } from '../../platform/report/header';
import type { CoreContext } from '../../platform/context';
import { loadMaster, MASTER_SETUP, MASTER_TITLE, renderMaster } from './print/master';
import {
  CLASS_TIMETABLES_TITLE, loadClassTimetables, loadRoomTimetables, loadTeacherTimetables, renderClassTimetables,
  renderRoomTimetables, renderTeacherTimetables, ROOM_TIMETABLES_TITLE, TEACHER_TIMETABLES_TITLE, TIMETABLE_PAGE_SETUP,
} from './print/pages';

function entry<D>(def: ReportDef<D>): ReportDef<unknown> {
  return def as unknown as ReportDef<unknown>;
}
const common = { module: 'timetable', formats: ['pdf', 'html'] as ('pdf' | 'html')[] };

export const TIMETABLE_REPORTS: ReportDef<unknown>[] = [
  entry({
    id: 'class-timetables', title: CLASS_TIMETABLES_TITLE, titleKey: 'reports.class-timetables', ...common,
    params: ['termId', 'classIds', 'gradeLevels', 'effectiveFrom'], ...TIMETABLE_PAGE_SETUP,
    load: loadClassTimetables, render: renderClassTimetables,
  }),
  entry({
    id: 'teacher-timetables', title: TEACHER_TIMETABLES_TITLE, titleKey: 'reports.teacher-timetables', ...common,
    params: ['termId', 'teacherIds', 'effectiveFrom'], ...TIMETABLE_PAGE_SETUP,
    load: loadTeacherTimetables, render: renderTeacherTimetables,
  }),
  entry({
    id: 'master-timetable', title: MASTER_TITLE, titleKey: 'reports.master-timetable', ...common,
    params: ['termId', 'classIds', 'gradeLevels', 'effectiveFrom', 'showTeachers'], ...MASTER_SETUP,
    load: (ctx: CoreContext, p: ReportParams) => loadMaster(ctx, p), render: renderMaster,
  }),
  entry({
    id: 'room-timetables', title: ROOM_TIMETABLES_TITLE, titleKey: 'reports.room-timetables', ...common,
    params: ['termId', 'roomIds', 'effectiveFrom', 'includeEmptyRooms'], ...TIMETABLE_PAGE_SETUP,
    load: loadRoomTimetables, render: renderRoomTimetables,
  }),
];
