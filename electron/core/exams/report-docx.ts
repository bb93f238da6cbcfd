/**
 * The quality-analysis report as an editable Word file (docx): the same tables as the PDF, the score
 * distribution as a table instead of a chart (offices edit these files; images would not be editable),
 * and ruled blank paragraphs for the office's commentary. Aggregate only, like the PDF.
 */
import {
  AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow,
  TextRun, WidthType,
} from 'docx';
import type { GradeAnalysis, SubjectGradeAnalysis, SubjectStats } from '../../../shared/contract/exams';
import { fmtScore, pct, round } from '../../../shared/domain/exams/analysis';
import type { CoreContext } from '../context';
import { loadHeader } from '../reports/common';
import { EXAM_REPORT_TITLE, thresholdText } from '../reports/exam-quality-report';
import { examAnalysis } from './analysis';

const BODY_FONT = { ascii: 'SimSun', eastAsia: 'SimSun', hAnsi: 'SimSun' };
const TITLE_FONT = { ascii: 'SimHei', eastAsia: 'SimHei', hAnsi: 'SimHei' };
const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f]/g;

const text = (t: string, opts: { bold?: boolean; size?: number; title?: boolean } = {}) =>
  new TextRun({ text: t, bold: opts.bold, size: opts.size, font: opts.title ? TITLE_FONT : BODY_FONT });
const para = (t: string, opts: { bold?: boolean; size?: number; center?: boolean; title?: boolean } = {}) =>
  new Paragraph({ alignment: opts.center ? AlignmentType.CENTER : undefined, children: [text(t, opts)] });

function table(head: string[], rows: string[][], boldLast = false): Table {
  const cell = (t: string, bold: boolean) => new TableCell({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(t, { bold, size: 18 })] })],
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r, i) => new TableRow({ children: r.map((v) => cell(v, boldLast && i === rows.length - 1)) })),
    ],
  });
}

const statRow = (name: string, s: SubjectStats, diff: number | null | undefined) => [
  name, String(s.expected), String(s.takers), pct(s.participation), fmtScore(s.average),
  diff === undefined ? '' : diff === null ? '—' : `${diff > 0 ? '+' : ''}${round(diff, 2)}`,
  pct(s.passRate), pct(s.excellentRate), pct(s.lowRate), fmtScore(s.max, 1), fmtScore(s.min, 1), fmtScore(s.sd),
];

function subjectBlock(s: SubjectGradeAnalysis, level: boolean): (Paragraph | Table)[] {
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
    out.push(table(s.distribution.map((b, i) => `${round(b.from, 1)}${i === s.distribution.length - 1 ? '-' + round(b.to, 1) : '-'}`), [s.distribution.map((b) => String(b.count))]));
  }
  out.push(para(''));
  return out;
}

function gradeBlock(g: GradeAnalysis, level: boolean): (Paragraph | Table)[] {
  const expected = g.classes.reduce((n, c) => n + c.expected, 0);
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(`${g.gradeName}：${g.classes.length} 个班，应考 ${expected} 人`, { bold: true, size: 26, title: true })] }),
    para(`分析标准：${level ? '等级评价（优、良、合格、待合格）' : thresholdText(g.thresholds)}`, { size: 19 }),
    para('三率一分总览', { bold: true, title: true }),
    table(['学科', '满分', '应考', '实考', '平均分', '及格率', '优秀率', '低分率', '班级差异系数'], g.subjects.map((s) => [
      s.subjectName, s.fullMarks === null ? '等级' : String(s.fullMarks), String(s.grade.expected), String(s.grade.takers),
      fmtScore(s.grade.average), pct(s.grade.passRate), pct(s.grade.excellentRate), pct(s.grade.lowRate),
      s.cv === null ? '—' : `${(s.cv * 100).toFixed(2)}%`,
    ])),
    para(''),
    ...g.subjects.flatMap((s) => subjectBlock(s, level)),
  ];
}

/** A blank paragraph with a bottom rule: a line to write on. */
const ruled = () => new Paragraph({
  spacing: { before: 240 },
  border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  children: [text(' ')],
});

export async function examReportDocx(ctx: CoreContext, examId: number): Promise<{ fileName: string; mime: string; dataBase64: string }> {
  const analysis = examAnalysis(ctx, examId);
  const e = analysis.exam;
  const header = loadHeader(ctx, e.termId);
  const level = e.mode === 'level';
  const comment = (title: string) => [para(title, { bold: true, title: true }), ...Array.from({ length: 6 }, ruled)];
  const doc = new Document({
    creator: header.schoolName || '教务台账',
    title: `${e.name} ${EXAM_REPORT_TITLE}`,
    styles: { default: { document: { run: { font: BODY_FONT, size: 21 } } } },
    sections: [{
      properties: { page: { size: { orientation: PageOrientation.PORTRAIT, width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1020, right: 1020 } } },
      children: [
        para(`${header.schoolName}\u3000\u3000${header.term?.label ?? ''}`, { size: 20 }),
        new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [text(`${e.name} ${EXAM_REPORT_TITLE}`, { bold: true, size: 36, title: true })] }),
        para(`考试类型：${e.kind}\u3000考试日期：${e.date}\u3000参考年级：${analysis.grades.map((g) => g.gradeName).join('、')}`),
        para(`考试学科：${e.subjects.map((s) => (s.fullMarks ? `${s.subjectName} ${s.fullMarks} 分` : s.subjectName)).join('、')}`),
        para('说明：本报告只含汇总数据，不含学生个人成绩与名次。参考率 = 实考 ÷ 应考；缺考不计入实考；标准差为总体标准差；差异系数 CV = 各班平均分的标准差 ÷ 其平均值。', { size: 18 }),
        para(''),
        ...analysis.grades.flatMap((g) => gradeBlock(g, level)),
        new Paragraph({ pageBreakBefore: true, heading: HeadingLevel.HEADING_2, children: [text('质量分析（由教务处填写）', { bold: true, size: 26, title: true })] }),
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
  return { fileName, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', dataBase64: buf.toString('base64') };
}
