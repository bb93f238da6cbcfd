/** Struggling-student files (学困生档案, 一生一案). Placeholder: the struggling-students engineer fills it in. */
export const strugglingContract = {} as const;
