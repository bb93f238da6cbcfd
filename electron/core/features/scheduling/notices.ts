/**
 * 课表调整通知: after a repair (or any accepted draft), one page per teacher and one per class listing each of their
 * lessons that moved, from where to where, for the clerk to hand out. Printed through the PDF port.
 */
import type { FilePayload, LessonChange } from '../../../../shared/contract';
import { zhSchoolDate } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../platform/context';
import { loadHeader } from '../../platform/report/header';
import { documentShell, esc, gridTable, pdfOptionsFor, producedLine, reportTitle, schoolHeader, type Column } from '../../platform/report/layout';
import { PDF_MIME } from '../../platform/serving';
import { DAY_NAMES } from '../timetable/service';
import { draftForNotices } from './drafts';

export const NOTICES_TITLE = '课表调整通知';
const SETUP = { paper: 'A4', landscape: false } as const;
const when = (s: { day: number; period: number } | null) => (s ? `${DAY_NAMES[s.day - 1] ?? s.day}第${s.period}节` : '—');

export function renderNotices(school: string, term: string | null, producedAt: Date, changes: LessonChange[], since: string): string {
  const sheet = (heading: string, rows: LessonChange[], columns: Column<LessonChange>[]) => `<section class="sheet">
${schoolHeader(school, term)}
${reportTitle(NOTICES_TITLE)}
<div class="info-line"><span>${esc(heading)}</span><span>自 ${esc(since)} 起执行</span></div>
${gridTable(columns, rows, { minRows: 6 })}
<p class="note">以上课节调整后，其余课节不变。如有疑问请与教务处联系。</p>
${producedLine(producedAt)}
</section>`;
  const teacherCols: Column<LessonChange>[] = [
    { label: '序号', width: '10%', value: (_, i) => i + 1 }, { label: '班级', width: '24%', value: (c) => c.className },
    { label: '学科', width: '22%', value: (c) => c.subjectName }, { label: '原时间', width: '22%', value: (c) => when(c.from) }, { label: '新时间', width: '22%', value: (c) => when(c.to) },
  ];
  const classCols: Column<LessonChange>[] = [
    { label: '序号', width: '10%', value: (_, i) => i + 1 }, { label: '学科', width: '24%', value: (c) => c.subjectName },
    { label: '任课教师', width: '22%', value: (c) => c.teacherName }, { label: '原时间', width: '22%', value: (c) => when(c.from) }, { label: '新时间', width: '22%', value: (c) => when(c.to) },
  ];
  const group = <K>(key: (c: LessonChange) => K) => {
    const m = new Map<K, LessonChange[]>();
    for (const c of changes) m.set(key(c), [...(m.get(key(c)) ?? []), c]);
    return m;
  };
  const sheets = [
    ...[...group((c) => c.teacherId)].map(([, rows]) => sheet(`${rows[0].teacherName} 老师：${rows.length} 节课调整`, rows, teacherCols)),
    ...[...group((c) => c.classId)].map(([, rows]) => sheet(`${rows[0].className}：${rows.length} 节课调整`, rows, classCols)),
  ];
  const body = sheets.length ? sheets.join('\n') : `<section class="sheet">${schoolHeader(school, term)}${reportTitle(NOTICES_TITLE)}<div class="empty">本次调整没有课节变动。</div></section>`;
  return documentShell({ title: NOTICES_TITLE, setup: SETUP, body, css: '.note { margin-top: 3mm; font-size: 10pt; }' });
}

export async function changeNoticesPdf(ctx: CoreContext, termId: number, draftId: number): Promise<FilePayload> {
  if (!ctx.pdf) throw new AppError('IO', 'noPdfEngine');
  const { diff } = draftForNotices(ctx, termId, draftId);
  const header = loadHeader(ctx, termId);
  // The day the notices are printed, in the school's time zone.
  const since = zhSchoolDate(ctx.now());
  const html = renderNotices(header.schoolName, header.term?.label ?? null, header.producedAt, diff.changes, since);
  const bytes = await ctx.pdf.htmlToPdf(html, pdfOptionsFor(SETUP));
  const fileName = `${header.schoolName}-${NOTICES_TITLE}.pdf`.replace(/[\\/:*?"<>|]/g, '_');
  ctx.audit('report', 'export', { entityId: 'change-notices', summary: fileName, after: { termId, draftId } });
  return { fileName, mime: PDF_MIME, dataBase64: Buffer.from(bytes).toString('base64') };
}
