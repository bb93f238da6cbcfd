/**
 * Teaching routine, part 1: check standards (rubrics, homework norms), lesson plans, plan checks, collective
 * preparation and homework-marking checks. Placeholder: the routine-plans engineer fills it in.
 */
export const routinePlansContract = {} as const;
