/**
 * 教研活动: teaching-research activity records (group, date, topic, host, attendees, minutes), edited inline. The
 * attendees feed the research attendance on the monthly sheets.
 */
import { Select } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResearchActivitySchema, type ResearchActivity, type TeachingGroup, type Term } from '../../../../shared/contract';
import { termMonths } from '../../../../shared/domain/routine/monthly';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { pickInput, useTeacherOptions } from '../../components/lookups';
import { monthLabel } from '../../components/routine-levels';
import { schoolDay } from '../../../../shared/domain/dates';

export function ResearchTab({ term, onChanged }: { term: Term; onChanged: () => void }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [groups, setGroups] = useState<TeachingGroup[]>([]);
  const [groupId, setGroupId] = useState<number | null>(null);
  const [month, setMonth] = useState<string | null>(null);
  const [teacherOptions] = useTeacherOptions();

  useEffect(() => {
    api.call('school/listGroups', {}).then((g) => setGroups(g.filter((x) => !x.archived)), showError);
  }, [showError]);

  const months = useMemo(() => termMonths(term.startDate, term.teachingWeeks), [term]);
  const groupOptions = useMemo(() => groups.map((g) => ({ value: g.id, label: g.name })), [groups]);

  const load = useCallback(
    () => api.call('research/list', { termId: term.id, groupId, month }),
    [term.id, groupId, month],
  );
  const save = useCallback(
    (row: ResearchActivity) => api.call('research/save', pickInput(ResearchActivitySchema, { ...row, termId: term.id })),
    [term.id],
  );
  const remove = useCallback((row: ResearchActivity) => api.call('research/delete', { id: row.id }), []);
  const newRow = useCallback((): Partial<ResearchActivity> => {
    const today = schoolDay();
    const g = groups.find((x) => x.id === groupId);
    return { termId: term.id, date: today, groupId: g?.id, attendeeIds: g?.memberIds ?? [], hostId: g?.leaderId ?? null };
  }, [term.id, groupId, groups]);

  const columns = useMemo<GridColumn<ResearchActivity>[]>(() => [
    { field: 'groupId', header: t('monthly.research.col.group'), kind: 'select', options: groupOptions, required: true, width: 140, pinned: 'left' },
    { field: 'date', header: t('monthly.research.col.date'), kind: 'date', required: true, width: 110 },
    { field: 'topic', header: t('monthly.research.col.topic'), required: true, width: 220 },
    { field: 'hostId', header: t('monthly.research.col.host'), kind: 'select', options: teacherOptions, nullable: true, people: true, width: 100 },
    { field: 'attendeeIds', header: t('monthly.research.col.attendees'), kind: 'multi', options: teacherOptions, people: true, width: 260 },
    { field: 'location', header: t('monthly.research.col.location'), width: 110 },
    { field: 'minutes', header: t('monthly.research.col.minutes'), width: 300, colDef: { cellEditor: 'agLargeTextCellEditor', cellEditorPopup: true, cellEditorParams: { maxLength: 4000, rows: 8, cols: 60 } } },
  ], [t, groupOptions, teacherOptions]);

  return (
    <DataGrid<ResearchActivity>
      id="research-activities"
      columns={columns}
      load={load}
      save={save}
      remove={remove}
      newRow={newRow}
      onChanged={onChanged}
      toolbar={(
        <>
          <Select
            data-testid="research-filter-group"
            allowClear
            placeholder={t('monthly.research.allGroups')}
            value={groupId ?? undefined}
            onChange={(v) => setGroupId(v ?? null)}
            options={groupOptions}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 160 }}
          />
          <Select
            allowClear
            placeholder={t('monthly.obs.allMonths')}
            value={month ?? undefined}
            onChange={(v) => setMonth(v ?? null)}
            options={months.map((m) => ({ value: m, label: monthLabel(t, m) }))}
            style={{ width: 130 }}
          />
        </>
      )}
    />
  );
}
