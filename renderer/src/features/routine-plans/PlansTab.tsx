/**
 * 教案 tab: the term's plan records filtered by teacher (pinyin), subject, class and week; quick fields edit
 * inline, the whole plan and its attached file in the drawer. The attachment column downloads the file.
 */
import { EditOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, InputNumber, Select, Space } from 'antd';
import { createPortal } from 'react-dom';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment, Term } from '../../../../shared/contract';
import { LessonPlanSchema, type LessonPlan } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { pickInput, useClassOptions, useSubjectOptions } from '../../components/lookups';
import { PersonSelect, useTeachers } from '../../components/pickers';
import { ExportButton, formatSize, teachingWeekOf, today, useRoutineOptions, type ExportColumn } from './common';
import { PlanDrawer, downloadAttachment } from './PlanDrawer';

export function PlansTab({ term, actions }: { term: Term; actions: HTMLElement | null }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const teachers = useTeachers();
  const [subjects] = useSubjectOptions();
  const [classes] = useClassOptions();
  const opts = useRoutineOptions();
  const [assignments, setAssignments] = useState<Assignment[]>([]);
  const [teacherId, setTeacherId] = useState<number | null>(null);
  const [subjectId, setSubjectId] = useState<number | null>(null);
  const [classId, setClassId] = useState<number | null>(null);
  const [week, setWeek] = useState<number | null>(null);
  const [drawer, setDrawer] = useState<{ plan: LessonPlan | null } | null>(null);
  const [version, setVersion] = useState(0);
  const termId = term.id;

  useEffect(() => {
    api.call('assignments/list', { termId }).then(setAssignments, showError);
  }, [termId, showError]);

  const teacherOptions = useMemo(() => teachers.map((x) => ({ value: x.id, label: x.name })), [teachers]);
  const query = useMemo(
    () => ({ termId, teacherId: teacherId ?? undefined, subjectId: subjectId ?? undefined, classId: classId ?? undefined, week: week ?? undefined }),
    [termId, teacherId, subjectId, classId, week],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useCallback(() => api.call('routine-plans/listLessonPlans', query), [query, version]);
  const save = useCallback((row: LessonPlan) => api.call('routine-plans/saveLessonPlan', pickInput(LessonPlanSchema, { ...row, termId })), [termId]);
  const saveMany = useCallback(
    (rows: LessonPlan[]) => api.call('routine-plans/saveLessonPlans', { rows: rows.map((r) => pickInput(LessonPlanSchema, { ...r, termId })) }),
    [termId],
  );
  const remove = useCallback((row: LessonPlan) => api.call('routine-plans/deleteLessonPlan', { id: row.id }), []);
  const currentWeek = teachingWeekOf(today(), term.startDate, term.teachingWeeks);
  const newRow = useCallback((): Partial<LessonPlan> => ({
    termId, week: week ?? currentWeek, lessonType: '新授', periods: 1,
    teacherId: teacherId ?? undefined, subjectId: subjectId ?? undefined, classId: classId ?? undefined,
  }), [termId, week, currentWeek, teacherId, subjectId, classId]);

  const columns = useMemo<GridColumn<LessonPlan>[]>(
    () => [
      {
        field: 'id', header: '', editable: false, width: 56, pinned: 'left',
        colDef: {
          sortable: false, filter: false, resizable: false,
          cellRenderer: (p: { data?: LessonPlan }) => p.data?.id
            ? <Button size="small" type="link" className="jw-rt-link" icon={<EditOutlined />} title={t('routine.plans.open')} onClick={() => setDrawer({ plan: p.data! })} data-testid="plan-open" />
            : null,
        },
      },
      { field: 'week', header: t('routine.plans.fields.week'), kind: 'number', width: 70 },
      { field: 'date', header: t('routine.plans.fields.date'), kind: 'date', width: 104 },
      { field: 'teacherId', header: t('routine.fields.teacher'), kind: 'select', options: teacherOptions, people: true, required: true, width: 90 },
      { field: 'subjectId', header: t('routine.fields.subject'), kind: 'select', options: subjects, required: true, width: 96 },
      { field: 'classId', header: t('routine.fields.class'), kind: 'select', options: classes, required: true, width: 110 },
      { field: 'topic', header: t('routine.plans.fields.topic'), required: true, width: 200 },
      { field: 'lessonType', header: t('routine.plans.fields.lessonType'), kind: 'select', options: opts.lessonTypes, width: 80 },
      { field: 'periods', header: t('routine.plans.fields.periods'), kind: 'number', width: 70 },
      {
        field: 'attachment', header: t('routine.plans.fields.attachment'), editable: false, width: 190,
        colDef: {
          filter: false,
          valueFormatter: (p) => (p.value ? (p.value as LessonPlan['attachment'])!.fileName : ''),
          cellRenderer: (p: { value?: LessonPlan['attachment'] }) => p.value
            ? (
              <Button size="small" type="link" className="jw-rt-link" icon={<PaperClipOutlined />} onClick={() => downloadAttachment(p.value!).catch(showError)} data-testid="plan-attachment">
                {p.value.fileName} <span className="jw-muted">({formatSize(p.value.size)})</span>
              </Button>
            )
            : null,
        },
      },
      { field: 'reflection', header: t('routine.plans.fields.reflection'), width: 200, hide: true },
      { field: 'updatedAt', header: t('routine.updatedAt'), editable: false, width: 150, hide: true },
    ],
    [t, teacherOptions, subjects, classes, opts.lessonTypes, showError],
  );

  const exportColumns = useMemo<ExportColumn<LessonPlan>[]>(
    () => [
      { header: t('routine.plans.fields.week'), value: (r) => r.week },
      { header: t('routine.plans.fields.date'), value: (r) => r.date },
      { header: t('routine.fields.teacher'), value: (r) => r.teacherName },
      { header: t('routine.fields.subject'), value: (r) => r.subjectName },
      { header: t('routine.fields.class'), value: (r) => r.className },
      { header: t('routine.plans.fields.topic'), value: (r) => r.topic },
      { header: t('routine.plans.fields.lessonType'), value: (r) => r.lessonType },
      { header: t('routine.plans.fields.periods'), value: (r) => r.periods },
      { header: t('routine.plans.fields.objectives'), value: (r) => r.objectives },
      { header: t('routine.plans.fields.reflection'), value: (r) => r.reflection },
      { header: t('routine.plans.fields.attachment'), value: (r) => r.attachment?.fileName },
    ],
    [t],
  );
  const fetchRows = useCallback(() => api.call('routine-plans/listLessonPlans', query), [query]);

  const toolbar = (
    <>
      <PersonSelect people={teachers} value={teacherId} onChange={setTeacherId} allowClear placeholder={t('routine.filters.teacher')} testId="plans-filter-teacher" style={{ width: 130 }} />
      <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('routine.filters.subject')} value={subjectId ?? undefined} onChange={(v) => setSubjectId(v ?? null)} options={subjects.filter((s) => !s.archived)} style={{ width: 120 }} />
      <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('routine.filters.class')} value={classId ?? undefined} onChange={(v) => setClassId(v ?? null)} options={classes.filter((s) => !s.archived)} style={{ width: 130 }} />
      <InputNumber min={1} max={30} placeholder={t('routine.filters.week')} value={week} onChange={(v) => setWeek(v ?? null)} style={{ width: 90 }} />
    </>
  );
  const pageActions = (
    <Space>
      <Button type="primary" ghost icon={<PlusOutlined />} onClick={() => setDrawer({ plan: null })} data-testid="plan-add">{t('routine.plans.add')}</Button>
      <ExportButton fileName={`${t('routine.plans.exportName')}-${term.name}.xlsx`} sheetName={t('routine.plans.exportName')} columns={exportColumns} fetchRows={fetchRows} />
    </Space>
  );

  const drawerDefaults = useMemo(() => ({
    teacherId: teacherId ?? undefined, subjectId: subjectId ?? undefined, classId: classId ?? undefined, week: week ?? currentWeek,
  }), [teacherId, subjectId, classId, week, currentWeek]);

  return (
    <div className="jw-rt-fill">
      {actions && createPortal(pageActions, actions)}
      <DataGrid<LessonPlan>
        id="lesson-plans"
        columns={columns}
        load={load}
        save={save}
        saveMany={saveMany}
        remove={remove}
        newRow={newRow}
        toolbar={toolbar}
      />
      <PlanDrawer
        open={!!drawer}
        plan={drawer?.plan ?? null}
        defaults={drawerDefaults}
        termId={termId}
        termStart={term.startDate}
        teachingWeeks={term.teachingWeeks}
        teachers={teachers}
        subjects={subjects}
        classes={classes}
        assignments={assignments}
        onClose={() => setDrawer(null)}
        onSaved={() => { setDrawer(null); setVersion((v) => v + 1); }}
      />
    </div>
  );
}
