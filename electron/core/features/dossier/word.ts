/**
 * The dossier as an editable Word file: cover, catalogue (indicators and their evidence; page numbers belong
 * to the PDF), the school's self-assessment report, and per indicator its standard, computed table and
 * self-assessment text. Built from the same detail the PDF is composed from.
 */
import { AlignmentType, PageBreak, Paragraph, TextRun } from 'docx';
import type { InspectionDetail } from '../../../../shared/contract';
import { a4Section, HEI, heading, officeDocx, para, table, titlePara } from '../../platform/report/docx';
import { zhDay } from '../../../../shared/domain/dates';

const metText = (m: boolean | null) => (m === true ? '达标' : m === false ? '未达标' : '无法判断');
const lines = (text: string | null) => (text?.trim() ? text.trim().split(/\n+/).map((p) => para(p, { indent: true })) : [para('（未填写）')]);

export function dossierWord(school: string, d: InspectionDetail, today: string): Promise<Buffer> {
  const ins = d.inspection;
  const applicable = d.indicators.filter((i) => i.applies);
  const big = (text: string, size: number, before = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before, after: 200 }, children: [new TextRun({ text, font: HEI, size, bold: true })] });
  const cover = [
    big(school, 40, 1600), big(ins.name, 48, 800), big('迎检资料', 56, 400),
    para(`评估依据：${ins.frameworkName}${ins.frameworkDocument ? `（${ins.frameworkDocument}）` : ''}`, { align: AlignmentType.CENTER }),
    para(`资料时段：${ins.yearNames.join('、')}`, { align: AlignmentType.CENTER }),
    para(`迎检日期：${zhDay(ins.visitDate)}`, { align: AlignmentType.CENTER }),
    para(`编制日期：${zhDay(today)}`, { align: AlignmentType.CENTER }),
  ];
  const catalogue = [
    titlePara('目\u3000录'),
    table(['编号', '指标', '佐证材料'], applicable.map((i) => [i.code, i.text, i.evidence.map((e, k) => `${k + 1}. ${e.title}`).join('\n') || '（无）']), [10, 45, 45], [1, 2]),
  ];
  const overall = [titlePara(`${ins.name}学校自评报告`), ...lines(ins.overallText),
    para(''), para('校长（签字）：__________\u3000\u3000学校（盖章）', { align: AlignmentType.RIGHT }), para('日期：______年____月____日', { align: AlignmentType.RIGHT })];
  const body = applicable.flatMap((i, k) => [
    ...(k === 0 || applicable[k - 1].partNo !== i.partNo ? [titlePara(`${i.partNo}、${i.partName}`)] : []),
    heading(`${i.code}\u3000${i.text}`),
    ...(i.standard ? [para(`评估标准：${i.standard}`)] : []),
    ...(i.value ? [para(`${i.value.label}：${metText(i.value.met)}`, { bold: true }), table(['时段', '学校数据', '标准', '达标', '说明'], i.value.rows.map((r) => [r.period, r.value, r.standard, metText(r.met), r.detail]), [20, 18, 22, 10, 30], [4])] : []),
    para('学校自评：', { bold: true }), ...lines(i.selfText),
    para(`佐证材料（${i.evidence.length} 项）：`, { bold: true }),
    ...i.evidence.map((e, n) => para(`${n + 1}. ${e.title}`)),
  ]);
  return officeDocx(ins.name, [
    a4Section(cover),
    a4Section([...catalogue, new Paragraph({ children: [new PageBreak()] }), ...overall]),
    a4Section(body),
  ]);
}
