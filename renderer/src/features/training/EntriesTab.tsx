/** 培训登记: every entry with filters (teacher, level, this cycle or all), edit, delete, the certificate, a batch's shared edit. */
import { DeleteOutlined, EditOutlined, PaperClipOutlined, TeamOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Select, Space } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRAINING_LEVELS, type TrainingEntry, type TrainingLevel } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { downloadAttachment } from '../../components/attachments';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { PersonSelect, useTeachers } from '../../components/pickers';
import { EntryModal } from './Dialogs';

export function EntriesTab({ reloadKey, onChanged, onEditBatch }: { reloadKey: number; onChanged: () => void; onEditBatch: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const teachers = useTeachers();
  const people = useMemo(() => teachers.map((x) => ({ id: x.id, name: x.name, hint: x.subjectName })), [teachers]);
  const [teacherId, setTeacherId] = useState<number | null>(null);
  const [level, setLevel] = useState<TrainingLevel | null>(null);
  const [scope, setScope] = useState<'cycle' | 'all'>('cycle');
  const [editing, setEditing] = useState<TrainingEntry | null>(null);

  const load = useCallback(async () => {
    void reloadKey;
    return api.call('training/list', { teacherId, level, currentCycle: scope === 'cycle' });
  }, [reloadKey, teacherId, level, scope]);

  const remove = useCallback(async (e: TrainingEntry) => {
    try {
      await api.call('training/delete', { id: e.id });
      void message.success(t('training.deleted'));
      onChanged();
    } catch (err) { showError(err); }
  }, [message, t, onChanged, showError]);

  const columns = useMemo<GridColumn<TrainingEntry>[]>(() => [
    { field: 'teacherName', header: t('training.col.teacher'), kind: 'person', width: 96, pinned: 'left' },
    { field: 'title', header: t('training.col.title'), width: 280 },
    { field: 'level', header: t('training.col.level'), width: 90, colDef: { valueFormatter: (p: { value?: string }) => (p.value ? t(`training.level.${p.value}`) : '') } },
    { field: 'startDate', header: t('training.col.start'), kind: 'date', width: 110 },
    { field: 'endDate', header: t('training.col.end'), kind: 'date', width: 110 },
    { field: 'hours', header: t('training.col.hours'), kind: 'number', width: 80 },
    { field: 'organiser', header: t('training.col.organiser'), width: 150 },
    {
      field: 'certificate', header: t('training.certificate'), width: 80,
      colDef: { sortable: false, filter: false, floatingFilter: false, cellRenderer: (p: { value?: TrainingEntry['certificate'] }) => p.value && <Button size="small" type="link" icon={<PaperClipOutlined />} onClick={() => void downloadAttachment(p.value!).catch(showError)} /> },
    },
    {
      field: 'id', header: t('training.actions'), width: 130, pinned: 'right',
      colDef: {
        sortable: false, filter: false, floatingFilter: false,
        cellRenderer: (p: { data?: TrainingEntry }) => p.data && (
          <Space size={0}>
            {p.data.batchId
              ? <Button size="small" type="link" icon={<TeamOutlined />} onClick={() => onEditBatch(p.data!.batchId!)} title={t('training.editBatch')} data-testid="tr-edit-batch" />
              : <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(p.data!)} title={t('training.edit')} data-testid="tr-edit" />}
            <Popconfirm title={t('training.deleteConfirm')} onConfirm={() => void remove(p.data!)}>
              <Button size="small" type="text" danger icon={<DeleteOutlined />} data-testid="tr-delete" />
            </Popconfirm>
          </Space>
        ),
      },
    },
  ], [t, showError, onEditBatch, remove]);

  return (
    <div className="tr-pane">
      <div className="tr-grid">
        <DataGrid<TrainingEntry>
          id="training-entries" columns={columns} load={load}
          toolbar={(
            <>
              <PersonSelect people={people} value={teacherId} onChange={setTeacherId} allowClear placeholder={t('training.allTeachers')} style={{ width: 150 }} testId="tr-filter-teacher" />
              <Select allowClear placeholder={t('training.allLevels')} style={{ width: 110 }} value={level ?? undefined} onChange={(v) => setLevel(v ?? null)}
                options={TRAINING_LEVELS.map((l) => ({ value: l, label: t(`training.level.${l}`) }))} data-testid="tr-filter-level" />
              <Select style={{ width: 120 }} value={scope} onChange={setScope} data-testid="tr-filter-scope"
                options={[{ value: 'cycle', label: t('training.thisCycle') }, { value: 'all', label: t('training.allCycles') }]} />
            </>
          )}
        />
      </div>
      <EntryModal open={editing !== null} entry={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); onChanged(); }} />
    </div>
  );
}
