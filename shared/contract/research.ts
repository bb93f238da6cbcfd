/** Teaching-research activities (教研活动) and their attendance. */
import { z } from 'zod';
import { featureContract, method } from './method';
import { id, isoDay, month, optId, optText } from './fields';
import { TermOnly } from './common';

const IdOnlySchema = z.object({ id });

// ---- teaching-research activities ----
export const ResearchActivitySchema = z.object({
  id: id.optional(),
  termId: id,
  groupId: id,
  date: isoDay,
  topic: z.string().trim().min(1, 'required').max(100, 'tooLong'),
  hostId: optId,
  location: optText(50),
  /** 活动纪要 (summary of the minutes). */
  minutes: optText(4000),
  attendeeIds: z.array(id).max(500).default([]),
});
export type ResearchActivityInput = z.input<typeof ResearchActivitySchema>;
export interface ResearchActivity {
  id: number; termId: number; groupId: number; groupName: string; groupKind: '教研组' | '备课组';
  date: string; topic: string; hostId: number | null; hostName: string | null; location: string | null;
  minutes: string | null; attendeeIds: number[]; attendeeNames: string[];
}
export const ResearchListSchema = z.object({ termId: id, groupId: optId, month: month.nullish().transform((v) => v ?? null) });
/** Attendance per teacher per month: activities of the teacher's groups held vs attended. */
export interface ResearchAttendance {
  months: string[];
  rows: { teacherId: number; teacherName: string; groupNames: string[]; byMonth: Record<string, { attended: number; held: number }>; attended: number; held: number }[];
}


export const researchContract = featureContract('research', {
  'research/list': method(ResearchListSchema).returns<ResearchActivity[]>(),
  'research/save': method(ResearchActivitySchema).returns<ResearchActivity>(),
  'research/delete': method(IdOnlySchema).returns<{ ok: true }>(),
  'research/attendance': method(TermOnly).returns<ResearchAttendance>(),
});
