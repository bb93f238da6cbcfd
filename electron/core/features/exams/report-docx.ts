/**
 * The quality-analysis report as an editable Word file (docx): the same tables as the PDF with column widths
 * that keep "100.0%" and 七年级(1)班 on one line, the same charts as PNG images (drawn by the PDF port; the
 * distribution also stays a table, so the file is complete without them), black 黑体 headings, page numbers
 * "第 X 页 共 Y 页", and ruled blank paragraphs for the office's commentary. Aggregate only, like the PDF.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, ImageRun, Packer, PageNumber, PageOrientation, Paragraph, Table,
  TableCell, TableLayoutType, TableRow, TextRun, WidthType,
} from 'docx';
import { DOCX_MIME } from '../../platform/serving';
import type { GradeAnalysis, SubjectGradeAnalysis, SubjectStats } from '../../../../shared/contract';
import { fmtScore, pct, round } from '../../../../shared/domain/exams/analysis';
import type { CoreContext } from '../../platform/context';
import { loadHeader } from '../../platform/report/header';
import { EXAM_REPORT_TITLE, subjectCharts, thresholdText, type SubjectChart } from './quality-report';
import { examAnalysis } from './analysis';

const BODY_FONT = { ascii: 'SimSun', eastAsia: 'SimSun', hAnsi: 'SimSun' };
const TITLE_FONT = { ascii: 'SimHei', eastAsia: 'SimHei', hAnsi: 'SimHei' };
const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f]/g;

const text = (t: string, opts: { bold?: boolean; size?: number; title?: boolean } = {}) =>
  new TextRun({ text: t, bold: opts.bold, size: opts.size, font: opts.title ? TITLE_FONT : BODY_FONT });
const para = (t: string, opts: { bold?: boolean; size?: number; center?: boolean; title?: boolean } = {}) =>
  new Paragraph({ alignment: opts.center ? AlignmentType.CENTER : undefined, children: [text(t, opts)] });

/** Text width of the A4 page with the margins below, in twips. */
const TEXT_WIDTH = 11906 - 2 * 1020;

/**
 * A fixed-layout table: the first (name) column gets `firstShare` of the width, the rest share what is left, so
 * 七年级(1)班 and 100.0% fit their cells on one line at the table font (8 pt for wide tables).
 */
function table(head: string[], rows: string[][], boldLast = false, firstShare = 0.16): Table {
  const n = head.length;
  const first = Math.round(TEXT_WIDTH * (n > 2 ? firstShare : 1 / n));
  const rest = Math.floor((TEXT_WIDTH - first) / Math.max(1, n - 1));
  const widths = head.map((_, i) => (i === 0 ? first : rest));
  const size = n > 9 ? 16 : 18;
  const cell = (t: string, bold: boolean, i: number) => new TableCell({
    width: { size: widths[i], type: WidthType.DXA },
    margins: { left: 40, right: 40, top: 20, bottom: 20 },
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(t, { bold, size })] })],
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, true, i)) }),
      ...rows.map((r, ri) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, boldLast && ri === rows.length - 1, i)) })),
    ],
  });
}

/** A chart image scaled to the text width (full) or half of it, centred. */
function chartParagraph(c: SubjectChart, png: Uint8Array): Paragraph {
  const widthPx = c.span === 'full' ? 620 : 420;
  return new Paragraph({
    alignment: AlignmentType.CENTER, keepLines: true,
    children: [new ImageRun({ type: 'png', data: png, transformation: { width: widthPx, height: Math.round((c.height / c.width) * widthPx) }, altText: { name: c.title, description: c.title, title: c.title } })],
  });
}

type ChartImages = Map<string, Uint8Array>;

const statRow = (name: string, s: SubjectStats, diff: number | null | undefined) => [
  name, String(s.expected), String(s.takers), pct(s.participation), fmtScore(s.average),
  diff === undefined ? '' : diff === null ? '—' : `${diff > 0 ? '+' : ''}${round(diff, 2)}`,
  pct(s.passRate), pct(s.excellentRate), pct(s.lowRate), fmtScore(s.max, 1), fmtScore(s.min, 1), fmtScore(s.sd),
];

function subjectBlock(s: SubjectGradeAnalysis, level: boolean, images: ChartImages): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [para(`${s.subjectName}${s.fullMarks ? `（满分 ${s.fullMarks} 分）` : ''}`, { bold: true, title: true })];
  if (level) {
    const row = (name: string, x: SubjectStats) => [name, String(x.expected), String(x.takers), pct(x.participation),
      ...(['优', '良', '合格', '待合格'] as const).map((l) => String(x.levels?.[l] ?? 0)), pct(x.excellentRate), pct(x.passRate)];
    out.push(table(['班级', '应考', '实考', '参考率', '优', '良', '合格', '待合格', '优秀率', '合格率'],
      [...s.classes.map((c) => row(c.className, c)), row('年级', s.grade)], true));
    return out;
  }
  out.push(table(['班级', '应考', '实考', '参考率', '平均分', '与年级差', '及格率', '优秀率', '低分率', '最高', '最低', '标准差'],
    [...s.classes.map((c) => statRow(c.className, c, c.diffFromGrade)), statRow('年级', s.grade, undefined)], true));
  if (s.cv !== null) out.push(para(`班级间均衡：各班平均分差异系数 CV = ${(s.cv * 100).toFixed(2)}%。`, { size: 19 }));
  if (s.distribution.length && s.grade.takers > 0) {
    out.push(para('年级分数分布（人数）', { size: 19 }));
    out.push(table(s.distribution.map((b, i) => `${round(b.from, 1)}${i === s.distribution.length - 1 ? '-' + round(b.to, 1) : '-'}`), [s.distribution.map((b) => String(b.count))], false, 1 / s.distribution.length));
  }
  if (s.grade.takers > 0) {
    for (const c of subjectCharts(s)) {
      const png = images.get(c.title);
      if (png) out.push(chartParagraph(c, png));
    }
  }
  out.push(para(''));
  return out;
}

function gradeBlock(g: GradeAnalysis, level: boolean, images: ChartImages): (Paragraph | Table)[] {
  const expected = g.classes.reduce((n, c) => n + c.expected, 0);
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(`${g.gradeName}：${g.classes.length} 个班，应考 ${expected} 人`, { bold: true, size: 26, title: true })] }),
    para(`分析标准：${level ? '等级评价（优、良、合格、待合格）' : thresholdText(g.thresholds)}`, { size: 19 }),
    para('三率一分总览', { bold: true, title: true }),
    table(['学科', '满分', '应考', '实考', '平均分', '及格率', '优秀率', '低分率', '差异系数'], g.subjects.map((s) => [
      s.subjectName, s.fullMarks === null ? '等级' : String(s.fullMarks), String(s.grade.expected), String(s.grade.takers),
      fmtScore(s.grade.average), pct(s.grade.passRate), pct(s.grade.excellentRate), pct(s.grade.lowRate),
      s.cv === null ? '—' : `${(s.cv * 100).toFixed(2)}%`,
    ])),
    para(''),
    ...g.subjects.flatMap((s) => subjectBlock(s, level, images)),
  ];
}

/** A blank paragraph with a bottom rule: a line to write on. */
const ruled = () => new Paragraph({
  spacing: { before: 240 },
  // Consecutive paragraphs with equal borders form one group: `between` rules every line, not just the last.
  border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 }, between: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  children: [text(' ')],
});

/** The charts as PNG through the PDF port when it can draw them (both shells can); none otherwise. */
async function chartImages(ctx: CoreContext, grades: GradeAnalysis[], level: boolean): Promise<ChartImages> {
  const out: ChartImages = new Map();
  const port = ctx.pdf;
  if (!port?.svgToPng || level) return out;
  for (const s of grades.flatMap((g) => g.subjects)) {
    if (s.grade.takers === 0) continue;
    for (const c of subjectCharts(s)) {
      try {
        out.set(c.title, await port.svgToPng(c.svg, { width: c.width, height: c.height, scale: 2 }));
      } catch {
        return new Map(); // no browser: the tables carry the same figures
      }
    }
  }
  return out;
}

/** Black 黑体 headings (Word's built-in heading styles are blue Calibri). */
const HEADING_STYLES = [
  { id: 'Title', name: 'Title', run: { font: TITLE_FONT, size: 36, bold: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 240 } } },
  { id: 'Heading2', name: 'Heading 2', run: { font: TITLE_FONT, size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
].map((x) => ({ ...x, basedOn: 'Normal', next: 'Normal', quickFormat: true }));

export async function examReportDocx(ctx: CoreContext, examId: number): Promise<{ fileName: string; mime: string; dataBase64: string }> {
  const analysis = examAnalysis(ctx, examId);
  const e = analysis.exam;
  const header = loadHeader(ctx, e.termId);
  const level = e.mode === 'level';
  const images = await chartImages(ctx, analysis.grades, level);
  const comment = (title: string) => [para(title, { bold: true, title: true }), ...Array.from({ length: 6 }, ruled)];
  const doc = new Document({
    creator: header.schoolName || '教务台账',
    title: `${e.name} ${EXAM_REPORT_TITLE}`,
    styles: { default: { document: { run: { font: BODY_FONT, size: 21 } } }, paragraphStyles: HEADING_STYLES },
    sections: [{
      properties: { page: { size: { orientation: PageOrientation.PORTRAIT, width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1020, right: 1020 } } },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ font: BODY_FONT, size: 18, children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'] })],
          })],
        }),
      },
      children: [
        para(`${header.schoolName}\u3000\u3000${header.term?.label ?? ''}`, { size: 20 }),
        new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [text(`${e.name} ${EXAM_REPORT_TITLE}`, { bold: true, size: 36, title: true })] }),
        para(`考试类型：${e.kind}\u3000考试日期：${e.date}\u3000参考年级：${analysis.grades.map((g) => g.gradeName).join('、')}`),
        para(`考试学科：${e.subjects.map((s) => (s.fullMarks ? `${s.subjectName} ${s.fullMarks} 分` : s.subjectName)).join('、')}`),
        para('说明：本报告只含汇总数据，不含学生个人成绩与名次。参考率 = 实考 ÷ 应考；缺考不计入实考；标准差为总体标准差；差异系数 CV = 各班平均分的标准差 ÷ 其平均值。', { size: 18 }),
        para(''),
        ...analysis.grades.flatMap((g) => gradeBlock(g, level, images)),
        // No forced page break: it left a page holding one chart, or a blank one, depending on where the tables ended.
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text('质量分析（由教务处填写）', { bold: true, size: 26, title: true })] }),
        ...comment('一、总体情况与成绩亮点'),
        ...comment('二、存在的问题及原因分析'),
        ...comment('三、改进措施与下阶段工作'),
        para(''),
        para('分析人：________________\u3000\u3000教务处负责人：________________\u3000\u3000日期：______年____月____日'),
      ],
    }],
  });
  const buf = await Packer.toBuffer(doc);
  const fileName = `${e.name}-${EXAM_REPORT_TITLE}.docx`.replace(UNSAFE_FILE_CHARS, '_');
  ctx.audit('report', 'export', { entityId: 'exam-quality-analysis', summary: `导出 ${fileName}（Word）`, after: { examId, fileName, format: 'docx' } });
  return { fileName, mime: DOCX_MIME, dataBase64: buf.toString('base64') };
}
