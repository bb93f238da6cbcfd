/** What other pages use of the mentors feature: the reminder card of the landing page. */
export { BehindCard } from './BehindCard';
