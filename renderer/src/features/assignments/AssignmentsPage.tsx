/**
 * 任课安排: who teaches which subject in which class this term, with weekly periods, plus the two summaries
 * the office checks every term (periods by class, workload by teacher).
 */
import { Empty, Segmented, Table } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AssignmentSchema, type Assignment, type AssignmentSummaryRow } from '../../../../shared/contract';
import { compareZh } from '../../../../shared/domain/text';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError } from '../../app/useApiError';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { pickInput, useClassOptions, useSubjectOptions, useTeacherOptions } from '../../components/lookups';
import { Page } from '../../components/Page';

function Summary({ termId, by, version }: { termId: number; by: 'class' | 'teacher'; version: number }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [rows, setRows] = useState<AssignmentSummaryRow[] | null>(null);
  useEffect(() => {
    let live = true;
    api.call('assignments/summary', { termId, by }).then((r) => live && setRows(r), (e) => { showError(e); setRows([]); });
    return () => {
      live = false;
    };
  }, [termId, by, version, showError]);
  const total = (rows ?? []).reduce((s, r) => s + r.periods, 0);
  return (
    <Table<AssignmentSummaryRow>
      size="small"
      bordered
      rowKey="key"
      loading={rows === null}
      dataSource={rows ?? []}
      pagination={false}
      scroll={{ y: 'calc(100vh - 290px)' }}
      data-testid={`summary-${by}`}
      columns={[
        {
          title: by === 'class' ? t('fields.class') : t('fields.teacherName'), dataIndex: 'name', width: 160,
          sorter: (a, b) => compareZh(a.name, b.name),
        },
        { title: t('assignments.subjects'), dataIndex: 'subjects' },
        { title: t('assignments.count'), dataIndex: 'assignments', width: 100, align: 'right' },
        { title: t('fields.weeklyPeriods'), dataIndex: 'periods', width: 120, align: 'right', sorter: (a, b) => a.periods - b.periods },
      ]}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>{t('assignments.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">{total}</Table.Summary.Cell>
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}

export default function AssignmentsPage() {
  const { t } = useTranslation();
  const { currentTerm } = useAppState();
  const [teachers] = useTeacherOptions();
  const [classes] = useClassOptions();
  const [subjects] = useSubjectOptions();
  const [version, setVersion] = useState(0);
  const [view, setView] = useState<'list' | 'class' | 'teacher'>('list');
  const termId = currentTerm?.id;

  const columns = useMemo<GridColumn<Assignment>[]>(
    () => [
      { field: 'classId', header: t('fields.class'), kind: 'select', options: classes, required: true, width: 140 },
      { field: 'subjectId', header: t('fields.subject'), kind: 'select', options: subjects, required: true, width: 140 },
      { field: 'teacherId', header: t('fields.teacherId'), kind: 'select', options: teachers, required: true, width: 120, people: true },
      { field: 'weeklyPeriods', header: t('fields.weeklyPeriods'), kind: 'number', required: true, width: 110 },
    ],
    [t, classes, subjects, teachers],
  );
  const load = useCallback(async () => (termId ? api.call('assignments/list', { termId }) : []), [termId]);
  const save = useCallback((row: Assignment) => api.call('assignments/save', pickInput(AssignmentSchema, { ...row, termId })), [termId]);
  const saveMany = useCallback(
    (rows: Assignment[]) => api.call('assignments/saveMany', { rows: rows.map((r) => pickInput(AssignmentSchema, { ...r, termId })) }),
    [termId],
  );
  const remove = useCallback((row: Assignment) => api.call('assignments/delete', { id: row.id }), []);
  const newRow = useCallback((): Partial<Assignment> => ({ termId }), [termId]);
  const changed = useCallback(() => setVersion((v) => v + 1), []);

  if (!termId) {
    return (
      <Page title={t('nav.assignments')}>
        <Empty description={t('assignments.noTerm')} />
      </Page>
    );
  }

  return (
    <Page
      title={t('nav.assignments')}
      subtitle={t('assignments.subtitle', { term: currentTerm?.name })}
      extra={
        <Segmented
          value={view}
          onChange={(v) => setView(v as typeof view)}
          options={[
            { value: 'list', label: t('assignments.tabList') },
            { value: 'class', label: t('assignments.tabByClass') },
            { value: 'teacher', label: t('assignments.tabByTeacher') },
          ]}
          data-testid="assignments-view"
        />
      }
    >
      {view === 'list' ? (
        <DataGrid<Assignment>
          id="assignments"
          fit
          columns={columns}
          load={load}
          save={save}
          saveMany={saveMany}
          remove={remove}
          newRow={newRow}
          exportList="assignments"
          exportTermId={termId}
          onChanged={changed}
        />
      ) : (
        <div className="jw-panel">
          <Summary termId={termId} by={view} version={version} />
        </div>
      )}
    </Page>
  );
}
