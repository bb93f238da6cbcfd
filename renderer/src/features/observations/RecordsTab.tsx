/** 听课记录: the term's observations with filters; 新增 / edit open the quick-entry form, delete asks first. */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps, Select, Space } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Observation, SchoolClass, Subject, Teacher, Term } from '../../../../shared/contract';
import type { TimetableData } from '../../../../shared/contract';
import { LEVELS, OBSERVATION_KINDS, type ObservationKind } from '../../../../shared/domain/routine/observation';
import { termMonths } from '../../../../shared/domain/routine/monthly';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { PersonSelect } from '../../components/pickers';
import { LEVEL_COLOR, monthLabel } from '../../components/routine-levels';
import { ObservationForm } from './ObservationForm';

export function RecordsTab({ term, teachers, classes, subjects, timetable, onChanged }: {
  term: Term; teachers: Teacher[]; classes: SchoolClass[]; subjects: Subject[]; timetable: TimetableData | null; onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const showError = useApiError();
  const [month, setMonth] = useState<string | null>(null);
  const [kind, setKind] = useState<ObservationKind | null>(null);
  const [observerId, setObserverId] = useState<number | null>(null);
  const [teacherId, setTeacherId] = useState<number | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<Observation | null>(null);

  const months = useMemo(() => termMonths(term.startDate, term.teachingWeeks), [term]);
  const people = useMemo(() => teachers.map((x) => ({ id: x.id, name: x.name, hint: x.subjectName })), [teachers]);

  const load = useCallback(
    async () => {
      void reloadKey;
      return api.call('observations/list', { termId: term.id, month, kind, observerId, teacherId });
    },
    [term.id, month, kind, observerId, teacherId, reloadKey],
  );

  const remove = useCallback((o: Observation) => {
    modal.confirm({
      title: t('monthly.obs.deleteConfirm', { teacher: o.teacherName, date: o.date }),
      okButtonProps: { danger: true, 'data-testid': 'obs-delete-ok' } as ButtonProps,
      onOk: async () => {
        try {
          await api.call('observations/delete', { id: o.id });
          void message.success(t('monthly.obs.deleted'));
          setReloadKey((k) => k + 1);
          onChanged();
        } catch (e) {
          showError(e);
        }
      },
    });
  }, [modal, message, t, showError, onChanged]);

  const columns = useMemo<GridColumn<Observation>[]>(() => [
    { field: 'date', header: t('monthly.obs.col.date'), kind: 'date', width: 110, pinned: 'left' },
    { field: 'period', header: t('monthly.obs.col.period'), kind: 'number', width: 70 },
    { field: 'className', header: t('monthly.obs.col.className'), width: 120 },
    { field: 'subjectName', header: t('monthly.obs.col.subjectName'), width: 80 },
    { field: 'teacherName', header: t('monthly.obs.col.teacherName'), kind: 'person', width: 100 },
    { field: 'topic', header: t('monthly.obs.col.topic'), width: 180 },
    { field: 'kind', header: t('monthly.obs.col.kind'), kind: 'select', width: 90, options: OBSERVATION_KINDS.map((k) => ({ value: k, label: t(`monthly.kinds.${k}`) })) },
    { field: 'observerName', header: t('monthly.obs.col.observerName'), kind: 'person', width: 100 },
    { field: 'total', header: t('monthly.obs.col.total'), kind: 'number', width: 80 },
    {
      field: 'level', header: t('monthly.obs.col.level'), kind: 'select', width: 80,
      options: LEVELS.map((l) => ({ value: l, label: t(`monthly.levels.${l}`) })),
      colDef: { cellClassRules: Object.fromEntries(LEVELS.map((l) => [`obs-level-${LEVEL_COLOR[l]}`, (p: { value: unknown }) => p.value === l])) },
    },
    { field: 'comments', header: t('monthly.obs.col.comments'), width: 200, hide: true },
    { field: 'suggestions', header: t('monthly.obs.col.suggestions'), width: 200, hide: true },
    {
      field: 'id', header: t('monthly.obs.actions'), width: 100, pinned: 'right',
      colDef: {
        sortable: false, filter: false, floatingFilter: false,
        cellRenderer: (p: { data?: Observation }) => p.data && (
          <Space size={0}>
            <Button size="small" type="link" icon={<EditOutlined />} data-testid="obs-edit" onClick={() => { setEditing(p.data!); setFormOpen(true); }} />
            <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid="obs-delete" onClick={() => remove(p.data!)} />
          </Space>
        ),
      },
    },
  ], [t, remove]);

  // Leave the month filter if the term changes under it.
  useEffect(() => { setMonth(null); }, [term.id]);

  return (
    <>
      <DataGrid<Observation>
        id="observations"
        columns={columns}
        load={load}
        toolbar={(
          <>
            <Select
              data-testid="obs-filter-month"
              allowClear
              placeholder={t('monthly.obs.allMonths')}
              value={month ?? undefined}
              onChange={(v) => setMonth(v ?? null)}
              options={months.map((m) => ({ value: m, label: monthLabel(t, m) }))}
              style={{ width: 130 }}
            />
            <Select
              allowClear
              placeholder={t('monthly.obs.allKinds')}
              value={kind ?? undefined}
              onChange={(v) => setKind(v ?? null)}
              options={OBSERVATION_KINDS.map((k) => ({ value: k, label: t(`monthly.kinds.${k}`) }))}
              style={{ width: 110 }}
            />
            <PersonSelect people={people} value={observerId} onChange={setObserverId} allowClear placeholder={t('monthly.obs.filterObserver')} style={{ width: 150 }} />
            <PersonSelect people={people} value={teacherId} onChange={setTeacherId} allowClear placeholder={t('monthly.obs.filterTeacher')} style={{ width: 150 }} />
            <Button type="primary" icon={<PlusOutlined />} data-testid="obs-add" onClick={() => { setEditing(null); setFormOpen(true); }}>
              {t('monthly.obs.add')}
            </Button>
          </>
        )}
      />
      <ObservationForm
        open={formOpen}
        term={term}
        editing={editing}
        timetable={timetable}
        teachers={teachers}
        classes={classes}
        subjects={subjects}
        onClose={() => setFormOpen(false)}
        onSaved={(o) => {
          setFormOpen(false);
          void message.success(t('monthly.obs.saved', { teacher: o.teacherName }));
          setReloadKey((k) => k + 1);
          onChanged();
        }}
      />
    </>
  );
}
