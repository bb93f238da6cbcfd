/** Shared timetable pieces: the days x periods grid, time helpers and conflict wording. */
export { TimetableGrid, type CellAttrs, type TimetableGridProps } from './TimetableGrid';
export { addMinutes, breaksAfter, lessonMinutesFor, slotKey, sortedPeriods, toMinutes } from './time';
export { conflictText, conflictTouches, conflictWhere, type ConflictLookups } from './conflictText';
