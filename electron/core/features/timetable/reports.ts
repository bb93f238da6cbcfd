/** The timetable printouts: class, teacher, room and master timetables. */
import { defineReport, reportParams } from '../../platform/report/define';
import { loadMaster, MASTER_SETUP, MASTER_TITLE, renderMaster } from './print/master';
import {
  CLASS_TIMETABLES_TITLE, loadClassTimetables, loadRoomTimetables, loadTeacherTimetables, renderClassTimetables,
  renderRoomTimetables, renderTeacherTimetables, ROOM_TIMETABLES_TITLE, TEACHER_TIMETABLES_TITLE, TIMETABLE_PAGE_SETUP,
} from './print/pages';

const common = { feature: 'timetable', module: 'timetable' } as const;

export const TIMETABLE_REPORTS = [
  defineReport({
    id: 'class-timetables', title: CLASS_TIMETABLES_TITLE, titleKey: 'reports.class-timetables', ...common, ...TIMETABLE_PAGE_SETUP,
    params: reportParams(['termId', 'classIds', 'gradeLevels', 'effectiveFrom']),
    load: loadClassTimetables, render: renderClassTimetables,
  }),
  defineReport({
    id: 'teacher-timetables', title: TEACHER_TIMETABLES_TITLE, titleKey: 'reports.teacher-timetables', ...common, ...TIMETABLE_PAGE_SETUP,
    params: reportParams(['termId', 'teacherIds', 'effectiveFrom']),
    load: loadTeacherTimetables, render: renderTeacherTimetables,
  }),
  defineReport({
    id: 'master-timetable', title: MASTER_TITLE, titleKey: 'reports.master-timetable', ...common, ...MASTER_SETUP,
    params: reportParams(['termId', 'classIds', 'gradeLevels', 'effectiveFrom', 'showTeachers']),
    load: loadMaster, render: renderMaster,
  }),
  defineReport({
    id: 'room-timetables', title: ROOM_TIMETABLES_TITLE, titleKey: 'reports.room-timetables', ...common, ...TIMETABLE_PAGE_SETUP,
    params: reportParams(['termId', 'roomIds', 'effectiveFrom', 'includeEmptyRooms']),
    load: loadRoomTimetables, render: renderRoomTimetables,
  }),
];
