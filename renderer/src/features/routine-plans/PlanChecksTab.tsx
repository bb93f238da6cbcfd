/**
 * 教案检查 tab: the month's plan checks. 开始本月检查 asks the core for one draft row per teaching assignment
 * (periods expected so far computed from weekly periods x teaching weeks begun; periods counted from plan
 * records when the school keeps them) and shows the ones not yet checked this month as new rows; typing into a
 * row saves it, a pasted Excel block is saved in one routine-plans/savePlanChecks, 全部登记 saves every draft at once.
 */
import { PlayCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Space, Switch } from 'antd';
import { createPortal } from 'react-dom';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Term } from '../../../../shared/contract';
import { PlanCheckSchema, type PlanCheck, type PlanCheckDraft, type PlanCheckInput } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError } from '../../app/useApiError';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { pickInput, useClassOptions, useSubjectOptions, useTeacherOptions } from '../../components/lookups';
import { AheadTag, ExportButton, checkDateInMonth, thisMonth, today, useRoutineOptions, type ExportColumn } from './common';

/** A saved check, or a draft from the prefill (no id until its first save). */
type Row = PlanCheck;

const ownerKey = (r: { teacherId: number; subjectId: number; classId: number }) => `${r.teacherId}/${r.subjectId}/${r.classId}`;
const aheadOf = (r: Partial<Row>) => (r.periodsPlanned == null || r.periodsExpected == null ? null : r.periodsPlanned - r.periodsExpected);

function draftRow(d: PlanCheckDraft, checker: string | null): Row {
  return {
    termId: d.termId, teacherId: d.teacherId, subjectId: d.subjectId, classId: d.classId, checkDate: d.checkDate,
    teacherName: d.teacherName, subjectName: d.subjectName, className: d.className, gradeLevel: d.gradeLevel,
    weeklyPeriods: d.weeklyPeriods, periodsExpected: d.periodsExpected,
    periodsPlanned: d.periodsFromPlans > 0 ? d.periodsFromPlans : null,
    reflectionsCount: d.reflectionsFromPlans > 0 ? d.reflectionsFromPlans : null,
    secondRoundCount: d.secondRoundFromPlans > 0 ? d.secondRoundFromPlans : null,
    checker, fixStatus: 'none',
  } as Row; // id stays undefined: the grid treats it as a new row
}

export function PlanChecksTab({ term, actions }: { term: Term; actions: HTMLElement | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { status } = useAppState();
  const [teachers] = useTeacherOptions();
  const [subjects] = useSubjectOptions();
  const [classes] = useClassOptions();
  const opts = useRoutineOptions();
  const [month, setMonth] = useState(thisMonth());
  const [checkDate, setCheckDate] = useState(today());
  const [started, setStarted] = useState<string | null>(null);
  const [onlyFix, setOnlyFix] = useState(false);
  const [version, setVersion] = useState(0);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const termId = term.id;

  const list = useCallback(
    () => api.call('routine-plans/listPlanChecks', { termId, month, fixStatus: onlyFix ? 'open' : undefined }),
    [termId, month, onlyFix],
  );

  /** Drafts for assignments with no check yet this month. */
  const pendingDrafts = useCallback(async (date: string, saved: PlanCheck[]) => {
    const monthChecks = onlyFix ? await api.call('routine-plans/listPlanChecks', { termId, month }) : saved;
    const done = new Set(monthChecks.map(ownerKey));
    const drafts = await api.call('routine-plans/prefillPlanChecks', { termId, date });
    setProgress({ done: drafts.filter((d) => done.has(ownerKey(d))).length, total: drafts.length });
    return drafts.filter((d) => !done.has(ownerKey(d)));
  }, [termId, month, onlyFix]);

  const load = useCallback(async (): Promise<Row[]> => {
    const saved = await list();
    if (!started || onlyFix) return saved;
    const drafts = await pendingDrafts(started, saved);
    // Rows still to check first: that is where the clerk types next.
    return [...drafts.map((d) => draftRow(d, status.operator)), ...saved];
  // `version` is a refresh trigger: bumping it reloads the rows.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list, started, onlyFix, pendingDrafts, status.operator, version]);

  const toInput = useCallback((r: Row): PlanCheckInput => pickInput(PlanCheckSchema, { ...r, termId }), [termId]);
  const save = useCallback(async (r: Row) => {
    const saved = await api.call('routine-plans/savePlanCheck', toInput(r));
    if (!r.id) setProgress((p) => p && { ...p, done: p.done + 1 });
    return saved;
  }, [toInput]);
  const saveMany = useCallback((rows: Row[]) => api.call('routine-plans/savePlanChecks', { rows: rows.map(toInput) }), [toInput]);
  const remove = useCallback((r: Row) => api.call('routine-plans/deletePlanCheck', { id: r.id }), []);
  const newRow = useCallback((): Partial<Row> => ({ termId, checkDate, checker: status.operator, fixStatus: 'none' }), [termId, checkDate, status.operator]);

  function start() {
    const date = checkDateInMonth(checkDate, month);
    setCheckDate(date);
    setOnlyFix(false);
    setStarted(date);
    setVersion((v) => v + 1);
  }

  async function saveAllDrafts() {
    if (!started) return;
    setBusy(true);
    try {
      const drafts = await pendingDrafts(started, await api.call('routine-plans/listPlanChecks', { termId, month }));
      if (drafts.length) {
        await api.call('routine-plans/savePlanChecks', { rows: drafts.map((d) => toInput(draftRow(d, status.operator))) });
        void message.success(t('routine.checks.savedAll', { count: drafts.length }));
      }
      setVersion((v) => v + 1);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  const editableIfNew = { editable: (p: { data?: Row }) => !p.data?.id };
  const columns = useMemo<GridColumn<Row>[]>(
    () => [
      { field: 'teacherId', header: t('routine.fields.teacher'), kind: 'select', options: teachers, people: true, required: true, width: 96, pinned: 'left', colDef: editableIfNew },
      { field: 'subjectId', header: t('routine.fields.subject'), kind: 'select', options: subjects, required: true, width: 90, colDef: editableIfNew },
      { field: 'classId', header: t('routine.fields.class'), kind: 'select', options: classes, required: true, width: 116, colDef: editableIfNew },
      { field: 'checkDate', header: t('routine.checks.checkDate'), kind: 'date', required: true, width: 110 },
      { field: 'weeklyPeriods', header: t('routine.checks.weeklyPeriods'), kind: 'number', width: 80 },
      { field: 'periodsExpected', header: t('routine.checks.periodsExpected'), kind: 'number', editable: false, width: 90 },
      { field: 'periodsPlanned', header: t('routine.checks.periodsPlanned'), kind: 'number', width: 90 },
      {
        field: 'aheadPeriods', header: t('routine.checks.aheadBehind'), kind: 'number', editable: false, width: 110,
        colDef: {
          valueGetter: (p) => aheadOf(p.data as Row),
          cellRenderer: (p: { data?: Row }) => p.data && (
            <AheadTag planned={p.data.periodsPlanned} expected={p.data.periodsExpected ?? 0} weekly={p.data.weeklyPeriods ?? 0} termPeriods={(p.data.weeklyPeriods ?? 0) * term.teachingWeeks} />
          ),
          type: undefined,
        },
      },
      { field: 'detailLevel', header: t('routine.checks.detailLevel'), kind: 'select', options: opts.detailLevels, nullable: true, width: 86 },
      { field: 'secondRoundCount', header: t('routine.checks.secondRound'), kind: 'number', width: 90 },
      { field: 'reflectionsCount', header: t('routine.checks.reflections'), kind: 'number', width: 90 },
      { field: 'score', header: t('routine.checks.score'), kind: 'number', width: 76 },
      { field: 'grade', header: t('routine.checks.grade'), kind: 'select', options: opts.grades, nullable: true, width: 80 },
      { field: 'checker', header: t('routine.checks.checker'), kind: 'person', width: 96 },
      { field: 'comment', header: t('routine.checks.comment'), width: 200 },
      { field: 'fixRequired', header: t('routine.checks.fixRequired'), width: 180 },
      { field: 'fixStatus', header: t('routine.checks.fixStatus'), kind: 'select', options: opts.fixStatuses, width: 96 },
      { field: 'fixDoneDate', header: t('routine.checks.fixDoneDate'), kind: 'date', width: 110 },
      { field: 'fixNote', header: t('routine.checks.fixNote'), width: 180 },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, teachers, subjects, classes, opts, term.teachingWeeks],
  );

  const exportColumns = useMemo<ExportColumn<PlanCheck>[]>(
    () => [
      { header: t('routine.fields.teacher'), value: (r) => r.teacherName },
      { header: t('routine.fields.subject'), value: (r) => r.subjectName },
      { header: t('routine.fields.class'), value: (r) => r.className },
      { header: t('routine.checks.checkDate'), value: (r) => r.checkDate },
      { header: t('routine.checks.weeklyPeriods'), value: (r) => r.weeklyPeriods },
      { header: t('routine.checks.periodsExpected'), value: (r) => r.periodsExpected },
      { header: t('routine.checks.periodsPlanned'), value: (r) => r.periodsPlanned },
      { header: t('routine.checks.aheadBehind'), value: (r) => r.aheadPeriods },
      { header: t('routine.checks.detailLevel'), value: (r) => r.detailLevel },
      { header: t('routine.checks.secondRound'), value: (r) => r.secondRoundCount },
      { header: t('routine.checks.reflections'), value: (r) => r.reflectionsCount },
      { header: t('routine.checks.score'), value: (r) => r.score },
      { header: t('routine.checks.grade'), value: (r) => r.grade },
      { header: t('routine.checks.checker'), value: (r) => r.checker },
      { header: t('routine.checks.comment'), value: (r) => r.comment },
      { header: t('routine.checks.fixRequired'), value: (r) => r.fixRequired },
      { header: t('routine.checks.fixStatus'), value: (r) => t(`routine.enum.fixStatus.${r.fixStatus}`) },
      { header: t('routine.checks.fixDoneDate'), value: (r) => r.fixDoneDate },
      { header: t('routine.checks.fixNote'), value: (r) => r.fixNote },
    ],
    [t],
  );

  const pageActions = (
    <Space>
      <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => { if (d) { setMonth(d.format('YYYY-MM')); setStarted(null); } }} style={{ width: 110 }} data-testid="checks-month" />
      <DatePicker allowClear={false} value={dayjs(checkDate)} onChange={(d) => d && setCheckDate(d.format('YYYY-MM-DD'))} style={{ width: 130 }} title={t('routine.checks.checkDate')} />
      <Button type="primary" icon={<PlayCircleOutlined />} onClick={start} data-testid="plan-checks-start">{t('routine.checks.start')}</Button>
      {started && (
        <Button icon={<SaveOutlined />} loading={busy} onClick={saveAllDrafts} data-testid="plan-checks-save-all">{t('routine.checks.saveAll')}</Button>
      )}
      <ExportButton fileName={`${t('routine.checks.exportName')}-${month}.xlsx`} sheetName={t('routine.checks.exportName')} columns={exportColumns} fetchRows={list} />
    </Space>
  );
  const toolbar = (
    <>
      <span className="jw-switch-label">
        <Switch size="small" checked={onlyFix} onChange={setOnlyFix} data-testid="plan-checks-only-fix" />
        {t('routine.checks.onlyFix')}
      </span>
      {progress && started && <span className="jw-rt-progress" data-testid="plan-checks-progress">{t('routine.checks.progress', progress)}</span>}
    </>
  );

  return (
    <div className="jw-rt-fill">
      {actions && createPortal(pageActions, actions)}
      <DataGrid<Row> id="plan-checks" columns={columns} load={load} save={save} saveMany={saveMany} remove={remove} newRow={newRow} toolbar={toolbar} />
    </div>
  );
}
