/**
 * 档案列表: the files by class, teacher and status. Lists carry no cause notes (core never returns them here);
 * files without a tutoring entry in the last N weeks get a reminder badge.
 */
import { BellOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Select, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Term } from '../../../../shared/contract';
import { STRUGGLING_STATUSES, type Reminder, type StrugglingFileRow, type StrugglingStatus } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { PersonSelect } from '../../components/pickers';
import { STATUS_COLOR, type Lookups } from './common';

export function FilesTab({ term, lookups, reloadKey, reminderWeeks, onOpen }: {
  term: Term; lookups: Lookups; reloadKey: number; reminderWeeks: number; onOpen: (id: number) => void;
}) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [classId, setClassId] = useState<number | null>(null);
  const [teacherId, setTeacherId] = useState<number | null>(null);
  const [status, setStatus] = useState<StrugglingStatus | null>(null);
  const [reminders, setReminders] = useState<Reminder[]>([]);

  useEffect(() => {
    void reloadKey;
    api.call('struggling/reminders', { weeks: reminderWeeks }).then(setReminders, showError);
  }, [reloadKey, reminderWeeks, showError]);
  const overdue = useMemo(() => new Map(reminders.map((r) => [r.fileId, r])), [reminders]);

  const load = useCallback(async () => {
    void reloadKey;
    return api.call('struggling/list', { termId: term.id, classId: classId ?? undefined, teacherId: teacherId ?? undefined, status: status ?? undefined });
  }, [term.id, classId, teacherId, status, reloadKey]);

  const people = useMemo(() => lookups.teachers.map((x) => ({ id: x.id, name: x.name, hint: x.subjectName })), [lookups.teachers]);

  const columns = useMemo<GridColumn<StrugglingFileRow>[]>(() => [
    {
      field: 'studentName', header: t('struggling.col.studentName'), kind: 'person', width: 120, pinned: 'left',
      colDef: {
        cellRenderer: (p: { data?: StrugglingFileRow; value?: string }) => {
          const r = p.data && overdue.get(p.data.id);
          return (
            <span>
              {p.value}
              {r && (
                <Tooltip title={t('struggling.reminderTip', { days: r.daysSince })}>
                  <Badge count={<BellOutlined style={{ color: '#fa541c' }} />} offset={[6, -2]} data-testid="sf-reminder-badge" />
                </Tooltip>
              )}
            </span>
          );
        },
      },
    },
    { field: 'studentNo', header: t('struggling.col.studentNo'), width: 150, hide: true },
    { field: 'className', header: t('struggling.col.className'), width: 120 },
    { field: 'subjectNames', header: t('struggling.col.subjects'), width: 140, colDef: { valueFormatter: (p: { value?: string[] }) => (p.value ?? []).join('、') } },
    { field: 'teacherName', header: t('struggling.col.teacher'), kind: 'person', width: 100 },
    { field: 'headTeacherName', header: t('struggling.col.headTeacher'), kind: 'person', width: 100 },
    {
      field: 'status', header: t('struggling.col.status'), width: 100,
      colDef: { cellRenderer: (p: { value?: StrugglingStatus }) => p.value && <Tag color={STATUS_COLOR[p.value]}>{t(`struggling.status.${p.value}`)}</Tag> },
    },
    { field: 'source', header: t('struggling.col.source'), width: 90, colDef: { valueFormatter: (p: { value?: string }) => (p.value ? t(`struggling.source.${p.value}`) : '') } },
    { field: 'openedOn', header: t('struggling.col.openedOn'), kind: 'date', width: 110 },
    { field: 'closedOn', header: t('struggling.col.closedOn'), kind: 'date', width: 110, hide: true },
    { field: 'tutoringCount', header: t('struggling.col.tutoringCount'), kind: 'number', width: 90 },
    { field: 'lastTutoringOn', header: t('struggling.col.lastTutoringOn'), kind: 'date', width: 120 },
    {
      field: 'id', header: t('struggling.actions'), width: 90, pinned: 'right',
      colDef: {
        sortable: false, filter: false, floatingFilter: false,
        cellRenderer: (p: { data?: StrugglingFileRow }) => p.data && (
          <Button size="small" type="link" icon={<FolderOpenOutlined />} data-testid={`sf-open-${p.data.id}`} onClick={() => onOpen(p.data!.id)}>
            {t('struggling.open')}
          </Button>
        ),
      },
    },
  ], [t, overdue, onOpen]);

  return (
    <div className="sf-files">
      {reminders.length > 0 && (
        <Alert
          type="warning" showIcon icon={<BellOutlined />} data-testid="sf-reminders"
          title={t('struggling.remindersAlert', { count: reminders.length, weeks: reminderWeeks })}
          description={reminders.slice(0, 8).map((r) => `${r.studentName}（${r.className ?? ''}，${r.teacherName ?? t('struggling.noTeacher')}，${t('struggling.daysSince', { days: r.daysSince })}）`).join('；')}
        />
      )}
      <div className="sf-grid">
        <DataGrid<StrugglingFileRow>
          id="struggling-files"
          columns={columns}
          load={load}
          toolbar={(
            <>
              <Select
                data-testid="sf-filter-class" allowClear placeholder={t('struggling.allClasses')} style={{ width: 140 }}
                value={classId ?? undefined} onChange={(v) => setClassId(v ?? null)}
                options={lookups.classes.map((c) => ({ value: c.id, label: c.name }))}
              />
              <PersonSelect people={people} value={teacherId} onChange={setTeacherId} allowClear placeholder={t('struggling.allTeachers')} style={{ width: 150 }} />
              <Select
                data-testid="sf-filter-status" allowClear placeholder={t('struggling.allStatuses')} style={{ width: 120 }}
                value={status ?? undefined} onChange={(v) => setStatus(v ?? null)}
                options={STRUGGLING_STATUSES.map((s) => ({ value: s, label: t(`struggling.status.${s}`) }))}
              />
            </>
          )}
        />
      </div>
    </div>
  );
}
