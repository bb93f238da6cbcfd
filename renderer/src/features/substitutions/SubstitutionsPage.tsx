/**
 * #/substitutions: the 调代课 log over a date range (add through a dialog, delete with confirm) and the periods
 * actually taught per class and subject = timetable - cancelled + made up.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Select, Space, Tabs } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolClass, Subject, Term } from '../../../../shared/contract';
import type { Substitution, TaughtRow, TimetableData } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError } from '../../app/useApiError';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { Page } from '../../components/Page';
import { useTeachers, useTimetable } from '../../components/pickers';
import { SubstitutionForm } from './SubstitutionForm';

type Range = [Dayjs, Dayjs];
const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The term from its first day to the end of its last teaching week. */
function termRange(term: Term): Range {
  const start = dayjs(term.startDate);
  return [start, start.add(Math.max(term.teachingWeeks, 1) * 7 - 1, 'day')];
}

type LogRow = Substitution & { swapText: string };

function LogTab({ termId, range, data, classes, subjects }: {
  termId: number; range: Range; data: TimetableData; classes: SchoolClass[]; subjects: Subject[];
}) {
  const { t } = useTranslation();
  const teachers = useTeachers();
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState(0);

  const load = useCallback(async () => {
    void version; // reload after an entry is added
    const rows = await api.call('substitutions/list', { termId, from: iso(range[0]), to: iso(range[1]) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return rows.map((r): LogRow => {
      const partner = r.swapId ? byId.get(r.swapId) : undefined;
      return { ...r, swapText: partner ? t('substitutions.swapText', { date: partner.date, period: partner.period, subject: partner.subjectName }) : '' };
    });
  }, [termId, range, version, t]);

  const columns = useMemo<GridColumn<LogRow>[]>(
    () => [
      { field: 'date', header: t('substitutions.date'), width: 110, colDef: { sort: 'desc' } },
      { field: 'period', header: t('substitutions.period'), kind: 'number', width: 70 },
      { field: 'className', header: t('substitutions.class'), width: 110 },
      { field: 'subjectName', header: t('substitutions.subject'), width: 90 },
      { field: 'kind', header: t('substitutions.kind'), width: 80, colDef: { valueFormatter: (p) => (p.value ? t(`substitutions.kinds.${p.value}`) : '') } },
      { field: 'originalTeacherName', header: t('substitutions.originalTeacher'), kind: 'person', width: 100 },
      { field: 'substituteTeacherName', header: t('substitutions.substitute'), kind: 'person', width: 100 },
      { field: 'reason', header: t('substitutions.reason'), width: 180 },
      { field: 'swapText', header: t('substitutions.swapWith'), width: 200 },
    ],
    [t],
  );

  return (
    <>
      <DataGrid<LogRow>
        id="substitutions"
        columns={columns}
        load={load}
        remove={(r) => api.call('substitutions/delete', { id: r.id })}
        onChanged={() => setVersion((v) => v + 1)}
        toolbar={<Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="sub-add">{t('substitutions.add')}</Button>}
      />
      <SubstitutionForm
        open={open}
        termId={termId}
        data={data}
        classes={classes}
        subjects={subjects}
        teachers={teachers}
        onClose={() => setOpen(false)}
        onSaved={() => { setOpen(false); setVersion((v) => v + 1); }}
      />
    </>
  );
}

type TaughtGridRow = TaughtRow & { id: number };

function TaughtTab({ termId, range, classes }: { termId: number; range: Range; classes: SchoolClass[] }) {
  const { t } = useTranslation();
  const [classId, setClassId] = useState<number | null>(null);
  const load = useCallback(async () => {
    const rows = await api.call('timetable/taught', { termId, from: iso(range[0]), to: iso(range[1]) });
    return rows
      .filter((r) => classId === null || r.classId === classId)
      .map((r, i): TaughtGridRow => ({ ...r, id: i + 1 }));
  }, [termId, range, classId]);
  const columns = useMemo<GridColumn<TaughtGridRow>[]>(
    () => [
      { field: 'className', header: t('substitutions.class'), width: 110, pinned: 'left' },
      { field: 'subjectName', header: t('substitutions.subject'), width: 100 },
      { field: 'weeks', header: t('substitutions.weeks'), kind: 'number', width: 80 },
      { field: 'planned', header: t('substitutions.planned'), kind: 'number', width: 100 },
      { field: 'cancelled', header: t('substitutions.cancelled'), kind: 'number', width: 100, colDef: { cellClassRules: { 'tv-diff-less': (p) => p.value > 0 } } },
      { field: 'madeUp', header: t('substitutions.madeUp'), kind: 'number', width: 100 },
      { field: 'taught', header: t('substitutions.taught'), kind: 'number', width: 100, colDef: { cellClassRules: { 'tv-diff-less': (p) => p.data && p.value < p.data.planned } } },
    ],
    [t],
  );
  return (
    <DataGrid<TaughtGridRow>
      id="taught"
      columns={columns}
      load={load}
      fit
      toolbar={
        <Select
          allowClear
          data-testid="taught-class"
          style={{ width: 160 }}
          placeholder={t('substitutions.allClasses')}
          value={classId ?? undefined}
          onChange={(v) => setClassId(v ?? null)}
          showSearch={{ optionFilterProp: 'label' }}
          options={classes.filter((c) => !c.archived).map((c) => ({ value: c.id, label: c.name }))}
        />
      }
    />
  );
}

export default function SubstitutionsPage() {
  const { t } = useTranslation();
  const showError = useApiError();
  const { currentTerm } = useAppState();
  const termId = currentTerm?.id;
  const { data } = useTimetable(termId);
  const [classes, setClasses] = useState<SchoolClass[]>([]);
  const [subjects, setSubjects] = useState<Subject[]>([]);
  const [range, setRange] = useState<Range | null>(null);

  useEffect(() => {
    Promise.all([api.call('school/listClasses', {}), api.call('school/listSubjects', {})]).then(([c, s]) => {
      setClasses(c);
      setSubjects(s);
    }, showError);
  }, [showError]);
  useEffect(() => {
    if (currentTerm) setRange(termRange(currentTerm));
  }, [currentTerm]);

  const rangePicker = (
    <Space>
      <span>{t('substitutions.range')}</span>
      <DatePicker.RangePicker
        data-testid="sub-range"
        allowClear={false}
        value={range}
        onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
      />
    </Space>
  );

  return (
    <Page title={t('substitutions.title')} subtitle={currentTerm ? t('substitutions.subtitle', { term: currentTerm.name }) : undefined} extra={termId && rangePicker}>
      {!termId || !range ? (
        <Empty description={t('timetableViews.noTerm')} />
      ) : (
        <Tabs
          className="tv-tabs"
          items={[
            {
              key: 'log',
              label: <span data-testid="sub-tab-log">{t('substitutions.tabs.log')}</span>,
              children: data ? <LogTab termId={termId} range={range} data={data} classes={classes} subjects={subjects} /> : <Empty />,
            },
            { key: 'taught', label: <span data-testid="sub-tab-taught">{t('substitutions.tabs.taught')}</span>, children: <TaughtTab termId={termId} range={range} classes={classes} /> },
          ]}
        />
      )}
    </Page>
  );
}
