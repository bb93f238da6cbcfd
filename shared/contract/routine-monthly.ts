/**
 * Teaching routine, part 2: observation quotas and records, teaching-research activities, the monthly routine
 * check and its printouts. Placeholder: the routine-monthly engineer fills it in.
 */
export const routineMonthlyContract = {} as const;
