/**
 * The dossier's own pages, as HTML for the PDF port: the cover, the catalogue (目录) with real page numbers, the
 * school's self-assessment report with signature and date blocks, a divider per indicator (its standard, the
 * computed figure, the self-assessment text and the list of its evidence), a computed figure as an evidence
 * page, and a note page for an item that cannot be printed (a Word upload).
 */
import type { ComputedValue, Indicator } from '../../../../shared/contract';
import { documentShell, esc, gridTable } from '../../platform/report/layout';
import { zhDay } from '../../../../shared/domain/dates';

const A4 = { paper: 'A4', landscape: false } as const;
const HEI = `"SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif`;
const KAI = `"KaiTi", "STKaiti", "Noto Serif CJK SC", serif`;

export interface CoverData {
  schoolName: string; inspectionName: string; frameworkName: string; frameworkDocument: string | null;
  period: string; visitDate: string; composedOn: string;
  /** For a per-indicator volume: 第 3 盒 and the indicator. */
  volume?: { no: number; code: string; text: string };
}

/**
 * One stylesheet for every page the dossier draws itself (cover, catalogue, report, dividers, figures, notes):
 * pages with the same CSS print in one engine job, and a job costs seconds. Class names are per page kind.
 */
const DOSSIER_CSS = `
.cover { text-align: center; padding-top: 38mm; }
.cover .school { font-family: ${HEI}; font-size: 20pt; letter-spacing: 0.1em; }
.cover .big { font-family: ${HEI}; font-size: 26pt; font-weight: bold; margin: 16mm 10mm 6mm; line-height: 1.4; text-wrap: balance; }
.cover .sub { font-family: ${HEI}; font-size: 30pt; font-weight: bold; letter-spacing: 0.2em; margin-bottom: 14mm; }
.cover .volume { font-family: ${HEI}; font-size: 18pt; margin-top: 4mm; }
.cover .volume-text { font-size: 13pt; margin: 3mm 25mm 0; line-height: 1.5; }
.cover table.facts { margin: 30mm auto 0; border-collapse: collapse; font-size: 14pt; text-align: left; }
.cover table.facts th { font-family: ${HEI}; font-weight: normal; padding: 3mm 6mm 3mm 0; white-space: nowrap; vertical-align: top; }
.cover table.facts td { padding: 3mm 0; border-bottom: 0.6pt solid #000; min-width: 90mm; }


.cat-title { font-family: ${HEI}; font-size: 20pt; text-align: center; letter-spacing: 0.4em; margin: 4mm 0 6mm; }
.row { display: flex; align-items: baseline; font-size: 10.5pt; line-height: 1.55; break-inside: avoid; }
.row .t { max-width: 150mm; }
.row .dots { flex: 1; border-bottom: 0.8pt dotted #000; margin: 0 2mm; min-width: 8mm; transform: translateY(-1mm); }
.row .p { font-variant-numeric: tabular-nums; min-width: 9mm; text-align: right; }
.row.d0 { font-family: ${HEI}; font-size: 12pt; margin-top: 2.5mm; }
.row.d1 { padding-left: 6mm; font-family: ${HEI}; font-size: 10.5pt; margin-top: 1mm; }
.row.d2 { padding-left: 14mm; font-size: 10pt; }


.doc-title { font-family: ${HEI}; font-size: 17pt; text-align: center; line-height: 1.5; margin: 4mm 0 8mm; }
.self-report p { text-indent: 2em; font-size: 12pt; line-height: 1.8; margin: 0 0 2mm; }
.self-report p.blank { text-indent: 0; color: #444; }
.signs { margin: 16mm 0 0 85mm; font-size: 12pt; line-height: 2.6; break-inside: avoid; }
.signs .line { display: inline-block; width: 45mm; border-bottom: 0.6pt solid #000; }
.signs .short { display: inline-block; width: 12mm; border-bottom: 0.6pt solid #000; }


.part-name { font-family: ${HEI}; font-size: 13pt; margin-top: 10mm; }
.ind-code { font-family: ${HEI}; font-size: 30pt; font-weight: bold; margin: 8mm 0 3mm; }
.ind-text { font-family: ${KAI}; font-size: 15pt; line-height: 1.6; margin-bottom: 6mm; }
.ind-block { margin: 4mm 0 1.5mm; font-size: 11pt; }
.ind-block .label { font-family: ${HEI}; margin-right: 3mm; }
.self p { text-indent: 2em; font-size: 11pt; line-height: 1.7; margin: 0 0 1.5mm; }
.self p.blank { text-indent: 0; color: #444; }
ol { list-style: none; padding-left: 0; margin: 0; font-size: 10.5pt; line-height: 1.6; }
table.grid td { height: 7mm; font-size: 9.5pt; }
table.grid td.left { padding: 0.8mm 1.5mm; line-height: 1.35; }
.ind-school { text-align: right; margin-top: 8mm; font-size: 10pt; }

.line { margin: 3mm 0; font-size: 11pt; } .line.small { font-size: 9.5pt; color: #333; }
.note-title { font-family: ${HEI}; font-size: 16pt; text-align: center; margin-top: 60mm; } .note { text-align: center; font-size: 12pt; margin-top: 8mm; line-height: 1.7; }`;


export function coverHtml(c: CoverData): string {
  const body = `<section class="cover">
<div class="school">${esc(c.schoolName)}</div>
<div class="big">${esc(c.inspectionName)}</div>
<div class="sub">迎 检 资 料</div>
${c.volume ? `<div class="volume">第 ${c.volume.no} 盒\u3000${esc(c.volume.code)}</div><div class="volume-text">${esc(c.volume.text)}</div>` : ''}
<table class="facts">
<tr><th>评估依据</th><td>${esc(c.frameworkName)}${c.frameworkDocument ? `（${esc(c.frameworkDocument)}）` : ''}</td></tr>
<tr><th>资料时段</th><td>${esc(c.period)}</td></tr>
<tr><th>迎检日期</th><td>${esc(zhDay(c.visitDate))}</td></tr>
<tr><th>编制日期</th><td>${esc(zhDay(c.composedOn))}</td></tr>
</table>
</section>`;
  return documentShell({
    title: c.inspectionName, setup: A4, body, css: DOSSIER_CSS });
}

export interface CatalogueEntry { title: string; depth: number; page: number }

export function catalogueHtml(title: string, entries: CatalogueEntry[]): string {
  const rows = entries.map((e) => `<div class="row d${Math.min(e.depth, 2)}"><span class="t">${esc(e.title)}</span><span class="dots"></span><span class="p">${e.page}</span></div>`).join('\n');
  return documentShell({
    title, setup: A4, body: `<div class="cat-title">目\u3000录</div>\n${rows}`, css: DOSSIER_CSS });
}

const paragraphs = (text: string | null) => (text?.trim() ? text.trim().split(/\n+/).map((p) => `<p>${esc(p)}</p>`).join('') : '<p class="blank">（未填写）</p>');

export function overallHtml(schoolName: string, inspectionName: string, text: string | null): string {
  const body = `<div class="doc-title">${esc(schoolName)}<br>${esc(inspectionName)}学校自评报告</div>
<div class="self-report">${paragraphs(text)}</div>
<div class="signs">
<div><span>校长（签字）：</span><span class="line"></span></div>
<div><span>学校（盖章）</span></div>
<div><span>日期：</span><span class="short"></span>年<span class="short"></span>月<span class="short"></span>日</div>
</div>`;
  return documentShell({ title: `${inspectionName}学校自评报告`, setup: A4, body, css: DOSSIER_CSS });
}

function valueTable(v: ComputedValue): string {
  return gridTable([
    { label: '时段', width: '22%', value: (r) => r.period },
    { label: '学校数据', width: '18%', value: (r) => r.value },
    { label: '标准', width: '22%', value: (r) => r.standard },
    { label: '达标', width: '9%', value: (r) => (r.met === true ? '达标' : r.met === false ? '未达标' : '无法判断') },
    { label: '说明', value: (r) => r.detail, className: 'left' },
  ], v.rows);
}

export function dividerHtml(schoolName: string, ind: Indicator): string {
  const evidence = ind.evidence.map((e, i) => `<li>${i + 1}. ${esc(e.title)}</li>`).join('');
  const body = `<div class="part-name">${esc(ind.partNo)}、${esc(ind.partName)}</div>
<div class="ind-code">${esc(ind.code)}</div>
<div class="ind-text">${esc(ind.text)}</div>
${ind.standard ? `<div class="ind-block"><span class="label">评估标准</span>${esc(ind.standard)}</div>` : ''}
${ind.value ? `<div class="ind-block"><span class="label">${esc(ind.value.label)}</span></div>${valueTable(ind.value)}` : ''}
<div class="ind-block"><span class="label">学校自评</span></div><div class="self">${paragraphs(ind.selfText)}</div>
<div class="ind-block"><span class="label">佐证材料（${ind.evidence.length} 项）</span></div><ol>${evidence || '<li>（无）</li>'}</ol>
<div class="ind-school">${esc(schoolName)}</div>`;
  return documentShell({ title: `${ind.code} ${ind.text}`, setup: A4, body, css: DOSSIER_CSS });
}

export function computedHtml(schoolName: string, title: string, v: ComputedValue, standard: string | null, producedOn: string): string {
  const body = `<div class="school-header"><span class="school">${esc(schoolName)}</span><span>${esc(title)}</span></div>
<div class="report-title">${esc(v.label)}</div>
${standard ? `<div class="line">评估标准：${esc(standard)}</div>` : ''}
${valueTable(v)}
<div class="line">结论：${v.met === true ? '各时段均达到标准' : v.met === false ? `未达标准（${esc(v.summary)}）` : '数据不全，无法判断'}</div>
<div class="line small">数据由教务台账根据教师档案、学生名册、课表与检查记录计算，与系统中相应页面及报表一致。</div>
<div class="produced">制表日期：${esc(zhDay(producedOn))}</div>`;
  return documentShell({ title: v.label, setup: A4, body, css: DOSSIER_CSS });
}

export function notePageHtml(title: string, note: string): string {
  return documentShell({
    title, setup: A4,
    body: `<div class="note-title">${esc(title)}</div><div class="note">${esc(note)}</div>`,
    css: DOSSIER_CSS,
  });
}
