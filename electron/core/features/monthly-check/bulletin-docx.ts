/**
 * The monthly bulletin as an editable Word file (.docx), the way the office issues it: title in 黑体, body in
 * 仿宋 (numbers and Latin in Times New Roman), headings in 黑体, the figures table, the lists of commended
 * teachers, problems and fixes, blank lines for the commentary, and 教务处 with the date. Charts go in as PNG
 * images when the PDF port can draw them; the grade distribution and the observation progress are always
 * also given as tables, so the file is complete without images.
 */
import { AlignmentType, BorderStyle, ImageRun, Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import { a4Section, cell, HEI, heading, officeDocx, para, run, SIZE, SONG, table } from '../../platform/report/docx';
import { bulletinFigureCells, bulletinLead, BULLETIN_TITLE } from './print/bulletin';
import { zhDate } from '../../platform/report/layout';
import { fmtScore, monthLabel, type BulletinView } from './view-types';

export interface ChartPng { title: string; png: Uint8Array; width: number; height: number }

function numbered(items: string[], none: string): Paragraph[] {
  return items.length ? items.map((t, i) => para(`${i + 1}. ${t}`, { indent: true })) : [para(none, { indent: true })];
}

function chartParagraph(c: ChartPng): Paragraph {
  // Two charts side by side would not survive editing; each takes 12 cm of width, centred.
  const widthPx = 454;
  const heightPx = Math.round((c.height / c.width) * widthPx);
  return new Paragraph({
    alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 },
    children: [new ImageRun({ type: 'png', data: c.png, transformation: { width: widthPx, height: heightPx }, altText: { name: c.title, description: c.title, title: c.title } })],
  });
}

const percent = (made: number, expected: number) => (expected > 0 ? `${Math.round((made / expected) * 100)}%` : '—');

export async function buildBulletinDocx(v: BulletinView, charts: ChartPng[] = []): Promise<Buffer> {
  const cells = bulletinFigureCells(v);
  const half = Math.ceil(cells.length / 2);
  const figures = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [cells.slice(0, half), cells.slice(half)].flatMap((part) => [
      new TableRow({ children: part.map(([k]) => cell(k, { header: true, widthPct: 100 / half })) }),
      new TableRow({ children: part.map(([, val]) => cell(val, { widthPct: 100 / half })) }),
    ]),
  });
  const gradeTable = table(['等级', ...v.gradeCounts.map((g) => g.grade)], [['人数', ...v.gradeCounts.map((g) => String(g.count))]], []);
  const progressTable = v.observationProgress.length
    ? table(['类别', '学期定额（节）', '应听（节）', '已听（节）', '完成率'],
      v.observationProgress.map((p) => [p.label, String(p.quota), fmtScore(p.expected), String(p.made), percent(p.made, p.expected)]), [24, 19, 19, 19, 19])
    : null;
  const commended = v.commended.length
    ? [table(['序号', '姓名', '教研组', '得分', '表扬事由'], v.commended.map((c, i) => [String(i + 1), c.teacherName, c.groupName ?? '', fmtScore(c.score), c.reason]), [8, 14, 16, 10, 52], [4])]
    : [para('本月无。', { indent: true })];
  const fixes = v.fixes.length
    ? [table(['序号', '教师', '整改要求'], v.fixes.map((f, i) => [String(i + 1), f.teacherName, f.text]), [8, 16, 76], [2]), para('请以上教师于下次检查前完成整改，教务处将跟踪复查。', { indent: true })]
    : [para('本月无需整改事项。', { indent: true })];
  const blankLine = () => new Paragraph({ spacing: { line: 480 }, border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 } }, children: [run('')] });

  const children = [
    new Paragraph({ alignment: AlignmentType.LEFT, children: [run(`${v.header.schoolName}\u3000\u3000${v.header.term?.label ?? ''}`, { size: 20, font: SONG })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 60 }, children: [new TextRun({ text: BULLETIN_TITLE, font: HEI, size: SIZE.title, bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(`（${monthLabel(v.month)}）`)] }),
    heading('一、基本情况'),
    para(bulletinLead(v), { indent: true }),
    figures,
    para(''),
    para('月查等级分布：'),
    gradeTable,
    ...(progressTable ? [para(''), para('听课进度（按职务）：'), progressTable] : []),
    ...charts.map(chartParagraph),
    heading('二、表扬教师'),
    ...commended,
    heading('三、存在问题'),
    ...numbered(v.problems.map((p) => (p.teacherName ? `${p.teacherName}：${p.text}` : p.text)), '本月检查未发现突出问题。'),
    heading('四、整改要求'),
    ...fixes,
    heading('五、教务处点评'),
    ...Array.from({ length: 4 }, blankLine),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480 }, indent: { right: 480 }, children: [run(v.issuer)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 480 }, children: [run(zhDate(v.issuedOn))] }),
  ];

  return officeDocx(`${BULLETIN_TITLE}（${monthLabel(v.month)}）`, [a4Section(children)]);
}
