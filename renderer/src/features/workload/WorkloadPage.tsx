/**
 * #/workload: teacher weekly periods (planned from the teaching assignments vs scheduled in the timetable),
 * teaching-group totals with a chart, and leaders' teaching against the yearly minimum.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Empty, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupLoadRow } from '../../../../shared/contract';
import type { LeaderLoadRow, WorkloadRow } from '../../../../shared/contract';
import { compareZh } from '../../../../shared/domain/text';
import { api, saveFile } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError } from '../../app/useApiError';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { Page } from '../../components/Page';
import '../../components/views.css';
import { PeriodsBarChart } from './BarChart';

type TeacherRow = WorkloadRow & { id: number; rolesText: string; groupsText: string; diff: number };

function TeachersTab({ termId }: { termId: number }) {
  const { t } = useTranslation();
  const load = useCallback(async () => {
    const rows = await api.call('workload/teachers', { termId });
    return rows.map((r): TeacherRow => ({
      ...r, id: r.teacherId, rolesText: r.roles.join('、'), groupsText: r.groupNames.join('、'), diff: r.scheduled - r.planned,
    }));
  }, [termId]);
  const columns = useMemo<GridColumn<TeacherRow>[]>(
    () => [
      { field: 'teacherName', header: t('workload.teacher'), kind: 'person', pinned: 'left', width: 100 },
      { field: 'subjectName', header: t('workload.subject'), width: 90 },
      { field: 'rolesText', header: t('workload.roles'), width: 150 },
      { field: 'groupsText', header: t('workload.groups'), width: 230 },
      { field: 'planned', header: t('workload.planned'), kind: 'number', width: 100 },
      { field: 'scheduled', header: t('workload.scheduled'), kind: 'number', width: 100 },
      {
        field: 'diff',
        header: t('workload.diff'),
        kind: 'number',
        width: 90,
        colDef: {
          valueFormatter: (p) => (p.value > 0 ? `+${p.value}` : String(p.value ?? '')),
          cellClassRules: { 'tv-diff-more': (p) => p.value > 0, 'tv-diff-less': (p) => p.value < 0 },
        },
      },
      { field: 'classes', header: t('workload.classes'), width: 260 },
    ],
    [t],
  );
  return <DataGrid<TeacherRow> id="workload-teachers" columns={columns} load={load} />;
}

function GroupsTab({ termId }: { termId: number }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [groups, setGroups] = useState<GroupLoadRow[] | null>(null);
  const [teachers, setTeachers] = useState<WorkloadRow[]>([]);
  const [groupId, setGroupId] = useState<number | null>(null);

  useEffect(() => {
    Promise.all([api.call('workload/groups', { termId }), api.call('workload/teachers', { termId })]).then(([g, tr]) => {
      setGroups(g);
      setTeachers(tr);
      setGroupId((cur) => cur ?? g[0]?.groupId ?? null);
    }, (e) => { setGroups([]); showError(e); });
  }, [termId, showError]);

  const group = groups?.find((g) => g.groupId === groupId) ?? null;
  const members = useMemo(
    () => (group ? teachers.filter((x) => x.groupNames.includes(group.name)).sort((a, b) => b.scheduled - a.scheduled || compareZh(a.teacherName, b.teacherName)) : []),
    [group, teachers],
  );
  const names = useMemo(() => members.map((m) => m.teacherName), [members]);
  const values = useMemo(() => members.map((m) => m.scheduled), [members]);

  return (
    <div className="wl-groups">
      <Table<GroupLoadRow>
        size="small"
        rowKey="groupId"
        loading={groups === null}
        dataSource={groups ?? []}
        pagination={false}
        scroll={{ y: 'calc(100vh - 330px)' }}
        data-testid="workload-groups"
        rowClassName={(g) => (g.groupId === groupId ? 'ant-table-row-selected' : '')}
        onRow={(g) => ({ onClick: () => setGroupId(g.groupId), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('workload.groupName'), dataIndex: 'name' },
          { title: t('workload.groupKind'), dataIndex: 'kind', width: 80 },
          { title: t('workload.teachers'), dataIndex: 'teachers', width: 80, align: 'right' },
          { title: t('workload.total'), dataIndex: 'periods', width: 90, align: 'right' },
          { title: t('workload.average'), dataIndex: 'average', width: 90, align: 'right', render: (v: number) => (Math.round(v * 10) / 10).toString() },
          { title: t('workload.max'), dataIndex: 'max', width: 80, align: 'right' },
          { title: t('workload.min'), dataIndex: 'min', width: 80, align: 'right' },
        ]}
      />
      <div className="wl-chart-side">
      <Space>
        <span>{t('workload.chartFor')}</span>
        <Select
          style={{ width: 200 }}
          value={groupId ?? undefined}
          onChange={setGroupId}
          options={(groups ?? []).map((g) => ({ value: g.groupId, label: g.name }))}
          data-testid="workload-group-select"
        />
      </Space>
      {group && members.length > 0 ? (
        <PeriodsBarChart testId="workload-chart" names={names} values={values} average={Math.round(group.average * 10) / 10} averageLabel={t('workload.average')} />
      ) : (
        <Empty description={t('workload.noMembers')} />
      )}
      </div>
    </div>
  );
}

function LeadersTab({ termId }: { termId: number }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [minimum, setMinimum] = useState(80);
  const [rows, setRows] = useState<LeaderLoadRow[] | null>(null);
  useEffect(() => {
    const h = setTimeout(() => {
      api.call('workload/leaders', { termId, minimum }).then(setRows, (e) => { setRows([]); showError(e); });
    }, 250); // typing 120 should not ask three times
    return () => clearTimeout(h);
  }, [termId, minimum, showError]);
  return (
    <div className="tv-pane">
      <Space>
        <span>{t('workload.minimum')}</span>
        <InputNumber min={0} max={1000} value={minimum} onChange={(v) => setMinimum(v ?? 0)} data-testid="workload-minimum" />
        <Typography.Text type="secondary">{t('workload.minimumHint')}</Typography.Text>
      </Space>
      <Table<LeaderLoadRow>
        size="small"
        rowKey="teacherId"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={false}
        data-testid="workload-leaders"
        columns={[
          { title: t('workload.teacher'), dataIndex: 'teacherName' },
          { title: t('workload.roles'), dataIndex: 'roles', render: (r: string[]) => r.join('、') },
          { title: t('workload.weekly'), dataIndex: 'weekly', align: 'right', width: 100 },
          { title: t('workload.yearTotal'), dataIndex: 'yearTotal', align: 'right', width: 120 },
          { title: t('workload.minimumCol'), dataIndex: 'minimum', align: 'right', width: 100 },
          {
            title: t('workload.status'),
            dataIndex: 'ok',
            width: 120,
            render: (ok: boolean, r) => (ok ? <Tag color="green">{t('workload.ok')}</Tag> : <Tag color="red">{t('workload.short', { n: r.minimum - r.yearTotal })}</Tag>),
          },
        ]}
      />
    </div>
  );
}

export default function WorkloadPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { currentTerm } = useAppState();
  const [busy, setBusy] = useState(false);
  const termId = currentTerm?.id;

  async function exportXlsx() {
    if (!termId) return;
    setBusy(true);
    try {
      const f = await api.call('workload/exportXlsx', { termId });
      if (await saveFile(f)) void message.success(t('workload.exported', { file: f.fileName }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page
      title={t('workload.title')}
      subtitle={currentTerm ? t('workload.subtitle', { term: currentTerm.name }) : undefined}
      extra={<Button icon={<DownloadOutlined />} onClick={exportXlsx} loading={busy} disabled={!termId} data-testid="workload-export">{t('workload.export')}</Button>}
    >
      {!termId ? (
        <Empty description={t('timetableViews.noTerm')} />
      ) : (
        <Tabs
          className="tv-tabs"
          items={[
            { key: 'teachers', label: t('workload.tabs.teachers'), children: <TeachersTab termId={termId} /> },
            { key: 'groups', label: t('workload.tabs.groups'), children: <GroupsTab termId={termId} /> },
            { key: 'leaders', label: t('workload.tabs.leaders'), children: <LeadersTab termId={termId} /> },
          ]}
        />
      )}
    </Page>
  );
}
