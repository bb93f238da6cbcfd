/**
 * The sample school's training register: the five-year cycle set to end with the current school year (so the
 * completion figure means something), a 校本研修 batch every year, county courses for everyone, and some
 * national, provincial and city programmes; deterministic (seeded), nothing dated after today, nobody before
 * joining. Runs inside loadSampleSchool's transaction.
 */
import type { CoreContext } from '../../platform/context';
import { addDays, Rng } from '../../platform/sample-names';
import { todayOf } from '../../platform/staff';

const COUNTY = ['县级学科教学能力提升培训', '县级新课标解读与单元教学设计培训', '县级作业设计与“双减”专题培训', '县级信息技术应用能力提升培训'];
const HIGHER: [string, string, string, number][] = [
  ['国培', '“国培计划”骨干教师能力提升项目', '教育部、财政部', 60],
  ['省培', '省级中小学教师信息技术应用能力提升工程2.0', '省教育厅', 50],
  ['市培', '市级学科带头人高级研修班', '市教育局', 30],
];

export function addSampleTraining(ctx: CoreContext, startYear: number, seed: number): void {
  const { db } = ctx;
  const today = todayOf(ctx.now());
  const now = ctx.now().toISOString();
  const cycleStart = `${startYear - 4}-09-01`;
  db.prepare("INSERT INTO setting (key, value) VALUES ('training.settings', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
    .run(JSON.stringify({ cycleStart, requiredHours: 360 }));
  const rng = new Rng(seed ^ 0x7a11);
  const teachers = db.prepare('SELECT id, hire_date FROM teacher WHERE archived = 0 ORDER BY id').all() as { id: number; hire_date: string | null }[];
  const ins = db.prepare(`INSERT INTO training_entry (teacher_id, start_date, end_date, level, title, organiser, hours, batch_id, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insBatch = db.prepare('INSERT INTO training_batch (created_at) VALUES (?)');
  const joined = (t: { hire_date: string | null }, date: string) => !t.hire_date || t.hire_date <= date;
  for (let y = startYear - 4; y <= startYear; y++) {
    // 校本研修: the whole staff, one batch a year, in the week before term.
    const start = `${y}-08-26`;
    const end = `${y}-08-30`;
    if (end <= today) {
      const batchId = Number(insBatch.run(now).lastInsertRowid);
      for (const t of teachers) if (joined(t, start)) ins.run(t.id, start, end, '校本', `${y}学年校本研修：课堂教学改革专题`, '本校教务处', 30, batchId, now);
    }
    // 寒假校本研修: half the size, in February.
    const ws = `${y + 1}-02-${String(10 + (y % 5)).padStart(2, '0')}`;
    if (addDays(ws, 1) <= today) {
      const batchId = Number(insBatch.run(now).lastInsertRowid);
      for (const t of teachers) if (joined(t, ws)) ins.run(t.id, ws, addDays(ws, 1), '校本', `${y}学年寒假校本研修：作业设计与命题`, '本校教务处', 12, batchId, now);
    }
    for (const t of teachers) {
      // County courses: most teachers every year, 20-40 hours, in the winter or summer holiday.
      if (rng.chance(0.9)) {
        const s = rng.chance(0.5) ? `${y + 1}-01-${String(rng.int(15, 20)).padStart(2, '0')}` : `${y + 1}-07-${String(rng.int(10, 20)).padStart(2, '0')}`;
        const e = addDays(s, rng.int(2, 4));
        if (e <= today && joined(t, s)) ins.run(t.id, s, e, '县培', rng.pick(COUNTY), '县教师发展中心', rng.pick([20, 24, 30, 36, 40]), null, now);
      }
      if (rng.chance(0.2)) {
        const [level, title, org, hours] = rng.pick(HIGHER);
        const s = `${y + 1}-07-${String(rng.int(1, 9)).padStart(2, '0')}`;
        const e = addDays(s, 9);
        if (e <= today && joined(t, s)) ins.run(t.id, s, e, level, title, org, hours, null, now);
      }
    }
  }
}
