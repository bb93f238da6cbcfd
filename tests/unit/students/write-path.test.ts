/**
 * One write path for a student (issue 9): the students page and the roster import store a 学籍号 the same
 * way, so a student typed as a bare ID number and later imported (or the other way round) stays one student.
 */
import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { idCheckChar } from '../../../shared/domain/student-no';
import { closeTempCore, openSchoolCore } from '../../helpers/core';

let core: Core;
let dir: string;
let classId: number;
const body = '43059920140308582';
const bareId = body + idCheckChar(body);

beforeEach(async () => {
  ({ core, dir } = await openSchoolCore());
  const grade = (await core.call('school/listGrades', {})).find((g) => g.level === 7)!;
  classId = (await core.call('school/saveClass', { gradeId: grade.id, classNo: 1, headTeacherId: null })).id;
});
afterEach(async () => { await closeTempCore(core, dir); });

function roster(no: string, name: string): string {
  const ws = XLSX.utils.aoa_to_sheet([['学籍号', '姓名', '性别', '班级'], [no, name, '女', '七年级(1)班']]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '学生');
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
}

describe('a student typed as a bare ID number', () => {
  it('is stored with the G prefix, as the import stores it', async () => {
    const s = await core.call('students/save', { studentNo: bareId, name: '曹彤', classId });
    expect(s.studentNo).toBe(`G${bareId}`);
  });

  it('is the same student when the roster is imported afterwards', async () => {
    await core.call('students/save', { studentNo: bareId, name: '曹彤', classId });
    const r = await core.call('import/commit', { kind: 'students', fileName: '学生.xlsx', dataBase64: roster(bareId, '曹彤') });
    expect(r).toMatchObject({ inserted: 0, updated: 1 });
    expect((await core.call('students/list', {})).map((x) => x.studentNo)).toEqual([`G${bareId}`]);
  });

  it('collides with the imported student when typed again without the prefix', async () => {
    await core.call('import/commit', { kind: 'students', fileName: '学生.xlsx', dataBase64: roster(bareId, '曹彤') });
    await expect(core.call('students/save', { studentNo: bareId, name: '曹彤二', classId })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
