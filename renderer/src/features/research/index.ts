/** What other features' pages may show of the research feature: its tab (on the observations page). */
export { ResearchTab } from './ResearchTab';
