/**
 * Mentor-pair printouts:
 * - 'mentor-agreement' 师徒结对协议书: three identical copies (师傅、徒弟、学校各执一份), one per page, each with the
 *   duties as numbers and signature blocks for mentor, apprentice and school with date lines;
 * - 'mentor-assessment' 师徒结对学期考核表: one pair's term, the duties counted, the bound evaluation;
 * - 'mentor-certificate' 师徒结对证书: A4 landscape;
 * - 'mentor-summary' 青蓝工程师徒结对汇总表: every pair of the term with duties met and levels (the dossier item).
 * Every figure comes from termProgress (progress.ts), the same function the page shows.
 */
import type { MentorPair, PairTermProgress } from '../../../../shared/contract';
import { DUTY_LABEL, DUTY_UNIT, PER_LABEL, type DutyProgress } from '../../../../shared/domain/mentors/duties';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { defineReport, reportParams } from '../../platform/report/define';
import { loadHeader, type ReportHeaderData, type ReportParams } from '../../platform/report/header';
import { documentShell, esc, gridTable, producedLine, reportTitle, schoolHeader, zhDate } from '../../platform/report/layout';
import { currentTermId } from '../../platform/query';
import { loadPair, pairTerms } from './pairs';
import { termProgress } from './progress';
import { mentorSettings } from './settings';
import { zhDay } from '../../../../shared/domain/dates';

export const AGREEMENT_TITLE = '师徒结对协议书';
export const ASSESSMENT_TITLE = '师徒结对学期考核表';
export const CERTIFICATE_TITLE = '师徒结对证书';
export const SUMMARY_TITLE = '青蓝工程师徒结对汇总表';
const PORTRAIT = { paper: 'A4', landscape: false } as const;
const LANDSCAPE = { paper: 'A4', landscape: true } as const;

const HEI = `"SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif`;
const KAI = `"KaiTi", "STKaiti", "Noto Serif CJK SC", serif`;
const CSS = `
h3.part { font-family: ${HEI}; font-size: 11.5pt; margin: 3mm 0 1mm; break-after: avoid; page-break-after: avoid; }
table.grid td { height: 7.5mm; font-size: 10.5pt; }
table.grid td.left, table.grid td.text { text-align: left; padding: 1mm 1.5mm; white-space: pre-wrap; line-height: 1.4; }
.copy { text-align: right; font-size: 10pt; margin-bottom: 1mm; }
.clause { line-height: 1.55; font-size: 10.5pt; margin: 0 0 1mm; text-indent: 2em; }
ol.duties { margin: 0.5mm 0 1mm 8mm; padding: 0; line-height: 1.5; font-size: 10.5pt; }
.box { border: 0.6pt solid #000; padding: 1.5mm 2mm; min-height: 12mm; white-space: pre-wrap; line-height: 1.5; }
.signs { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 6mm; margin-top: 6mm; font-size: 10.5pt; break-inside: avoid; page-break-inside: avoid; }
.signs div { line-height: 2.3; }
.blank { display: inline-block; width: 28mm; border-bottom: 0.6pt solid #000; }
.note { font-size: 9.5pt; margin: 1.5mm 0; }
.score { font-size: 11pt; margin: 2mm 0; }
.cert { border: 3pt double #000; padding: 12mm 18mm; height: 170mm; display: flex; flex-direction: column; }
.cert .cert-title { font-family: ${HEI}; font-size: 34pt; text-align: center; letter-spacing: 0.5em; margin: 6mm 0 12mm; }
.cert .cert-body { font-family: ${KAI}; font-size: 18pt; line-height: 2.1; text-indent: 2em; flex: 1; }
.cert .cert-foot { text-align: right; font-size: 15pt; line-height: 2; }
.cert .cert-no { font-size: 10pt; }
`;

const dash = (v: string | null | undefined) => (v && v.trim() ? v : '');

function requirePair(ctx: CoreContext, params: ReportParams): MentorPair {
  if (params.pairId === undefined) throw new AppError('VALIDATION', 'mentors.pairRequired');
  return loadPair(ctx.db, params.pairId);
}

function dutyText(d: { key: DutyProgress['key']; per: DutyProgress['per']; target: number }): string {
  return `${DUTY_LABEL[d.key]}：${PER_LABEL[d.per]}不少于 ${d.target} ${DUTY_UNIT[d.key]}`;
}

// ---- the agreement ----

export interface AgreementData { header: ReportHeaderData; pair: MentorPair }

export function loadAgreement(ctx: CoreContext, params: ReportParams): AgreementData {
  const pair = requirePair(ctx, params);
  const first = pairTerms(ctx.db, pair)[0];
  return { header: loadHeader(ctx, first?.id), pair };
}

/** The agreement's text parts (shared by the PDF and the Word file, so both say the same). */
export function agreementClauses(p: MentorPair): { parties: [string, string][]; duties: string[]; mentorDuties: string[]; apprenticeDuties: string[] } {
  return {
    parties: [
      ['师傅（甲方）', `${p.mentorName}${p.mentorTitle ? `（${p.mentorTitle}${p.mentorBackbone && p.mentorBackbone !== '无' ? `，${p.mentorBackbone}骨干教师` : ''}）` : ''}`],
      ['徒弟（乙方）', p.apprenticeName],
      ['结对学科', p.subjectName ?? '（未指定）'],
      ['结对期限', `${zhDay(p.startDate)} 至 ${zhDay(p.endDate)}`],
    ],
    duties: p.duties.map(dutyText),
    mentorDuties: [
      '关心徒弟的思想、工作和生活，做到教书育人、言传身教；',
      '指导徒弟备课、上课、作业批改、辅导和教学反思，每学期听徒弟的课并及时评课；',
      '指导徒弟上好汇报课、开展教学研究，帮助徒弟在期限内达到结对目标。',
    ],
    apprenticeDuties: [
      '虚心学习师傅的师德修养、教学经验和教育方法；',
      '主动请师傅听课、评课，认真听师傅的课并写好听课记录和反思；',
      '按要求上好汇报课，按时完成教学反思和论文（案例），接受学校考核。',
    ],
  };
}

const COPIES = ['第一联\u3000师傅存', '第二联\u3000徒弟存', '第三联\u3000学校存档'];

export function renderAgreement(data: AgreementData): string {
  const { header, pair: p } = data;
  const c = agreementClauses(p);
  const one = (copy: string) => `<section class="sheet">
${schoolHeader(header.schoolName, '青蓝工程')}
<div class="copy">${esc(copy)}</div>
${reportTitle(AGREEMENT_TITLE)}
<p class="clause">为加快青年教师专业成长，发挥骨干教师的传、帮、带作用，经学校研究，甲乙双方自愿结为师徒，签订本协议。</p>
<table class="grid"><colgroup><col style="width:30mm"><col></colgroup><tbody>
${c.parties.map(([k, v]) => `<tr><th>${esc(k)}</th><td class="left">${esc(v)}</td></tr>`).join('\n')}
</tbody></table>
<h3 class="part">一、结对目标</h3>
<div class="box">${esc(dash(p.goals))}</div>
<h3 class="part">二、量化任务（学校据此逐项考核）</h3>
<ol class="duties">${c.duties.map((d) => `<li>${esc(d)}</li>`).join('')}</ol>
<h3 class="part">三、师傅职责</h3>
<ol class="duties">${c.mentorDuties.map((d) => `<li>${esc(d)}</li>`).join('')}</ol>
<h3 class="part">四、徒弟职责</h3>
<ol class="duties">${c.apprenticeDuties.map((d) => `<li>${esc(d)}</li>`).join('')}</ol>
<h3 class="part">五、考核</h3>
<p class="clause">学校每学期按上述任务对师徒实行捆绑式考核，徒弟的成长计入师傅的考核结果。本协议一式三份，师傅、徒弟、学校各执一份。</p>
<div class="signs">
<div>师傅（签字）：<span class="blank"></span><br>日期：<span class="blank"></span></div>
<div>徒弟（签字）：<span class="blank"></span><br>日期：<span class="blank"></span></div>
<div>学校（盖章）：<span class="blank"></span><br>日期：<span class="blank"></span></div>
</div>
</section>`;
  return documentShell({ title: AGREEMENT_TITLE, setup: PORTRAIT, body: COPIES.map(one).join('\n'), css: CSS });
}

// ---- the term assessment ----

export interface AssessmentData { header: ReportHeaderData; pair: MentorPair; progress: PairTermProgress; weights: string }

export function loadAssessment(ctx: CoreContext, params: ReportParams): AssessmentData {
  const pair = requirePair(ctx, params);
  const terms = pairTerms(ctx.db, pair);
  const termId = params.termId ?? (terms.some((t) => t.id === currentTermId(ctx)) ? currentTermId(ctx)! : terms[terms.length - 1]?.id);
  if (termId === undefined || !terms.some((t) => t.id === termId)) throw new AppError('VALIDATION', 'mentors.pairNotInTerm');
  const progress = termProgress(ctx, termId, undefined, pair.id).progress.get(pair.id)!;
  const w = mentorSettings(ctx).weights;
  const weights = `听课评分进步 ${w.progress}、汇报课 ${w.reportLessons}、任务完成 ${w.duties}；师傅：徒弟得分 ${w.mentorFromApprentice}、本人任务 ${w.mentorOwnDuties}`;
  return { header: loadHeader(ctx, termId), pair, progress, weights };
}

const fmt = (v: number | null) => (v === null ? '—' : (Math.round(v * 10) / 10).toFixed(1));

export function renderAssessment(data: AssessmentData): string {
  const { header, pair: p, progress: g } = data;
  const a = g.assessment;
  // A confirmed assessment prints the figures it was confirmed on, so its scores and duties agree.
  const e = a?.detail ? { ...g.evaluation, parts: a.detail.parts, capped: a.detail.capped } : g.evaluation;
  const shownDuties = a?.detail ? a.detail.duties : g.duties;
  const asOf = a?.detail ? a.detail.asOf : g.asOf;
  const apprenticeScore = a ? a.apprenticeScore : e.apprenticeScore;
  const mentorScore = a ? a.mentorScore : e.mentorScore;
  const aLevel = a ? a.apprenticeLevel : e.apprenticeLevel;
  const mLevel = a ? a.mentorLevel : e.mentorLevel;
  const duties = gridTable<DutyProgress>([
    { label: '任务', value: (d) => DUTY_LABEL[d.key], className: 'left' },
    { label: '承担人', width: '16mm', value: (d) => (d.owner === 'mentor' ? '师傅' : '徒弟') },
    { label: '统计区间', width: '46mm', value: (d) => `${d.window.from} 至 ${d.window.to}`, className: 'num' },
    { label: '应完成', width: '16mm', value: (d) => d.target, className: 'num' },
    { label: '已完成', width: '16mm', value: (d) => d.done, className: 'num' },
    { label: '完成情况', width: '20mm', value: (d) => (d.met ? '达标' : `差 ${d.target - d.done}`) },
  ], shownDuties);
  const body = `<section class="sheet">
${schoolHeader(header.schoolName, header.term?.label ?? null)}
${reportTitle(ASSESSMENT_TITLE)}
<table class="grid"><colgroup><col style="width:22mm"><col><col style="width:22mm"><col><col style="width:22mm"><col></colgroup><tbody>
<tr><th>师傅</th><td>${esc(p.mentorName)}</td><th>徒弟</th><td>${esc(p.apprenticeName)}</td><th>学科</th><td>${esc(p.subjectName ?? '')}</td></tr>
<tr><th>结对期限</th><td colspan="3" class="num">${esc(`${p.startDate} 至 ${p.endDate}`)}</td><th>统计截至</th><td class="num">${esc(asOf)}</td></tr>
</tbody></table>
<h3 class="part">一、任务完成情况</h3>
${duties}
<div class="note">听课节数取自学校听课记录（师傅听徒弟、徒弟听师傅，按听课人与授课人自动归入本结对）；其余任务取自结对活动记录。</div>
<h3 class="part">二、捆绑式评价</h3>
${gridTable<[string, string, string]>([
    { label: '评价项目', value: (r) => r[0], className: 'left' },
    { label: '得分', width: '24mm', value: (r) => r[1], className: 'num' },
    { label: '说明', width: '80mm', value: (r) => r[2], className: 'left' },
  ], [
    ['徒弟：听课评分进步', fmt(e.parts.progress), '本人被听课评分的变化（后半段均分 + 提高幅度）'],
    ['徒弟：汇报课', fmt(e.parts.reportLessons), '本学期汇报课评分均分'],
    ['徒弟：任务完成', fmt(e.parts.apprenticeDuties), '徒弟各项任务完成比例的平均 × 100'],
    ['师傅：本人任务完成', fmt(e.parts.mentorDuties), '师傅各项任务完成比例的平均 × 100'],
  ])}
<div class="score">徒弟得分：<b>${esc(fmt(apprenticeScore))}</b>\u3000等级：<b>${esc(aLevel ?? '—')}</b>\u3000\u3000师傅得分：<b>${esc(fmt(mentorScore))}</b>\u3000等级：<b>${esc(mLevel ?? '—')}</b>${e.capped ? '（徒弟不合格，师傅等级不高于合格）' : ''}</div>
<div class="note">权重：${esc(data.weights)}。无数据的项目不计入，其余按比例折算。${a ? `已于 ${esc(a.confirmedAt.slice(0, 10))} 由 ${esc(a.operator)} 确认。` : '（尚未确认，以上为实时计算结果。）'}</div>
<h3 class="part">三、考核意见</h3>
<div class="box">${esc(dash(a?.comment))}</div>
<div class="signs">
<div>师傅（签字）：<span class="blank"></span></div>
<div>徒弟（签字）：<span class="blank"></span></div>
<div>教务处（盖章）：<span class="blank"></span><br>日期：<span class="blank"></span></div>
</div>
${producedLine(header.producedAt)}
</section>`;
  return documentShell({ title: ASSESSMENT_TITLE, setup: PORTRAIT, body, css: CSS });
}

// ---- the certificate ----

export interface CertificateData { header: ReportHeaderData; pair: MentorPair }

export function renderCertificate(data: CertificateData): string {
  const { header, pair: p } = data;
  const body = `<section class="sheet"><div class="cert">
<div class="cert-title">${esc(CERTIFICATE_TITLE)}</div>
<div class="cert-body">${esc(p.mentorName)} 老师、${esc(p.apprenticeName)} 老师：<br>\u3000\u3000在我校“青蓝工程”中，你们于 ${esc(zhDay(p.startDate))} 结为师徒${p.subjectName ? `（${esc(p.subjectName)}学科）` : ''}，结对期限至 ${esc(zhDay(p.endDate))}。师傅倾囊相授，徒弟虚心好学，特发此证，以资鼓励。</div>
<div class="cert-foot">${esc(header.schoolName)}<br>${esc(zhDate(header.producedAt))}</div>
<div class="cert-no">证书编号：QL-${esc(p.startDate.slice(0, 4))}-${esc(String(p.id).padStart(3, '0'))}</div>
</div></section>`;
  return documentShell({ title: CERTIFICATE_TITLE, setup: LANDSCAPE, body, css: CSS });
}

// ---- the programme summary ----

export interface SummaryData { header: ReportHeaderData; rows: (MentorPair & { progress: PairTermProgress | null })[] }

export function loadSummary(ctx: CoreContext, params: ReportParams): SummaryData {
  const header = loadHeader(ctx, params.termId);
  if (!header.term) throw new AppError('VALIDATION', 'mentors.termRequired');
  const r = termProgress(ctx, header.term.id);
  return { header, rows: r.pairs.map((p) => ({ ...p, progress: r.progress.get(p.id) ?? null })) };
}

function dutyCell(g: PairTermProgress | null, key: DutyProgress['key']): string {
  const d = g?.duties.find((x) => x.key === key);
  return d ? `${d.done}/${d.target}` : '—';
}

export function renderSummary(data: SummaryData): string {
  const { header, rows } = data;
  type R = SummaryData['rows'][number];
  const running = rows.filter((r) => r.status !== '已解除');
  const allMet = running.filter((r) => r.progress && r.progress.duties.every((d) => d.met)).length;
  // Only a confirmed assessment is a result; mid-term figures would read as failures.
  const level = (r: R, who: 'apprentice' | 'mentor') => {
    const a = r.progress?.assessment;
    return a ? (who === 'apprentice' ? a.apprenticeLevel : a.mentorLevel) ?? '—' : '未考核';
  };
  const table = rows.length ? gridTable<R>([
    { label: '序号', width: '10mm', value: (_r, i) => i + 1, className: 'num' },
    { label: '师傅', width: '18mm', value: (r) => r.mentorName },
    { label: '徒弟', width: '18mm', value: (r) => r.apprenticeName },
    { label: '学科', width: '22mm', value: (r) => r.subjectName ?? '' },
    { label: '结对期限', width: '44mm', value: (r) => `${r.startDate}～${r.endDate}`, className: 'num' },
    { label: '师听徒', value: (r) => dutyCell(r.progress, 'mentorObserves'), className: 'num' },
    { label: '徒听师', value: (r) => dutyCell(r.progress, 'apprenticeObserves'), className: 'num' },
    { label: '汇报课', value: (r) => dutyCell(r.progress, 'reportLessons'), className: 'num' },
    { label: '反思', value: (r) => dutyCell(r.progress, 'reflections'), className: 'num' },
    { label: '指导', value: (r) => dutyCell(r.progress, 'guidance'), className: 'num' },
    { label: '论文', value: (r) => dutyCell(r.progress, 'papers'), className: 'num' },
    { label: '徒弟等级', width: '17mm', value: (r) => level(r, 'apprentice') },
    { label: '师傅等级', width: '17mm', value: (r) => level(r, 'mentor') },
    { label: '状态', width: '16mm', value: (r) => r.status },
  ], rows) : '<div class="empty">（本学期无师徒结对）</div>';
  const body = `<section class="sheet">
${schoolHeader(header.schoolName, header.term?.label ?? null)}
${reportTitle(SUMMARY_TITLE)}
<div class="score">本学期结对 ${rows.length} 对（在结 ${running.length} 对），各项任务全部达标 ${allMet} 对。任务栏为“已完成/应完成”，统计截至制表日。</div>
${table}
<div class="note">等级为教务处确认的学期考核结果；“未考核”表示本学期尚未确认。听课节数取自学校听课记录，按听课人与授课人自动归入结对。</div>
${producedLine(header.producedAt)}
</section>`;
  return documentShell({ title: SUMMARY_TITLE, setup: LANDSCAPE, body, css: CSS });
}

export const MENTOR_REPORTS = [
  defineReport({
    id: 'mentor-agreement', title: AGREEMENT_TITLE, titleKey: 'reports.mentor-agreement', feature: 'mentors', module: 'teachers',
    params: reportParams(['pairId'], ['pairId']), ...PORTRAIT, load: loadAgreement, render: renderAgreement,
  }),
  defineReport({
    id: 'mentor-assessment', title: ASSESSMENT_TITLE, titleKey: 'reports.mentor-assessment', feature: 'mentors', module: 'teachers',
    params: reportParams(['pairId', 'termId'], ['pairId']), ...PORTRAIT, load: loadAssessment, render: renderAssessment,
  }),
  defineReport({
    id: 'mentor-certificate', title: CERTIFICATE_TITLE, titleKey: 'reports.mentor-certificate', feature: 'mentors', module: 'teachers',
    params: reportParams(['pairId'], ['pairId']), ...LANDSCAPE,
    load: (ctx: CoreContext, params: ReportParams): CertificateData => ({ header: loadHeader(ctx, undefined), pair: requirePair(ctx, params) }),
    render: renderCertificate,
  }),
  defineReport({
    id: 'mentor-summary', title: SUMMARY_TITLE, titleKey: 'reports.mentor-summary', feature: 'mentors', module: 'teachers',
    params: reportParams(['termId']), ...LANDSCAPE, load: loadSummary, render: renderSummary,
  }),
];
