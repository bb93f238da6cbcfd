/** Report catalogue and HTML rendering (no PDF engine needed). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import { compactClasses } from '../../../electron/core/features/teachers/teacher-roster-report';
import { esc } from '../../../electron/core/platform/report/layout';
import { maskName, maskStudentNo } from '../../../shared/domain/mask';
import { seedSchool, type Seeded } from './fixture';

let dir: string;
let core: Core;
let seeded: Seeded;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-'));
  core = await Core.open({ dataDir: dir, noDailyBackup: true, now: () => new Date(2025, 8, 15, 10, 0, 0) });
  seeded = seedSchool(core.context().db, { classSizes: [55, 40, 20], specialNames: ['张三明', '<script>李</script>', '王&小丫'] });
});

afterEach(async () => {
  await core.close(); // closed before its folder goes (Windows cannot delete an open database)
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('report catalogue', () => {
  it('lists the roster reports with their parameters and no functions', async () => {
    const list = await core.call('reports/catalogue', {});
    const ids = list.map((r) => r.id);
    expect(ids.slice(0, 2)).toEqual(['teacher-roster', 'class-student-lists']);
    expect(new Set(ids).size).toBe(ids.length);
    const lists = list.find((r) => r.id === 'class-student-lists')!;
    expect(lists).toMatchObject({ title: '班级学生名册', titleKey: 'reports.class-student-lists', paper: 'A4', landscape: false, formats: ['pdf', 'html'] });
    expect(lists.params).toEqual(expect.arrayContaining(['termId', 'classIds', 'maskNames', 'maskStudentNos']));
    expect(list.find((r) => r.id === 'teacher-roster')!.params).toContain('termId');
    for (const r of list) for (const v of Object.values(r)) expect(typeof v).not.toBe('function');
  });

  it('refuses an unknown report and a PDF without an engine', async () => {
    await expect(core.call('reports/html', { reportId: 'nope', params: {} })).rejects.toMatchObject({ code: 'NOT_FOUND', key: 'unknownReport' });
    await expect(core.call('reports/pdf', { reportId: 'class-student-lists', params: {} })).rejects.toMatchObject({ code: 'IO', key: 'noPdfEngine' });
    await expect(core.call('reports/pdf', { reportId: 'nope', params: {} })).rejects.toMatchObject({ code: 'NOT_FOUND', key: 'unknownReport' });
  });
});

describe('class student lists HTML', () => {
  it('prints every class in grade order, one section each, with header, counts and signature line', async () => {
    const { html, title } = await core.call('reports/html', { reportId: 'class-student-lists', params: { termId: seeded.termId } });
    expect(title).toBe('班级学生名册');
    expect(html).toContain('青山县第一中学');
    expect(html).toContain('2025-2026学年第一学期');
    expect(html).toContain('制表日期：2025年9月15日');
    const order = ['七年级(1)班', '八年级(1)班', '九年级(1)班'].map((n) => html.indexOf(n));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html.match(/<section class="sheet">/g)).toHaveLength(3);
    expect(html).toContain('break-before: page');
    expect(html).toContain('display: table-header-group');
    expect(html).toContain('学生人数：55 人（男 28 人，女 27 人）');
    expect(html).toContain('班主任：林晓红');
    expect(html).toContain('班主任签字');
    expect(html).toContain('张三明');
    expect(html).toContain('G360723201210000000');
    // Sensitive flags are never printed on this list.
    expect(html).not.toContain('留守');
  });

  it('escapes names and masks names and 学籍号 when asked', async () => {
    const plain = (await core.call('reports/html', { reportId: 'class-student-lists', params: {} })).html;
    expect(plain).toContain('&lt;script&gt;李&lt;/script&gt;');
    expect(plain).not.toContain('<script>');
    expect(plain).toContain('王&amp;小丫');

    const masked = (await core.call('reports/html', { reportId: 'class-student-lists', params: { maskNames: true, maskStudentNos: true } })).html;
    expect(masked).not.toContain('张三明');
    expect(masked).toContain(maskName('张三明'));
    expect(masked).toContain('张*明');
    expect(masked).not.toContain('G360723201210000000');
    expect(masked).toContain(esc(maskStudentNo('G360723201210000000')));
    // Teachers are not masked.
    expect(masked).toContain('林晓红');
  });

  it('prints only the chosen classes', async () => {
    const { html } = await core.call('reports/html', { reportId: 'class-student-lists', params: { classIds: [seeded.classIds[2]] } });
    expect(html).toContain('九年级(1)班');
    expect(html).not.toContain('七年级(1)班');
  });
});

describe('teacher roster HTML', () => {
  it('lists active teachers by subject then name, with classes in the term and totals', async () => {
    const { html } = await core.call('reports/html', { reportId: 'teacher-roster', params: { termId: seeded.termId } });
    expect(html).not.toContain('已离职');
    expect(html).toContain('马&lt;强&gt;');
    // 语文 (陈静, 林晓红 in pinyin order) before 数学 (周建国) before 体育与健康.
    const pos = ['陈静', '林晓红', '周建国', '马&lt;强&gt;'].map((n) => html.indexOf(n));
    expect(pos.every((i) => i > 0)).toBe(true);
    expect([...pos].sort((a, b) => a - b)).toEqual(pos);
    expect(html).toContain('任教班级');
    expect(html).toContain('七年级(1)班、八年级(1)班、九年级(1)班'); // 周建国 teaches maths everywhere
    expect(html).toContain('教导主任');
    expect(html).toContain('合计 <b>4</b> 人');
    expect(html).toContain('男 <b>2</b> 人，女 <b>2</b> 人');
    expect(html).toContain('持证上岗 <b>3</b> 人');
    expect(html).toContain('骨干教师 <b>2</b> 人（县级 1，市级 1，省级 0）');
    expect(html).toContain('体艺教师 <b>1</b> 人');
    expect(html).toContain('size: A4 landscape');
  });

  it('compacts classes by grade', () => {
    expect(compactClasses([{ level: 7, no: 2 }, { level: 7, no: 1 }, { level: 8, no: 3 }])).toBe('七年级(1)(2)班、八年级(3)班');
  });
});
