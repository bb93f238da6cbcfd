/**
 * Pieces the routine pages share (standards, lesson plans, plan checks, homework checks): option lists of the
 * stored Chinese enum values, month/date helpers, the ahead/behind and norm-flag tags, and a client-side Excel
 * export of the rows a page shows (the contract has no export method for these lists).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FIX_STATUSES, GRADE_LABELS, HOMEWORK_TYPES, LESSON_TYPES, type HomeworkFlag,
} from '../../../../shared/contract';
import { aheadOf } from '../../../../shared/domain/routine/plan-check';
import { saveFile } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import type { GridOption } from '../../components/DataGrid';
import './routine.css';

export const today = () => dayjs().format('YYYY-MM-DD');
export const thisMonth = () => dayjs().format('YYYY-MM');

/** The check date decides the teaching weeks begun, so a month's check keeps it inside that month (else its last day). */
export function checkDateInMonth(checkDate: string, month: string): string {
  return checkDate.startsWith(month) ? checkDate : dayjs(`${month}-01`).endOf('month').format('YYYY-MM-DD');
}

/** The 1-based teaching week of a date in a term starting on termStart (clamped to 1..teachingWeeks). */
export function teachingWeekOf(date: string, termStart: string, teachingWeeks: number): number {
  const days = dayjs(date).diff(dayjs(termStart), 'day');
  return Math.min(Math.max(Math.floor(days / 7) + 1, 1), Math.max(teachingWeeks, 1));
}

/** Labels of the stored enum values (优/良/..., 课堂作业/..., 新授/..., none/open/done) in the UI language. */
export function useRoutineOptions() {
  const { t } = useTranslation();
  return useMemo(() => {
    const of = (kind: string, values: readonly string[]): GridOption[] =>
      values.map((v) => ({ value: v, label: t(`routine.enum.${kind}.${v}`) }));
    return {
      grades: of('grade', GRADE_LABELS),
      homeworkTypes: of('homeworkType', HOMEWORK_TYPES),
      lessonTypes: of('lessonType', LESSON_TYPES),
      fixStatuses: of('fixStatus', FIX_STATUSES),
      detailLevels: of('detailLevel', ['详案', '简案']),
    };
  }, [t]);
}

/**
 * 超前/不足: plans at least one week (weeklyPeriods) ahead of the periods taught so far are 超前; anything
 * less is 不足 (the shared aheadOf, the same arithmetic as the core, capped at the periods left in the term).
 */
export function AheadTag({ planned, expected, weekly, termPeriods }: { planned: number | null | undefined; expected: number; weekly: number; termPeriods?: number }) {
  const { t } = useTranslation();
  if (planned == null) return <span className="jw-muted">—</span>;
  const a = aheadOf(planned, expected, weekly, termPeriods);
  const signed = a.periods > 0 ? `+${a.periods}` : String(a.periods);
  return (
    <Tooltip title={t('routine.checks.aheadHint', { periods: signed, weeks: a.weeks ?? '—' })}>
      <span className={a.notAhead ? 'jw-rt-behind' : 'jw-rt-ahead'} data-testid="ahead-cell" data-ahead={a.periods}>
        <Tag color={a.notAhead ? 'error' : 'success'} className="jw-rt-tag">{t(a.notAhead ? 'routine.checks.behind' : 'routine.checks.ahead')}</Tag>
        {signed}
      </span>
    </Tooltip>
  );
}

const FLAG_COLOR: Record<HomeworkFlag['severity'], string> = { error: 'error', warning: 'warning', info: 'processing' };

/** The norm check's findings as tags; the message is the core's key under routineCore.flags. */
export function FlagTags({ flags }: { flags: HomeworkFlag[] | undefined }) {
  const { t } = useTranslation();
  if (!flags?.length) return null;
  return (
    <span className="jw-rt-flags" data-testid="flag-tags">
      {flags.map((f, i) => {
        const text = t(`routineCore.flags.${f.key}`, { ...f.params, defaultValue: t(`routine.flags.${f.key}`, f.params) });
        return (
          <Tooltip key={i} title={text}>
            <Tag color={FLAG_COLOR[f.severity]} className="jw-rt-tag" data-flag={f.key}>{text}</Tag>
          </Tooltip>
        );
      })}
    </span>
  );
}

export interface ExportColumn<R> { header: string; value: (row: R) => string | number | null | undefined }

/** Writes rows to an .xlsx (SheetJS, loaded on demand) and hands it to saveFile. */
export async function exportXlsx<R>(fileName: string, sheetName: string, columns: ExportColumn<R>[], rows: R[]): Promise<boolean> {
  const XLSX = await import('@e965/xlsx');
  const aoa = [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.value(r) ?? ''))];
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!cols'] = columns.map((c) => ({ wch: Math.max(8, Math.min(40, c.header.length * 2 + 2)) }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheetName.slice(0, 31));
  const dataBase64 = XLSX.write(wb, { type: 'base64', bookType: 'xlsx' }) as string;
  return saveFile({ fileName, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', dataBase64 });
}

/** An 导出 button: fetches the rows (with the page's filters) and exports them. */
export function ExportButton<R>({ fileName, sheetName, columns, fetchRows, testId }: {
  fileName: string; sheetName: string; columns: ExportColumn<R>[]; fetchRows: () => Promise<R[]>; testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  const run = useCallback(async () => {
    setBusy(true);
    try {
      const rows = await fetchRows();
      if (await exportXlsx(fileName, sheetName, columns, rows)) void message.success(t('grid.exported', { file: fileName }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }, [fetchRows, fileName, sheetName, columns, message, t, showError]);
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={run} data-testid={testId}>
      {t('grid.export')}
    </Button>
  );
}

/** Formats a byte count the way the office reads it (KB / MB). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
