/** Files the bench feeds to the app, built here so the bench depends on no test helper. */
import ExcelJS from 'exceljs';
import { addDays, makeStudentNo, Rng, uniqueNameMaker } from '../electron/core/platform/sample-names';

/**
 * A clean student roster .xlsx with the headers real 学籍 exports use (学籍号, 姓名, 性别, 出生日期, 班级).
 * Students are new (a county code the generated school does not use), spread evenly over `classNames`.
 */
export async function makeStudentsXlsx(n: number, classNames: string[], seed = 3000): Promise<Buffer> {
  const rng = new Rng(seed);
  const nameFor = uniqueNameMaker(rng, 0.85);
  const used = new Set<string>();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学生名单');
  ws.addRow(['学籍号', '姓名', '性别', '出生日期', '班级']);
  for (let i = 0; i < n; i++) {
    const gender = rng.chance(0.52) ? '男' : '女';
    const birth = addDays('2011-09-01', rng.int(0, 3 * 365));
    ws.addRow([makeStudentNo(rng, '430597', birth, gender, used), nameFor(gender), gender, birth, classNames[i % classNames.length]]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
