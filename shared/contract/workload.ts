/** Teaching loads: teachers, teaching groups, school leaders (工作量). */
import { z } from 'zod';
import { TermOnly, type FilePayload } from './common';
import { featureContract, method } from './method';

export interface WorkloadRow {
  teacherId: number; teacherName: string; subjectName: string | null; roles: string[]; groupNames: string[];
  planned: number; scheduled: number; classes: string;
}
export interface LeaderLoadRow { teacherId: number; teacherName: string; roles: string[]; weekly: number; yearTotal: number; minimum: number; ok: boolean }
const LeaderQuerySchema = z.object({ termId: z.number().int().positive(), minimum: z.number().int().min(0).max(1000).default(80) });
export interface GroupLoadRow { groupId: number; name: string; kind: string; teachers: number; periods: number; average: number; max: number; min: number }

export const workloadContract = featureContract('workload', {
  'workload/teachers': method(TermOnly).returns<WorkloadRow[]>(),
  'workload/groups': method(TermOnly).returns<GroupLoadRow[]>(),
  'workload/leaders': method(LeaderQuerySchema).returns<LeaderLoadRow[]>(),
  'workload/exportXlsx': method(TermOnly).returns<FilePayload>(),
});
