/**
 * 集体备课 tab: the records of each 备课组 (subject x grade) with the "three fixed" (fixed time, fixed content,
 * fixed lead preparer, plus the place), the topic, attendees picked from the group's own members, and the
 * outcome. A new record with no attendees picked counts every member as present.
 */
import { DatePicker, Select, Tag } from 'antd';
import { createPortal } from 'react-dom';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeachingGroup, Term } from '../../../../shared/contract';
import { CollectivePrepSchema, type CollectivePrep } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { pickInput, useTeacherOptions } from '../../components/lookups';
import { ExportButton, today, type ExportColumn } from './common';

export function CollectivePrepTab({ term, actions }: { term: Term; actions: HTMLElement | null }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [teachers] = useTeacherOptions();
  const [groups, setGroups] = useState<TeachingGroup[]>([]);
  const [groupId, setGroupId] = useState<number | null>(null);
  const [month, setMonth] = useState<string | null>(null);
  const termId = term.id;

  useEffect(() => {
    api.call('school/listGroups', {}).then((g) => setGroups(g.filter((x) => x.kind === '备课组' && !x.archived)), showError);
  }, [showError]);

  const groupOptions = useMemo(() => groups.map((g) => ({ value: g.id, label: g.name })), [groups]);
  const membersOf = useCallback(
    (gid: number | undefined) => {
      const g = groups.find((x) => x.id === gid);
      if (!g) return teachers;
      const ids = new Set(g.memberIds);
      return teachers.filter((o) => ids.has(o.value as number));
    },
    [groups, teachers],
  );

  const query = useMemo(() => ({ termId, groupId: groupId ?? undefined, month: month ?? undefined }), [termId, groupId, month]);
  const load = useCallback(() => api.call('routine-plans/listCollectivePreps', query), [query]);
  const save = useCallback(
    (r: CollectivePrep) => {
      const g = groups.find((x) => x.id === r.groupId);
      // A new record: nobody marked means everybody came (the usual case); the lead preparer defaults to the leader.
      const attendeeIds = !r.id && !r.attendeeIds?.length && g ? g.memberIds : r.attendeeIds;
      const leadTeacherId = r.leadTeacherId ?? (!r.id && g ? g.leaderId : null);
      return api.call('routine-plans/saveCollectivePrep', pickInput(CollectivePrepSchema, { ...r, termId, attendeeIds, leadTeacherId }));
    },
    [termId, groups],
  );
  const remove = useCallback((r: CollectivePrep) => api.call('routine-plans/deleteCollectivePrep', { id: r.id }), []);
  const newRow = useCallback((): Partial<CollectivePrep> => {
    const g = groups.find((x) => x.id === groupId);
    return { termId, groupId: groupId ?? undefined, date: today(), attendeeIds: [], leadTeacherId: g?.leaderId ?? null };
  }, [termId, groupId, groups]);

  const columns = useMemo<GridColumn<CollectivePrep>[]>(
    () => {
      const perGroup = (p: { data?: CollectivePrep }) => ({ options: membersOf(p.data?.groupId), emptyLabel: '—', nullable: true });
      return [
        { field: 'groupId', header: t('routine.prep.group'), kind: 'select', options: groupOptions, required: true, width: 140, pinned: 'left' },
        { field: 'date', header: t('routine.prep.date'), kind: 'date', required: true, width: 110 },
        { field: 'fixedTime', header: t('routine.prep.fixedTime'), width: 136 },
        { field: 'place', header: t('routine.prep.place'), width: 100 },
        { field: 'content', header: t('routine.prep.content'), width: 140 },
        { field: 'topic', header: t('routine.prep.topic'), required: true, width: 180 },
        { field: 'leadTeacherId', header: t('routine.prep.lead'), kind: 'select', options: teachers, people: true, nullable: true, width: 100, colDef: { cellEditorParams: perGroup } },
        { field: 'attendeeIds', header: t('routine.prep.attendees'), kind: 'multi', options: teachers, people: true, width: 220, colDef: { cellEditorParams: perGroup } },
        {
          field: 'absentIds', header: t('routine.prep.absent'), kind: 'multi', options: teachers, editable: false, width: 120,
          colDef: {
            cellRenderer: (p: { data?: CollectivePrep; valueFormatted?: string }) => (p.data?.absentIds?.length
              ? <Tag color="warning">{p.valueFormatted}</Tag>
              : p.data?.id ? <span className="jw-muted">{t('routine.prep.allPresent')}</span> : null),
          },
        },
        { field: 'outcome', header: t('routine.prep.outcome'), width: 260 },
      ];
    },
    [t, groupOptions, teachers, membersOf],
  );

  const exportColumns = useMemo<ExportColumn<CollectivePrep>[]>(
    () => [
      { header: t('routine.prep.group'), value: (r) => r.groupName },
      { header: t('routine.prep.date'), value: (r) => r.date },
      { header: t('routine.prep.fixedTime'), value: (r) => r.fixedTime },
      { header: t('routine.prep.place'), value: (r) => r.place },
      { header: t('routine.prep.content'), value: (r) => r.content },
      { header: t('routine.prep.topic'), value: (r) => r.topic },
      { header: t('routine.prep.lead'), value: (r) => r.leadTeacherName },
      { header: t('routine.prep.attendees'), value: (r) => r.attendeeNames.join('、') },
      { header: t('routine.prep.absent'), value: (r) => r.absentIds.map((id) => teachers.find((o) => o.value === id)?.label ?? id).join('、') },
      { header: t('routine.prep.outcome'), value: (r) => r.outcome },
    ],
    [t, teachers],
  );

  const toolbar = (
    <>
      <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('routine.prep.group')} value={groupId ?? undefined} onChange={(v) => setGroupId(v ?? null)} options={groupOptions} style={{ width: 150 }} data-testid="prep-filter-group" />
      <DatePicker picker="month" placeholder={t('routine.filters.month')} value={month ? dayjs(`${month}-01`) : null} onChange={(d) => setMonth(d ? d.format('YYYY-MM') : null)} style={{ width: 120 }} />
    </>
  );

  return (
    <div className="jw-rt-fill">
      {actions && createPortal(
        <ExportButton fileName={`${t('routine.prep.exportName')}-${term.name}.xlsx`} sheetName={t('routine.prep.exportName')} columns={exportColumns} fetchRows={load} />,
        actions,
      )}
      <DataGrid<CollectivePrep> id="collective-prep" columns={columns} load={load} save={save} remove={remove} newRow={newRow} toolbar={toolbar} />
      <div className="jw-rt-note" style={{ paddingTop: 4 }}>{t('routine.prep.hint')}</div>
    </div>
  );
}
