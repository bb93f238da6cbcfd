/** What the shell uses of the school-years feature: the past-term banner. */
export { TermLockBanner } from './TermLockBanner';
