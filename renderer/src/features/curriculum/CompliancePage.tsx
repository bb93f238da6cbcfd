/**
 * #/compliance (开齐开足): the check per class and grade on a chosen basis (assignments, timetable, periods
 * actually taught over a date range), the nine-year shares, and the curriculum standard editor with Excel
 * import. Printing goes through the report catalogue ('compliance-report'), Excel through curriculum/exportCheckXlsx.
 */
import { DownloadOutlined, FileExcelOutlined, PrinterOutlined, ReloadOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { CellClassParams, CellValueChangedEvent, ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import {
  Alert, App, Button, type ButtonProps, DatePicker, Empty, Input, Modal, Popconfirm, Segmented, Space, Table, Tabs, Tag, Typography, Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ComplianceResult, CurriculumImportPreview, CurriculumStandard, ImportIssue, Subject,
} from '../../../../shared/contract';
import { GRADE_NAMES } from '../../../../shared/domain/constants';
import { api, readUpload, saveFile } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError } from '../../app/useApiError';
import { DataGrid, gridTheme, type GridColumn } from '../../components/DataGrid';
import { Page } from '../../components/Page';
import './compliance.css';
import { WRAPPING_HEADERS } from '../../components/gridHeaders';

type Basis = ComplianceResult['basis'];
interface Query { termId: number; basis: Basis; from?: string; to?: string }
type ClassRow = { id: number } & Record<string, string | number>;

const gradeName = (level: number) => GRADE_NAMES[level] ?? String(level);
const STATUS_MARK: Record<string, string> = { missing: ' ▼', below: ' ▼', above: ' ▲', ok: '' };

// ---------------------------------------------------------------- check tab

function CheckTab({ query, reloadKey }: { query: Query | null; reloadKey: number }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [result, setResult] = useState<ComplianceResult | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!query) return;
    let live = true;
    setLoading(true);
    api.call('curriculum/check', query).then(
      (r) => { if (live) setResult(r); },
      (e) => { if (live) { setResult(null); showError(e); } },
    ).finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [query, reloadKey, showError]);

  // Subject columns: every subject any class has or is required to have, in first-seen (standard) order.
  const subjects = useMemo(() => {
    const seen = new Map<number, string>();
    for (const c of result?.classes ?? []) for (const s of c.subjects) if (s.required > 0 || s.actual > 0) seen.set(s.subjectId, s.subjectName);
    return [...seen];
  }, [result]);

  const load = useCallback(async (): Promise<ClassRow[]> => (result?.classes ?? []).map((c) => {
    const row: ClassRow = {
      id: c.classId,
      className: c.className,
      grade: gradeName(c.gradeLevel),
      status: c.status === 'ok' ? t('compliance.ok') : t('compliance.problemStatus'),
      total: `${c.total}/${c.requiredTotal}${c.total < c.requiredTotal ? ' ▼' : c.total > c.requiredTotal ? ' ▲' : ''}`,
      problems: c.problems.map((p) => t(p.key, p.params)).join('；'),
    };
    for (const s of c.subjects) {
      row[`s${s.subjectId}`] = `${s.actual}/${s.required}${STATUS_MARK[s.status]}`;
      row[`st${s.subjectId}`] = s.status;
    }
    return row;
  }), [result, t]);

  const columns = useMemo<GridColumn<ClassRow>[]>(() => [
    { field: 'className', header: t('compliance.class'), pinned: 'left', width: 120 },
    { field: 'grade', header: t('compliance.grade'), width: 90, hide: true },
    {
      field: 'status', header: t('compliance.status'), pinned: 'left', width: 90,
      colDef: { cellClassRules: { 'cmp-bad': (p) => p.data?.problems !== '' } },
    },
    ...subjects.map(([id, name]): GridColumn<ClassRow> => ({
      field: `s${id}`, header: name, width: 92,
      colDef: { headerTooltip: name, cellClassRules: { 'cmp-cell-bad': (p: CellClassParams) => !!p.data?.[`st${id}`] && p.data[`st${id}`] !== 'ok' } },
    })),
    {
      field: 'total', header: t('compliance.total'), width: 96,
      colDef: { cellClassRules: { 'cmp-cell-bad': (p: CellClassParams) => /[▼▲]/.test(String(p.value ?? '')) } },
    },
    { field: 'problems', header: t('compliance.problems'), width: 420, colDef: { wrapText: true, autoHeight: true, cellClass: 'cmp-problems' } },
  ], [t, subjects]);

  const nineYears = (result?.grades.length ?? 0) === 9;
  if (!query) return <Empty description={t('compliance.noTerm')} />;
  return (
    <div className="cmp-check" data-testid="compliance-check">
      {/* Remount when the subject set changes: the grid keeps its first column order otherwise. */}
      <DataGrid<ClassRow> key={subjects.map(([id]) => id).join(',')} id="compliance-classes" columns={columns} load={load} />
      <div className="cmp-bottom">
        <div className="jw-panel">
          <Typography.Title level={5}>{t('compliance.byGrade')}</Typography.Title>
          <Table
            size="small" pagination={false} loading={loading} rowKey="level" data-testid="compliance-grades"
            dataSource={result?.grades ?? []}
            columns={[
              { title: t('compliance.grade'), dataIndex: 'level', render: (l: number) => gradeName(l) },
              { title: t('compliance.classes'), dataIndex: 'classes' },
              { title: t('compliance.okClasses'), dataIndex: 'okClasses' },
              {
                title: t('compliance.problemClasses'), key: 'bad',
                render: (_: unknown, g: ComplianceResult['grades'][number]) => (
                  <span className={g.classes - g.okClasses ? 'cmp-bad' : ''}>{g.classes - g.okClasses}</span>
                ),
              },
            ]}
          />
        </div>
        <div className="jw-panel" style={{ flex: 1.6 }}>
          <Typography.Title level={5}>{t('compliance.shares')}</Typography.Title>
          <Table
            size="small" pagination={false} loading={loading} rowKey="group"
            dataSource={result?.shares ?? []}
            columns={[
              { title: t('compliance.shareGroup'), dataIndex: 'group' },
              { title: t('compliance.shareRange'), key: 'range', render: (_: unknown, s: ComplianceResult['shares'][number]) => `${s.min}% – ${s.max}%` },
              { title: t('compliance.shareRequired'), dataIndex: 'requiredPercent', render: (n?: number) => (n === undefined ? '' : `${n.toFixed(1)}%`) },
              { title: t('compliance.shareActual'), dataIndex: 'percent', render: (n: number) => `${n.toFixed(1)}%` },
              {
                title: t('compliance.shareVerdict'), key: 'v',
                render: (_: unknown, s: ComplianceResult['shares'][number]) => {
                  if (!nineYears) return '—';
                  if (s.percent < s.min) return <Tag color="orange">{t('compliance.shareLow')}</Tag>;
                  if (s.percent > s.max) return <Tag color="orange">{t('compliance.shareHigh')}</Tag>;
                  return <Tag color="green">{t('compliance.shareIn')}</Tag>;
                },
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 6, marginBottom: 0, fontSize: 12 }}>
            {nineYears ? t('compliance.sharesNote') : t('compliance.sharesPartial')}
          </Typography.Paragraph>
        </div>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------- standard tab

type StdRow = { key: string; subjectId: number | null; name: string } & Record<string, number | string | null>;
const SUM_KEY = 'sum';
const TOTAL_KEY = 'total';

function toRows(std: CurriculumStandard, subjects: Subject[]): { rows: StdRow[]; levels: number[] } {
  const levels = std.grades.map((g) => g.level);
  // Every active subject of the school, plus any the standard names (an archived subject still in use).
  const list = new Map<number, string>(subjects.filter((s) => !s.archived).map((s) => [s.id, s.name]));
  for (const g of std.grades) for (const s of g.subjects) if (!list.has(s.subjectId)) list.set(s.subjectId, s.subjectName);
  const rows: StdRow[] = [...list].map(([id, name]) => {
    const r: StdRow = { key: `s${id}`, subjectId: id, name };
    for (const g of std.grades) r[`g${g.level}`] = g.subjects.find((s) => s.subjectId === id)?.periods ?? 0;
    return r;
  });
  const total: StdRow = { key: TOTAL_KEY, subjectId: null, name: '' };
  for (const g of std.grades) total[`g${g.level}`] = g.total;
  return { rows: [...rows, total], levels };
}

function sumsOf(rows: StdRow[], levels: number[]): Record<number, number> {
  return Object.fromEntries(levels.map((l) => [l, rows.filter((r) => r.subjectId !== null).reduce((n, r) => n + (Number(r[`g${l}`]) || 0), 0)]));
}

function IssueList({ issues }: { issues: ImportIssue[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small" pagination={false} rowKey={(i) => `${i.row}-${i.column}-${i.key}`} dataSource={issues} scroll={{ y: 240 }}
      columns={[
        { title: t('compliance.import.row'), dataIndex: 'row', width: 70 },
        { title: t('compliance.import.column'), dataIndex: 'column', width: 110 },
        {
          title: t('compliance.import.problem'), key: 'p',
          render: (_: unknown, i: ImportIssue) => (
            <span className={i.severity === 'error' ? 'cmp-bad' : ''}>{t(`errors.import.${i.key}`, { ...i.params, row: i.row, column: i.column })}</span>
          ),
        },
      ]}
    />
  );
}

function StandardTab({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [rows, setRows] = useState<StdRow[] | null>(null);
  const [levels, setLevels] = useState<number[]>([]);
  const [source, setSource] = useState('');
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [subjects, setSubjects] = useState<Subject[]>([]);
  const [upload, setUpload] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [preview, setPreview] = useState<CurriculumImportPreview | null>(null);

  const apply = useCallback((std: CurriculumStandard, subs: Subject[]) => {
    const r = toRows(std, subs);
    setRows(r.rows);
    setLevels(r.levels);
    setSource(std.source);
    setDirty(false);
  }, []);

  useEffect(() => {
    Promise.all([api.call('curriculum/get', {}), api.call('school/listSubjects', { includeArchived: false })]).then(
      ([std, subs]) => { setSubjects(subs); apply(std, subs); },
      (e) => { setRows([]); showError(e); },
    );
  }, [apply, showError]);

  const sums = useMemo(() => sumsOf(rows ?? [], levels), [rows, levels]);
  const totalRow = rows?.find((r) => r.key === TOTAL_KEY);
  const wrong = levels.filter((l) => totalRow && Number(totalRow[`g${l}`]) !== sums[l]);

  const colDefs = useMemo<ColDef<StdRow>[]>(() => [
    {
      field: 'name', headerName: t('compliance.subject'), pinned: 'left', width: 150, editable: false,
      valueFormatter: (p) => (p.data?.key === TOTAL_KEY ? t('compliance.requiredTotal') : p.data?.key === SUM_KEY ? t('compliance.subjectSum') : String(p.value ?? '')),
      cellClass: (p) => (p.data?.subjectId === null ? 'cmp-row-sum' : ''),
    },
    ...levels.map((l): ColDef<StdRow> => ({
      colId: `g${l}`, field: `g${l}`, headerName: gradeName(l), width: 92, type: 'rightAligned',
      editable: (p) => p.data?.key !== SUM_KEY,
      cellEditor: 'agNumberCellEditor', cellEditorParams: { min: 0, max: 60, precision: 0 },
      valueParser: (p) => { const n = Number(p.newValue); return Number.isInteger(n) && n >= 0 ? n : p.oldValue; },
      cellClassRules: {
        'cmp-row-sum': (p) => p.data?.subjectId === null,
        'cmp-cell-bad': (p) => (p.data?.key === SUM_KEY || p.data?.key === TOTAL_KEY) && wrong.includes(l),
      },
    })),
  ], [levels, t, wrong]);

  const onChange = (e: CellValueChangedEvent<StdRow>) => {
    if (!e.data || e.data.key === SUM_KEY) return;
    setRows((rs) => (rs ?? []).map((r) => (r.key === e.data!.key ? { ...e.data! } : r)));
    setDirty(true);
  };

  const save = async () => {
    if (!rows || !totalRow) return;
    setBusy(true);
    try {
      const grades = levels.map((l) => ({
        level: l,
        total: Number(totalRow[`g${l}`]) || 0,
        subjects: rows.filter((r) => r.subjectId !== null && Number(r[`g${l}`]) > 0).map((r) => ({ subjectId: r.subjectId!, periods: Number(r[`g${l}`]) })),
      }));
      apply(await api.call('curriculum/save', { source, grades }), subjects);
      void message.success(t('compliance.saved'));
      onSaved();
    } catch (e) {
      showError(e, { fieldLabel: (f) => (f === 'total' ? t('compliance.requiredTotal') : undefined) });
    } finally {
      setBusy(false);
    }
  };

  const reset = async () => {
    setBusy(true);
    try {
      apply(await api.call('curriculum/resetDefault', {}), subjects);
      void message.success(t('compliance.resetDone'));
      onSaved();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const pick = async (f: File) => {
    try {
      const u = await readUpload(f);
      setUpload(u);
      setPreview(await api.call('curriculum/importPreview', u));
    } catch (e) {
      showError(e);
    }
    return false;
  };

  const commit = async () => {
    if (!upload) return;
    setBusy(true);
    try {
      apply(await api.call('curriculum/importCommit', upload), subjects);
      setPreview(null);
      setUpload(null);
      void message.success(t('compliance.import.done'));
      onSaved();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const errors = preview?.issues.filter((i) => i.severity === 'error').length ?? 0;
  const previewRows = preview ? toRows(preview.standard, []) : null;
  const sumRow: StdRow = { key: SUM_KEY, subjectId: null, name: '', ...Object.fromEntries(levels.map((l) => [`g${l}`, sums[l]])) };

  return (
    <div className="cmp-std" data-testid="compliance-standard">
      <Alert type="info" showIcon title={t('compliance.sourceHint')} />
      <div className="cmp-source">
        <Typography.Text strong style={{ paddingTop: 5 }}>{t('compliance.source')}</Typography.Text>
        <Input.TextArea
          value={source} maxLength={200} autoSize={{ minRows: 1, maxRows: 3 }} data-testid="compliance-source"
          onChange={(e) => { setSource(e.target.value); setDirty(true); }}
        />
      </div>
      <Space wrap>
        <Button type="primary" icon={<SaveOutlined />} onClick={save} loading={busy} disabled={!dirty} data-testid="compliance-save">{t('compliance.save')}</Button>
        <Popconfirm title={t('compliance.resetConfirm')} onConfirm={reset}>
          <Button icon={<UndoOutlined />} disabled={busy}>{t('compliance.reset')}</Button>
        </Popconfirm>
        <Upload accept=".xlsx,.xls,.csv" showUploadList={false} beforeUpload={pick}>
          <Button icon={<FileExcelOutlined />} disabled={busy}>{t('compliance.import.button')}</Button>
        </Upload>
        {wrong.length > 0 && <Typography.Text type="danger">{t('compliance.totalsWrong', { grades: wrong.map(gradeName).join('、') })}</Typography.Text>}
        {dirty && <Typography.Text type="warning">{t('compliance.unsaved')}</Typography.Text>}
      </Space>
      <div className="cmp-std-grid">
        {rows && rows.length === 0 ? <Empty description={t('compliance.noGrades')} /> : (
          <AgGridReact<StdRow>
            theme={gridTheme}
            rowData={rows?.filter((r) => r.key !== TOTAL_KEY)}
            loading={rows === null}
            columnDefs={colDefs}
            getRowId={(p) => p.data.key}
            pinnedBottomRowData={totalRow ? [sumRow, totalRow] : [sumRow]}
            defaultColDef={{ sortable: false, resizable: true, ...WRAPPING_HEADERS }}
            singleClickEdit
            stopEditingWhenCellsLoseFocus
            onCellValueChanged={onChange}
          />
        )}
      </div>
      <Modal
        open={!!preview} width={760} title={t('compliance.import.title', { file: upload?.fileName ?? '' })}
        onCancel={() => { setPreview(null); setUpload(null); }}
        okText={t('compliance.import.confirm')} okButtonProps={{ disabled: errors > 0, loading: busy, 'data-testid': 'compliance-import-ok' } as ButtonProps}
        onOk={commit}
      >
        {preview && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {errors > 0
              ? <Alert type="error" showIcon title={t('compliance.import.blocked', { count: errors })} />
              : <Alert type="success" showIcon title={t('compliance.import.ready', { grades: preview.standard.grades.map((g) => gradeName(g.level)).join('、') })} />}
            {preview.issues.length > 0 && <IssueList issues={preview.issues} />}
            {previewRows && (
              <Table
                size="small" pagination={false} rowKey="key" scroll={{ y: 260 }}
                dataSource={previewRows.rows}
                columns={[
                  { title: t('compliance.subject'), dataIndex: 'name', render: (n: string, r: StdRow) => (r.key === TOTAL_KEY ? t('compliance.requiredTotal') : n) },
                  ...previewRows.levels.map((l) => ({ title: gradeName(l), dataIndex: `g${l}` })),
                ]}
              />
            )}
          </Space>
        )}
      </Modal>
    </div>
  );
}

// ---------------------------------------------------------------- page

export default function CompliancePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { currentTerm } = useAppState();
  const [tab, setTab] = useState('check');
  const [basis, setBasis] = useState<Basis>('timetable');
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [busy, setBusy] = useState<'pdf' | 'xlsx' | null>(null);

  const query = useMemo<Query | null>(() => {
    if (!currentTerm) return null;
    const q: Query = { termId: currentTerm.id, basis };
    if (basis === 'taught' && range) { q.from = range[0].format('YYYY-MM-DD'); q.to = range[1].format('YYYY-MM-DD'); }
    return q;
  }, [currentTerm, basis, range]);

  const print = async () => {
    if (!query) return;
    setBusy('pdf');
    try {
      const f = await api.call('reports/pdf', { reportId: 'compliance-report', params: query });
      if (await saveFile(f)) void message.success(t('compliance.pdfSaved', { pages: f.pages }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const exportXlsx = async () => {
    if (!query) return;
    setBusy('xlsx');
    try {
      const f = await api.call('curriculum/exportCheckXlsx', query);
      if (await saveFile(f)) void message.success(t('compliance.exported', { file: f.fileName }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const controls = (
    <div className="cmp-toolbar">
      <Segmented<Basis>
        value={basis} onChange={setBasis} data-testid="compliance-basis"
        options={[
          { value: 'assignments', label: t('compliance.basis.assignments') },
          { value: 'timetable', label: t('compliance.basis.timetable') },
          { value: 'taught', label: t('compliance.basis.taught') },
        ]}
      />
      {basis === 'taught' && (
        <DatePicker.RangePicker
          value={range} allowClear
          onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)}
          placeholder={[t('compliance.from'), t('compliance.to')]}
          disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
        />
      )}
      {basis === 'taught' && !range && <Typography.Text type="secondary">{t('compliance.rangeDefault')}</Typography.Text>}
      <Button icon={<ReloadOutlined />} onClick={() => setReloadKey((k) => k + 1)}>{t('compliance.recheck')}</Button>
    </div>
  );

  return (
    <Page
      fill={false}
      title={t('compliance.title')}
      subtitle={t('compliance.subtitle')}
      extra={(
        <Space>
          <Button icon={<PrinterOutlined />} onClick={print} loading={busy === 'pdf'} disabled={!query} data-testid="compliance-print">{t('compliance.print')}</Button>
          <Button icon={<DownloadOutlined />} onClick={exportXlsx} loading={busy === 'xlsx'} disabled={!query} data-testid="compliance-export">{t('compliance.exportXlsx')}</Button>
        </Space>
      )}
    >
      <Tabs
        activeKey={tab} onChange={setTab} className="cmp-tabs"
        items={[
          { key: 'check', label: t('compliance.tabCheck'), children: <>{controls}<CheckTab query={query} reloadKey={reloadKey} /></> },
          { key: 'standard', label: t('compliance.tabStandard'), children: <StandardTab onSaved={() => setReloadKey((k) => k + 1)} /> },
        ]}
      />
    </Page>
  );
}
