/**
 * The figures the app computes for an indicator (shown against its standard, and as evidence pages), and the
 * printouts a new inspection gets as evidence for the indicators the academic office documents.
 */
import type { ComputedKey } from './frameworks';

export const COMPUTED_KEYS = ['degree', 'backbone', 'peArts', 'certified', 'training', 'curriculum', 'homework'] as const satisfies readonly ComputedKey[];

export const COMPUTED_LABEL: Record<ComputedKey, string> = {
  degree: '每百名学生拥有高于规定学历教师数',
  backbone: '每百名学生拥有县级以上骨干教师数',
  peArts: '每百名学生拥有体育、艺术专任教师数',
  certified: '专任教师持证上岗率',
  training: '教师 5 年 360 学时培训完成率',
  curriculum: '课程开齐开足情况',
  homework: '作业检查与课业负担',
};

export type PresetExpand = 'none' | 'years' | 'terms' | 'months';
/** Printouts added with the computed figure when an inspection is created from a built-in framework. */
export const PRESET_EVIDENCE: Record<ComputedKey, { reportId: string; expand: PresetExpand }[]> = {
  degree: [{ reportId: 'teacher-indicators', expand: 'years' }, { reportId: 'teacher-roster', expand: 'none' }],
  backbone: [{ reportId: 'teacher-indicators', expand: 'years' }],
  peArts: [{ reportId: 'teacher-indicators', expand: 'years' }],
  certified: [{ reportId: 'teacher-roster', expand: 'none' }],
  training: [{ reportId: 'training-summary', expand: 'none' }, { reportId: 'mentor-summary', expand: 'terms' }],
  curriculum: [{ reportId: 'compliance-report', expand: 'terms' }, { reportId: 'master-timetable', expand: 'terms' }],
  homework: [{ reportId: 'monthly-bulletin', expand: 'months' }, { reportId: 'teacher-term-summary', expand: 'terms' }],
};
