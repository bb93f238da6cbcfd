/** What other features may use of the timetable feature. */
export { copyFromTerm, taught } from './handlers';
export { DAY_NAMES } from './print/data';
export { loadSettings, writeSettings } from './queries';
export { addSampleTimetable, type SampleTimetableSummary } from './sample-timetable';
export { loadRuleChecks, loadRules, loadSchoolData, ruleContext } from './school-data';
