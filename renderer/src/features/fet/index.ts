/** What other features' pages may show of the fet feature: its import/export panel (on the timetable views page). */
export { default as FetPanel } from './FetPanel';
