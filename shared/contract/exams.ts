/** Exams and score analysis (质量监测). Placeholder: the exams engineer fills it in. */
export const examsContract = {} as const;
