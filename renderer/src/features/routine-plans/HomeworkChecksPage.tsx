/**
 * #/homework-checks (作业批改检查): the month's homework-marking checks per teacher x subject x class with every
 * field of domain.md. The core compares times marked a week with the school's norm and applies the national
 * load rules; its findings (below the norm, written homework in grades 1-2, over the minutes...) show as tags
 * on each row. 开始本月检查 adds one draft row per assignment not yet checked this month (class size from the
 * roster, the norm that applies shown beside); fix and follow-up columns; export to Excel.
 */
import { PlayCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Empty, Select, Space, Switch } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HomeworkCheckSchema, type HomeworkCheck, type HomeworkCheckDraft, type HomeworkCheckInput, type HomeworkNorm, type HomeworkType,
} from '../../../../shared/contract';
import { findNorm } from '../../../../shared/domain/routine/homework';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError } from '../../app/useApiError';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { pickInput, useClassOptions, useSubjectOptions, useTeacherOptions } from '../../components/lookups';
import { Page } from '../../components/Page';
import { ExportButton, FlagTags, checkDateInMonth, thisMonth, today, useRoutineOptions, type ExportColumn } from './common';

/** A saved check, or a draft (no id until its first save) that also knows the norm that applies. */
type Row = HomeworkCheck & { normMinPerWeek?: number | null };

const ownerKey = (r: { teacherId: number; subjectId: number; classId: number; homeworkType: string }) => `${r.teacherId}/${r.subjectId}/${r.classId}/${r.homeworkType}`;

function draftRow(d: HomeworkCheckDraft, checker: string | null): Row {
  return {
    termId: d.termId, teacherId: d.teacherId, subjectId: d.subjectId, classId: d.classId, checkDate: d.checkDate,
    teacherName: d.teacherName, subjectName: d.subjectName, className: d.className, gradeLevel: d.gradeLevel,
    homeworkType: d.homeworkType, weeksCovered: 4, classSize: d.classSize, normMinPerWeek: d.normMinPerWeek,
    checker, fixStatus: 'none', flags: [], perWeek: null,
  } as unknown as Row; // id stays undefined: the grid treats it as a new row
}

export default function HomeworkChecksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { currentTerm, status } = useAppState();
  const [teachers] = useTeacherOptions();
  const [subjects] = useSubjectOptions();
  const [classes] = useClassOptions();
  const opts = useRoutineOptions();
  const [month, setMonth] = useState(thisMonth());
  const [checkDate, setCheckDate] = useState(today());
  const [homeworkType, setHomeworkType] = useState<HomeworkType | null>(null);
  const [started, setStarted] = useState<string | null>(null);
  const [onlyFix, setOnlyFix] = useState(false);
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const termId = currentTerm?.id ?? 0;
  // The term's norms, to show the norm that applies beside each saved row too.
  const [norms, setNorms] = useState<HomeworkNorm[]>([]);
  useEffect(() => {
    if (termId) api.call('routine-plans/getStandards', { termId }).then((s) => setNorms(s.homeworkNorms), showError);
  }, [termId, showError]);

  const list = useCallback(
    async () => {
      const rows = await api.call('routine-plans/listHomeworkChecks', { termId, month, fixStatus: onlyFix ? 'open' : undefined });
      return onlyFlagged ? rows.filter((r) => r.flags.some((f) => f.severity !== 'info')) : rows;
    },
    [termId, month, onlyFix, onlyFlagged],
  );

  const pendingDrafts = useCallback(async (date: string) => {
    const done = new Set((await api.call('routine-plans/listHomeworkChecks', { termId, month })).map(ownerKey));
    const drafts = await api.call('routine-plans/prefillHomeworkChecks', { termId, date, homeworkType: homeworkType ?? undefined });
    return drafts.filter((d) => !done.has(ownerKey(d)));
  }, [termId, month, homeworkType]);

  const load = useCallback(async (): Promise<Row[]> => {
    if (!termId) return [];
    const saved = await list();
    if (!started || onlyFix || onlyFlagged) return saved;
    const drafts = await pendingDrafts(started);
    // Rows still to check first: that is where the clerk types next.
    return [...drafts.map((d) => draftRow(d, status.operator)), ...saved];
  // `version` is a refresh trigger: bumping it reloads the rows.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [termId, list, started, onlyFix, onlyFlagged, pendingDrafts, status.operator, version]);

  const toInput = useCallback((r: Row): HomeworkCheckInput => pickInput(HomeworkCheckSchema, { ...r, termId }), [termId]);
  const save = useCallback(async (r: Row): Promise<Row> => ({ ...(await api.call('routine-plans/saveHomeworkCheck', toInput(r))), normMinPerWeek: r.normMinPerWeek }), [toInput]);
  const saveMany = useCallback((rows: Row[]) => api.call('routine-plans/saveHomeworkChecks', { rows: rows.map(toInput) }), [toInput]);
  const remove = useCallback((r: Row) => api.call('routine-plans/deleteHomeworkCheck', { id: r.id }), []);
  const newRow = useCallback(
    (): Partial<Row> => ({ termId, checkDate, homeworkType: homeworkType ?? '家庭作业', weeksCovered: 4, checker: status.operator, fixStatus: 'none', flags: [] }),
    [termId, checkDate, homeworkType, status.operator],
  );

  function start() {
    const date = checkDateInMonth(checkDate, month);
    setCheckDate(date);
    setOnlyFix(false);
    setOnlyFlagged(false);
    setStarted(date);
    setVersion((v) => v + 1);
  }

  async function saveAllDrafts() {
    if (!started) return;
    setBusy(true);
    try {
      const drafts = await pendingDrafts(started);
      if (drafts.length) {
        await api.call('routine-plans/saveHomeworkChecks', { rows: drafts.map((d) => toInput(draftRow(d, status.operator))) });
        void message.success(t('routine.checks.savedAll', { count: drafts.length }));
      }
      setVersion((v) => v + 1);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  const columns = useMemo<GridColumn<Row>[]>(
    () => {
      const editableIfNew = { editable: (p: { data?: Row }) => !p.data?.id };
      const bool = (field: Extract<keyof Row, string>, key: string, width = 86): GridColumn<Row> => ({ field, header: t(`routine.homework.${key}`), kind: 'bool', width });
      return [
        { field: 'teacherId', header: t('routine.fields.teacher'), kind: 'select', options: teachers, people: true, required: true, width: 96, pinned: 'left', colDef: editableIfNew },
        { field: 'subjectId', header: t('routine.fields.subject'), kind: 'select', options: subjects, required: true, width: 90, colDef: editableIfNew },
        { field: 'classId', header: t('routine.fields.class'), kind: 'select', options: classes, required: true, width: 116, colDef: editableIfNew },
        {
          field: 'flags', header: t('routine.homework.flags'), editable: false, width: 300,
          colDef: {
            valueFormatter: (p) => ((p.value as Row['flags']) ?? []).map((f) => t(`routineCore.flags.${f.key}`, { ...f.params, defaultValue: t(`routine.flags.${f.key}`, f.params) })).join('；'),
            cellRenderer: (p: { data?: Row }) => <FlagTags flags={p.data?.flags} />,
            filter: 'agTextColumnFilter',
            filterValueGetter: (p) => (p.data?.flags ?? []).map((f: Row['flags'][number]) => t(`routine.flags.${f.key}`, f.params)).join(' '),
          },
        },
        { field: 'checkDate', header: t('routine.checks.checkDate'), kind: 'date', required: true, width: 110 },
        { field: 'homeworkType', header: t('routine.fields.homeworkType'), kind: 'select', options: opts.homeworkTypes, required: true, width: 96 },
        { field: 'weeksCovered', header: t('routine.homework.weeksCovered'), kind: 'number', width: 80 },
        { field: 'classSize', header: t('routine.homework.classSize'), kind: 'number', width: 80 },
        { field: 'booksChecked', header: t('routine.homework.booksChecked'), kind: 'number', width: 80 },
        { field: 'timesSet', header: t('routine.homework.timesSet'), kind: 'number', width: 80 },
        { field: 'timesMarked', header: t('routine.homework.timesMarked'), kind: 'number', width: 80 },
        { field: 'perWeek', header: t('routine.homework.perWeek'), kind: 'number', editable: false, width: 84, colDef: { valueFormatter: (p) => (p.value == null ? '' : String(Math.round((p.value as number) * 10) / 10)) } },
        {
          field: 'normMinPerWeek', header: t('routine.homework.norm'), kind: 'number', editable: false, width: 80,
          colDef: {
            valueGetter: (p) => {
              const r = p.data as Row | undefined;
              if (!r) return null;
              if (r.normMinPerWeek != null) return r.normMinPerWeek;
              return r.gradeLevel && r.subjectId && r.homeworkType ? findNorm(norms, r.subjectId, r.gradeLevel, r.homeworkType)?.minPerWeek ?? null : null;
            },
          },
        },
        bool('allMarked', 'allMarked'),
        bool('onTime', 'onTime'),
        bool('dateWritten', 'dateWritten'),
        bool('commentsEncouraging', 'commentsEncouraging'),
        bool('commentsGuiding', 'commentsGuiding'),
        bool('corrections', 'corrections'),
        bool('remarked', 'remarked'),
        bool('tiered', 'tiered'),
        bool('loadOk', 'loadOk'),
        { field: 'minutesPerDay', header: t('routine.homework.minutesPerDay'), kind: 'number', width: 90 },
        { field: 'score', header: t('routine.checks.score'), kind: 'number', width: 76 },
        { field: 'grade', header: t('routine.checks.grade'), kind: 'select', options: opts.grades, nullable: true, width: 80 },
        { field: 'checker', header: t('routine.checks.checker'), kind: 'person', width: 96 },
        { field: 'problems', header: t('routine.homework.problems'), width: 200 },
        { field: 'fixRequired', header: t('routine.checks.fixRequired'), width: 180 },
        { field: 'fixStatus', header: t('routine.checks.fixStatus'), kind: 'select', options: opts.fixStatuses, width: 96 },
        { field: 'fixDoneDate', header: t('routine.checks.fixDoneDate'), kind: 'date', width: 110 },
        { field: 'fixNote', header: t('routine.checks.fixNote'), width: 180 },
      ];
    },
    [t, teachers, subjects, classes, opts, norms],
  );

  const exportColumns = useMemo<ExportColumn<HomeworkCheck>[]>(() => {
    const yn = (v: boolean | null) => (v == null ? '' : v ? t('common.yes') : t('common.no'));
    return [
      { header: t('routine.fields.teacher'), value: (r) => r.teacherName },
      { header: t('routine.fields.subject'), value: (r) => r.subjectName },
      { header: t('routine.fields.class'), value: (r) => r.className },
      { header: t('routine.checks.checkDate'), value: (r) => r.checkDate },
      { header: t('routine.fields.homeworkType'), value: (r) => r.homeworkType },
      { header: t('routine.homework.weeksCovered'), value: (r) => r.weeksCovered },
      { header: t('routine.homework.classSize'), value: (r) => r.classSize },
      { header: t('routine.homework.booksChecked'), value: (r) => r.booksChecked },
      { header: t('routine.homework.timesSet'), value: (r) => r.timesSet },
      { header: t('routine.homework.timesMarked'), value: (r) => r.timesMarked },
      { header: t('routine.homework.perWeek'), value: (r) => (r.perWeek == null ? null : Math.round(r.perWeek * 10) / 10) },
      { header: t('routine.homework.allMarked'), value: (r) => yn(r.allMarked) },
      { header: t('routine.homework.onTime'), value: (r) => yn(r.onTime) },
      { header: t('routine.homework.dateWritten'), value: (r) => yn(r.dateWritten) },
      { header: t('routine.homework.commentsEncouraging'), value: (r) => yn(r.commentsEncouraging) },
      { header: t('routine.homework.commentsGuiding'), value: (r) => yn(r.commentsGuiding) },
      { header: t('routine.homework.corrections'), value: (r) => yn(r.corrections) },
      { header: t('routine.homework.remarked'), value: (r) => yn(r.remarked) },
      { header: t('routine.homework.tiered'), value: (r) => yn(r.tiered) },
      { header: t('routine.homework.loadOk'), value: (r) => yn(r.loadOk) },
      { header: t('routine.homework.minutesPerDay'), value: (r) => r.minutesPerDay },
      { header: t('routine.checks.score'), value: (r) => r.score },
      { header: t('routine.checks.grade'), value: (r) => r.grade },
      { header: t('routine.checks.checker'), value: (r) => r.checker },
      { header: t('routine.homework.flags'), value: (r) => r.flags.map((f) => t(`routineCore.flags.${f.key}`, { ...f.params, defaultValue: t(`routine.flags.${f.key}`, f.params) })).join('；') },
      { header: t('routine.homework.problems'), value: (r) => r.problems },
      { header: t('routine.checks.fixRequired'), value: (r) => r.fixRequired },
      { header: t('routine.checks.fixStatus'), value: (r) => t(`routine.enum.fixStatus.${r.fixStatus}`) },
      { header: t('routine.checks.fixDoneDate'), value: (r) => r.fixDoneDate },
      { header: t('routine.checks.fixNote'), value: (r) => r.fixNote },
    ];
  }, [t]);

  if (!currentTerm) {
    return (
      <Page title={t('nav.homeworkChecks')}>
        <Empty description={t('routine.noTerm')} />
      </Page>
    );
  }

  const pageActions = (
    <Space>
      <span className="jw-inline-label">{t('routine.checks.monthLabel')}</span>
      <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => { if (d) { setMonth(d.format('YYYY-MM')); setStarted(null); } }} style={{ width: 110 }} data-testid="hw-month" aria-label={t('routine.checks.monthLabel')} />
      <span className="jw-inline-label">{t('routine.checks.checkDate')}</span>
      <DatePicker allowClear={false} value={dayjs(checkDate)} onChange={(d) => d && setCheckDate(d.format('YYYY-MM-DD'))} style={{ width: 130 }} aria-label={t('routine.checks.checkDate')} />
      <Select allowClear placeholder={t('routine.homework.anyType')} value={homeworkType ?? undefined} onChange={(v) => setHomeworkType(v ?? null)} options={opts.homeworkTypes} style={{ width: 130 }} />
      <Button type="primary" icon={<PlayCircleOutlined />} onClick={start} data-testid="hw-start">{t('routine.checks.start')}</Button>
      {started && <Button icon={<SaveOutlined />} loading={busy} onClick={saveAllDrafts} data-testid="hw-save-all">{t('routine.checks.saveAll')}</Button>}
      <ExportButton fileName={`${t('routine.homework.exportName')}-${month}.xlsx`} sheetName={t('routine.homework.exportName')} columns={exportColumns} fetchRows={list} testId="hw-export" />
    </Space>
  );
  const toolbar = (
    <>
      <span className="jw-switch-label">
        <Switch size="small" checked={onlyFlagged} onChange={setOnlyFlagged} data-testid="hw-only-flagged" />
        {t('routine.homework.onlyFlagged')}
      </span>
      <span className="jw-switch-label">
        <Switch size="small" checked={onlyFix} onChange={setOnlyFix} data-testid="hw-only-fix" />
        {t('routine.checks.onlyFix')}
      </span>
    </>
  );

  return (
    <Page title={t('nav.homeworkChecks')} subtitle={t('routine.homework.subtitle', { term: currentTerm.name })} extra={pageActions}>
      <DataGrid<Row> id="homework-checks" columns={columns} load={load} save={save} saveMany={saveMany} remove={remove} newRow={newRow} toolbar={toolbar} />
    </Page>
  );
}
