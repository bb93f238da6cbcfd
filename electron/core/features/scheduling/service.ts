/** What other features (the FET export) and the bench may use of automatic timetabling: the data and rules it reads. */
export { loadRules, loadSchoolData, ruleContext } from '../timetable/service';
