/** What other features (the FET export) and the bench may use of automatic timetabling. */
export { loadRules, loadSchoolData, ruleContext } from './load';
