import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/app';
import { listBackups, selectForRetention } from '../../../electron/core/platform/backups';
import { latestVersion, loadMigrations } from '../../../electron/core/platform/db/migrate';
import { AppError } from '../../../shared/errors';
import { openSchoolCore, openTempCore, tempDir } from '../../helpers/core';

const opened: Core[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});
async function track<T extends { core: Core }>(p: Promise<T>): Promise<T> {
  const r = await p;
  opened.push(r.core);
  return r;
}

describe('database and migrations', () => {
  it('creates a new database at the latest schema version with WAL and foreign keys', async () => {
    const { core, dir } = await track(openTempCore());
    const st = core.status();
    expect(st.state).toBe('ok');
    expect(st.schemaVersion).toBe(latestVersion());
    expect(latestVersion()).toBeGreaterThanOrEqual(2);
    const db = core.context().db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(fs.existsSync(path.join(dir, 'jiaowu.sqlite'))).toBe(true);
  });

  it('opens a database made by the first schema, backs it up and migrates it', async () => {
    const dir = tempDir();
    const first = loadMigrations()[0];
    const old = new Database(path.join(dir, 'jiaowu.sqlite'));
    old.exec(first.sql);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO school (id, name, type) VALUES (1, '旧库学校', '小学')").run();
    old.close();
    const { core } = await track(openTempCore({ dataDir: dir }));
    expect(core.status().schemaVersion).toBe(latestVersion());
    expect((await core.call('school/getProfile', {}))?.name).toBe('旧库学校');
    const db = core.context().db;
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'attachment'").get()).toBeTruthy();
    const applied = db.prepare('SELECT version FROM schema_migration ORDER BY version').all() as { version: number }[];
    expect(applied.map((r) => r.version)).toEqual(loadMigrations().filter((m) => m.version > 1).map((m) => m.version));
    expect(listBackups(dir).some((b) => b.kind === 'pre-migration')).toBe(true);
  });

  it('refuses a database from a newer version and leaves it untouched', async () => {
    const dir = tempDir();
    const f = path.join(dir, 'jiaowu.sqlite');
    const db = new Database(f);
    db.exec('CREATE TABLE future (x)');
    db.pragma('user_version = 999');
    db.close();
    const before = fs.readFileSync(f);
    const { core } = await track(openTempCore({ dataDir: dir }));
    expect(core.status().state).toBe('newer');
    expect(core.status().problemKey).toBe('dbNewer');
    await expect(core.call('teachers/list', {})).rejects.toMatchObject({ code: 'DB_NEWER' });
    await core.close();
    opened.pop();
    expect(fs.readFileSync(f).equals(before)).toBe(true);
  });

  it('offers the newest good backup for a damaged file instead of crashing', async () => {
    const { core, dir } = await openSchoolCore();
    await core.call('teachers/save', { name: '备份里的老师' });
    await core.call('backup/create', {});
    await core.close();
    const f = path.join(dir, 'jiaowu.sqlite');
    for (const ext of ['-wal', '-shm']) fs.rmSync(f + ext, { force: true });
    const buf = fs.readFileSync(f);
    buf.fill(0x5a, 0, 100); // destroy the header
    fs.writeFileSync(f, buf);
    const { core: c2 } = await track(openTempCore({ dataDir: dir }));
    const st = c2.status();
    expect(st.state).toBe('damaged');
    expect(st.goodBackups!.length).toBeGreaterThan(0);
    await expect(c2.call('teachers/list', {})).rejects.toMatchObject({ code: 'DB_DAMAGED' });
    const after = await c2.call('app/restoreDamaged', { file: st.goodBackups![0].file });
    expect(after.state).toBe('ok');
    expect((await c2.call('teachers/list', {})).map((t) => t.name)).toContain('备份里的老师');
    expect(fs.readdirSync(dir).some((n) => n.startsWith('jiaowu.damaged-'))).toBe(true);
  });

  it('a second app on the same data folder gets DB_LOCKED', async () => {
    const { dir } = await track(openTempCore());
    await expect(Core.open({ dataDir: dir, noDailyBackup: true })).rejects.toMatchObject({ code: 'DB_LOCKED' });
  });

  it('takes a daily backup on open once per day', async () => {
    const dir = tempDir();
    const day = () => new Date(2025, 9, 15, 8);
    const a = await Core.open({ dataDir: dir, now: day });
    await a.call('app/createSchool', { name: '测试中学', type: '初中' });
    await a.close();
    const b = await Core.open({ dataDir: dir, now: day });
    await b.close();
    const c = await Core.open({ dataDir: dir, now: day });
    await c.close();
    expect(listBackups(dir).filter((x) => x.kind === 'daily')).toHaveLength(1);
  });
});

describe('backups', () => {
  it('round-trips a backup and restores it, backing up the current file first', async () => {
    const { core, dir } = await track(openSchoolCore());
    const t = await core.call('teachers/save', { name: '李老师' });
    const bk = await core.call('backup/create', {});
    expect(bk.size).toBeGreaterThan(0);
    await core.call('teachers/save', { ...t, name: '李老师改名', roles: t.roles });
    await core.call('teachers/save', { name: '新来的老师' });
    const st = await core.call('backup/restore', { file: bk.file });
    expect(st.state).toBe('ok');
    const names = (await core.call('teachers/list', {})).map((x) => x.name);
    expect(names).toEqual(['李老师']);
    expect(listBackups(dir).some((b) => b.kind === 'pre-restore')).toBe(true);
    const audit = await core.call('audit/list', { entity: 'backup' });
    expect(audit.rows.some((r) => r.action === 'restore')).toBe(true);
  });

  it('refuses a backup name outside the backups folder', async () => {
    const { core } = await track(openSchoolCore());
    await expect(core.call('backup/restore', { file: '../jiaowu.sqlite' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('backs up to a chosen folder, and says so clearly when it cannot write there', async () => {
    const { core } = await track(openSchoolCore());
    const usb = path.join(tempDir(), 'U盘 备份');
    fs.mkdirSync(usb);
    const r = await core.call('backup/createManual', { dir: usb });
    expect(fs.statSync(r.file).size).toBeGreaterThan(0);
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, 'x');
    await expect(core.call('backup/createManual', { dir: path.join(blocker, 'sub') })).rejects.toMatchObject({ code: 'IO', key: 'backupDirMissing' });
  });

  it('retention keeps 7 daily, 4 weekly and 12 monthly backups', () => {
    const items = [];
    const start = new Date(2024, 0, 1, 12);
    for (let i = 0; i < 500; i++) {
      const d = new Date(start.getTime() + i * 86400000);
      items.push({ file: `f${i}`, kind: 'daily' as const, createdAt: d });
    }
    const keep = selectForRetention(items);
    // newest 7 days, plus older week and month representatives; never everything.
    for (let i = 493; i < 500; i++) expect(keep.has(`f${i}`)).toBe(true);
    expect(keep.size).toBeGreaterThanOrEqual(7 + 1);
    expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12);
    expect(keep.has('f0')).toBe(false);
  });
});

describe('school setup, validation and audit', () => {
  it('writes audit entries with operator, entity and before/after', async () => {
    const { core } = await track(openSchoolCore());
    const t = await core.call('teachers/save', { name: '王芳', gender: '女' });
    await core.call('teachers/save', { ...t, phone: '13800000000' });
    await core.call('teachers/archive', { id: t.id, archived: true });
    const { rows } = await core.call('audit/list', { entity: 'teacher' });
    expect(rows.map((r) => r.action)).toEqual(['archive', 'update', 'create']);
    expect(rows.every((r) => r.operator === '测试员')).toBe(true);
    expect(JSON.parse(rows[1].after!)).toEqual({ phone: '13800000000' });
    expect((await core.call('teachers/list', {})).length).toBe(0);
    expect((await core.call('teachers/list', { includeArchived: true })).length).toBe(1);
  });

  it('rejects bad input with field issues and writes nothing', async () => {
    const { core } = await track(openSchoolCore());
    const err = await core.call('students/save', { studentNo: '', name: '' }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('VALIDATION');
    expect(err.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual(['name', 'studentNo']);
    expect(await core.call('students/list', {})).toHaveLength(0);
  });

  it('saveMany is one transaction: a duplicate in row 2 writes nothing and names the row', async () => {
    const { core } = await track(openSchoolCore());
    const cls = await core.call('school/saveClass', { gradeId: (await core.call('school/listGrades', {}))[0].id, classNo: 1 });
    const err = await core.call('students/saveMany', {
      rows: [
        { studentNo: 'G110101201001010011', name: '甲', classId: cls.id },
        { studentNo: 'G110101201001010011', name: '乙', classId: cls.id },
      ],
    }).catch((e) => e);
    expect(err.code).toBe('CONFLICT');
    expect(err.params.row).toBe(2);
    expect(await core.call('students/list', {})).toHaveLength(0);
  });

  it('sorts teachers by Chinese collation and computes pinyin initials', async () => {
    const { core } = await track(openSchoolCore());
    for (const name of ['张三明', '阿强', '王五']) await core.call('teachers/save', { name });
    const list = await core.call('teachers/list', {});
    expect(list.map((t) => t.name)).toEqual(['阿强', '王五', '张三明']);
    expect(list.find((t) => t.name === '张三明')!.pinyinInitials).toBe('zsm');
  });

  it('summarises assignments per class and per teacher', async () => {
    const { core, termId } = await track(openSchoolCore());
    const g = (await core.call('school/listGrades', {}))[0];
    const c1 = await core.call('school/saveClass', { gradeId: g.id, classNo: 1 });
    const c2 = await core.call('school/saveClass', { gradeId: g.id, classNo: 2 });
    const subj = await core.call('school/listSubjects', {});
    const yw = subj.find((s) => s.name === '语文')!;
    const sx = subj.find((s) => s.name === '数学')!;
    const t = await core.call('teachers/save', { name: '赵老师' });
    await core.call('assignments/saveMany', {
      rows: [
        { termId, teacherId: t.id, classId: c1.id, subjectId: yw.id, weeklyPeriods: 5 },
        { termId, teacherId: t.id, classId: c2.id, subjectId: yw.id, weeklyPeriods: 5 },
        { termId, teacherId: t.id, classId: c1.id, subjectId: sx.id, weeklyPeriods: 4 },
      ],
    });
    const byTeacher = await core.call('assignments/summary', { termId, by: 'teacher' });
    expect(byTeacher).toEqual([expect.objectContaining({ name: '赵老师', periods: 14, assignments: 3 })]);
    const byClass = await core.call('assignments/summary', { termId, by: 'class' });
    expect(byClass.find((r) => r.name === '七年级(1)班')!.periods).toBe(9);
  });
});

describe('daily backup while the app stays open', () => {
  it('takes the next daily backup on the first call of a new day', async () => {
    let now = new Date(2025, 9, 15, 8);
    const { core, dir } = await openSchoolCore({ noDailyBackup: false, now: () => now });
    opened.push(core);
    await core.call('teachers/list', {});
    const first = listBackups(dir).filter((b) => b.kind === 'daily').length;
    now = new Date(2025, 9, 16, 8);
    await core.call('teachers/list', {});
    await core.call('teachers/list', {});
    expect(listBackups(dir).filter((b) => b.kind === 'daily').length).toBe(first + 1);
  });
});
