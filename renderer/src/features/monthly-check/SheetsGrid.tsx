/**
 * The month's sheets for fast entry: one row per teacher, the prefilled facts read-only, the rubric item scores
 * editable (keyboard, or a block pasted from Excel through one monthly-check/saveSheets), the total and grade computed
 * live from the month's rubric snapshot, then comment, checker, date, fix and status.
 *
 * Scores travel as `scores: {key: n}`; the grid needs flat fields, so each item becomes a column `s_<key>`.
 */
import type { ValueGetterParams } from 'ag-grid-community';
import { Tag } from 'antd';
import { useCallback, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthlySheetRow, MonthlySheets, SheetEdit } from '../../../../shared/contract';
import { SHEET_STATUSES, scoreSheet } from '../../../../shared/domain/routine/monthly';
import { api } from '../../api/client';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { LEVEL_COLOR, SHEET_STATUS_COLOR } from '../../components/routine-levels';
import { schoolDay } from '../../../../shared/domain/dates';

type ScoreField = `s_${string}`;
export type SheetGridRow = Omit<MonthlySheetRow, 'scores'> & { [k: ScoreField]: number | null };

const scoreField = (key: string): ScoreField => `s_${key}`;

export function flattenSheet(row: MonthlySheetRow, itemKeys: string[]): SheetGridRow {
  const { scores, ...rest } = row;
  const flat = { ...rest } as SheetGridRow;
  for (const k of itemKeys) flat[scoreField(k)] = scores[k] ?? null;
  return flat;
}

const today = () => schoolDay();

export function SheetsGrid({ sheets, operator, onSaved, toolbar }: {
  /** The month as loaded; the grid keeps its own rows after that (saves update them in place). */
  sheets: MonthlySheets;
  operator: string | null;
  onSaved: (s: MonthlySheets) => void;
  /** Extra controls next to the quick search (the printouts). */
  toolbar?: ReactNode;
}) {
  const { t } = useTranslation();
  const items = sheets.items;
  const itemKeys = useMemo(() => items.map((i) => i.key), [items]);
  const rubric = useMemo(() => ({ mode: sheets.mode, items: sheets.items, bands: sheets.bands }), [sheets.mode, sheets.items, sheets.bands]);
  // Status as last saved, so a save sends `status` only when the checker changed it (else core promotes 未查 -> 已查).
  const savedStatus = useRef(new Map<number, string>());

  const scoresOf = useCallback(
    (row: Partial<SheetGridRow>) => Object.fromEntries(itemKeys.map((k) => [k, (row[scoreField(k)] as number | null | undefined) ?? null])),
    [itemKeys],
  );

  const load = useCallback(async () => {
    savedStatus.current = new Map(sheets.rows.map((r) => [r.id, r.status]));
    return sheets.rows.map((r) => flattenSheet(r, itemKeys));
    // Reload only when another month (or a fresh start/refresh) arrives, not on every save.
  }, [sheets, itemKeys]);

  const toEdit = useCallback((row: SheetGridRow): SheetEdit => {
    const scores = scoresOf(row);
    const scored = Object.values(scores).some((v) => v != null);
    // The one entering scores is the checker unless someone else is named: saves typing the name 60 times.
    const edit: SheetEdit = {
      id: row.id,
      scores: scores as Record<string, number | null>,
      checker: row.checker ?? (scored ? operator : null),
      checkedOn: row.checkedOn ?? (scored ? today() : null),
      comment: row.comment,
      fixRequired: row.fixRequired,
      fixDoneOn: row.fixDoneOn,
    };
    if (savedStatus.current.get(row.id) !== row.status) edit.status = row.status;
    return edit;
  }, [scoresOf, operator]);

  const saveRows = useCallback(async (rows: SheetGridRow[]): Promise<SheetGridRow[]> => {
    const res = await api.call('monthly-check/saveSheets', { termId: sheets.termId, month: sheets.month, rows: rows.map(toEdit) });
    const byId = new Map(res.rows.map((r) => [r.id, r]));
    for (const r of res.rows) savedStatus.current.set(r.id, r.status);
    onSaved(res);
    return rows.map((r) => flattenSheet(byId.get(r.id)!, itemKeys));
  }, [sheets.termId, sheets.month, toEdit, onSaved, itemKeys]);

  const save = useCallback(async (row: SheetGridRow) => (await saveRows([row]))[0], [saveRows]);

  const columns = useMemo<GridColumn<SheetGridRow>[]>(() => {
    const ro = { editable: false } as const;
    const ratio = (a: keyof SheetGridRow, b: keyof SheetGridRow) => ({
      valueGetter: (p: ValueGetterParams<SheetGridRow>) => (p.data ? `${p.data[a] ?? 0} / ${p.data[b] ?? 0}` : ''),
      type: 'rightAligned',
      cellClassRules: { 'mc-short': (p: { data?: SheetGridRow }) => !!p.data && Number(p.data[a]) < Number(p.data[b]) },
    });
    const live = (p: ValueGetterParams<SheetGridRow>) => (p.data ? scoreSheet(rubric, scoresOf(p.data)) : { total: null, grade: null });
    const cols: GridColumn<SheetGridRow>[] = [
      { field: 'teacherName', header: t('monthly.sheet.col.teacher'), kind: 'person', width: 90, pinned: 'left', ...ro },
      { field: 'groupNames', header: t('monthly.sheet.col.groups'), width: 120, ...ro, hide: true, colDef: { valueFormatter: (p) => (p.value as string[] | undefined)?.join('、') ?? '' } },
      { field: 'subjects', header: t('monthly.sheet.col.subjects'), width: 80, ...ro },
      { field: 'classes', header: t('monthly.sheet.col.classes'), width: 120, ...ro },
      { field: 'weeklyPeriods', header: t('monthly.sheet.col.weeklyPeriods'), kind: 'number', width: 64, ...ro },
      { field: 'scheduledPeriods', header: t('monthly.sheet.col.scheduledPeriods'), kind: 'number', width: 76, ...ro, hide: true },
      { field: 'observationsDone', header: t('monthly.sheet.col.observations'), width: 84, ...ro, colDef: ratio('observationsDone', 'observationsDue') },
      { field: 'researchAttended', header: t('monthly.sheet.col.research'), width: 76, ...ro, colDef: ratio('researchAttended', 'researchHeld') },
      { field: 'collectiveAttended', header: t('monthly.sheet.col.collective'), width: 76, ...ro, hide: true, colDef: ratio('collectiveAttended', 'collectiveHeld') },
      { field: 'planGrade', header: t('monthly.sheet.col.planGrade'), width: 56, ...ro },
      { field: 'homeworkGrade', header: t('monthly.sheet.col.homeworkGrade'), width: 56, ...ro },
    ];
    for (const it of items) {
      cols.push({
        field: scoreField(it.key),
        header: `${it.name}(${it.maxScore})`,
        kind: 'number',
        width: Math.max(84, it.name.length * 14 + 58),
        colDef: {
          headerClass: 'mc-score-head',
          cellClass: 'mc-score',
          headerTooltip: it.name,
          cellClassRules: { 'mc-over': (p: { value: unknown }) => typeof p.value === 'number' && (p.value > it.maxScore || p.value < 0) },
          cellEditorParams: { min: 0, max: it.maxScore, precision: 1 },
        },
      });
    }
    cols.push(
      {
        field: 'total', header: t('monthly.sheet.col.total', { max: sheets.maxTotal }), kind: 'number', width: 96, ...ro,
        colDef: { valueGetter: (p) => live(p).total, cellClass: 'mc-total' },
      },
      {
        field: 'grade', header: t('monthly.sheet.col.grade'), width: 70, ...ro,
        colDef: {
          valueGetter: (p) => live(p).grade,
          cellRenderer: (p: { value: string | null }) => p.value && <Tag color={LEVEL_COLOR[p.value] ?? 'default'}>{p.value}</Tag>,
        },
      },
      { field: 'comment', header: t('monthly.sheet.col.comment'), width: 200 },
      { field: 'checker', header: t('monthly.sheet.col.checker'), kind: 'person', width: 90 },
      { field: 'checkedOn', header: t('monthly.sheet.col.checkedOn'), kind: 'date', width: 110 },
      { field: 'fixRequired', header: t('monthly.sheet.col.fixRequired'), width: 160 },
      { field: 'fixDoneOn', header: t('monthly.sheet.col.fixDoneOn'), kind: 'date', width: 110, hide: true },
      {
        field: 'status', header: t('monthly.sheet.col.status'), kind: 'select', width: 90, pinned: 'right',
        options: SHEET_STATUSES.map((s) => ({ value: s, label: t(`monthly.sheetStatus.${s}`) })),
        colDef: { cellRenderer: (p: { value: string }) => p.value && <Tag color={SHEET_STATUS_COLOR[p.value]}>{t(`monthly.sheetStatus.${p.value}`)}</Tag> },
      },
    );
    return cols;
  }, [t, items, rubric, scoresOf, sheets.maxTotal]);

  return (
    <DataGrid<SheetGridRow>
      id="monthly-sheets"
      columns={columns}
      load={load}
      save={save}
      saveMany={saveRows}
      canAdd={false}
      toolbar={toolbar}
    />
  );
}
