/**
 * 操作日志: who changed what and when. Filters (object, operator, keyword, dates) query 'audit/list' a page
 * at a time; a row's before/after content opens in a detail dialog (and shows as a tooltip on the summary).
 */
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App, Button, DatePicker, Input, Modal, Pagination, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/contract';
import { api, saveFile } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { gridTheme } from '../../components/DataGrid';
import { AG_GRID_ZH } from '../../components/gridLocale';
import { Page } from '../../components/Page';
import { formatTime, labelFor } from '../../components/format';
import './audit.css';
import { WRAPPING_HEADERS } from '../../components/gridHeaders';

/** The filter offers every entity the log can hold (tests/unit/i18n-runtime-keys checks each is translated). */
const ENTITIES = [
  'school', 'term', 'grade', 'class', 'subject', 'teacher', 'student', 'group', 'assignment', 'timetable', 'room', 'substitution', 'curriculum',
  'routineStandards', 'lessonPlan', 'planCheck', 'homeworkCheck', 'collectivePrep', 'observation', 'observationQuota', 'researchActivity',
  'monthlyCheck', 'monthlySheet', 'exam', 'examSettings', 'score', 'struggling', 'report', 'import', 'backup', 'operator',
];
const ACTION_COLORS: Record<string, string> = {
  create: 'green', update: 'blue', archive: 'default', restore: 'orange', delete: 'red', import: 'purple', print: 'cyan', export: 'geekblue',
};
const PAGE_SIZE = 100;

interface Filters { entity?: string; operator: string; text: string; range: [Dayjs | null, Dayjs | null] | null }
const NO_FILTERS: Filters = { operator: '', text: '', range: null };

function parseJson(s: string | null): unknown {
  if (s == null) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

function show(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** Before/after as one line per field when both are objects, else as they are. */
function diffRows(before: unknown, after: unknown): { key: string; before: string; after: string; changed: boolean }[] {
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (isObj(before) || isObj(after)) {
    const b = isObj(before) ? before : {};
    const a = isObj(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys.map((k) => ({
      key: k, before: k in b ? show(b[k]) : '', after: k in a ? show(a[k]) : '',
      changed: isObj(before) && isObj(after) ? show(b[k]) !== show(a[k]) : false,
    }));
  }
  return before === undefined && after === undefined ? [] : [{ key: '', before: show(before), after: show(after), changed: false }];
}

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ rows: AuditEntry[]; total: number } | null>(null);
  const [detail, setDetail] = useState<AuditEntry | null>(null);
  const [exporting, setExporting] = useState(false);

  const load = useCallback(async () => {
    setData(null);
    try {
      const [from, to] = filters.range ?? [null, null];
      const r = await api.call('audit/list', {
        entity: filters.entity || undefined,
        operator: filters.operator.trim() || undefined,
        text: filters.text.trim() || undefined,
        // Local calendar days, sent as UTC instants to match the stored ISO times.
        from: from ? from.startOf('day').toISOString() : undefined,
        to: to ? to.endOf('day').toISOString() : undefined,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      });
      setData(r);
    } catch (e) {
      setData({ rows: [], total: 0 });
      showError(e);
    }
  }, [filters, page, showError]);

  useEffect(() => {
    void load();
  }, [load]);

  const search = () => {
    setPage(1);
    setFilters({ ...draft });
  };
  const reset = () => {
    setDraft(NO_FILTERS);
    setPage(1);
    setFilters(NO_FILTERS);
  };

  const exportAll = async () => {
    setExporting(true);
    try {
      const f = await api.call('export/list', { list: 'audit' });
      if (await saveFile(f)) void message.success(t('tools.audit.exported', { file: f.fileName }));
    } catch (e) {
      showError(e);
    } finally {
      setExporting(false);
    }
  };

  const colDefs = useMemo<ColDef<AuditEntry>[]>(
    () => [
      { headerName: t('tools.audit.time'), field: 'at', width: 170, valueFormatter: (p) => (p.value ? formatTime(p.value as string, true) : '') },
      { headerName: t('tools.audit.operator'), field: 'operator', width: 110 },
      { headerName: t('tools.audit.entity'), field: 'entity', width: 130, valueFormatter: (p) => labelFor(t, 'tools.audit.entities', String(p.value ?? '')) },
      {
        headerName: t('tools.audit.action'),
        field: 'action',
        width: 100,
        cellRenderer: (p: { value: string }) => <Tag color={ACTION_COLORS[p.value] ?? 'default'}>{labelFor(t, 'tools.audit.actions', p.value)}</Tag>,
      },
      {
        headerName: t('tools.audit.summary'),
        field: 'summary',
        flex: 1,
        minWidth: 260,
        tooltipValueGetter: (p) => {
          const rows = p.data ? diffRows(parseJson(p.data.before), parseJson(p.data.after)) : [];
          return rows.length ? rows.slice(0, 12).map((r) => (r.key ? `${r.key}: ` : '') + [r.before, r.after].filter(Boolean).join(' → ')).join('\n') : undefined;
        },
      },
      {
        headerName: t('tools.audit.detail'),
        colId: 'detail',
        width: 80,
        sortable: false,
        cellRenderer: (p: { data?: AuditEntry }) =>
          p.data && (p.data.before || p.data.after) ? (
            <Button type="link" size="small" onClick={() => setDetail(p.data!)} style={{ padding: 0 }}>{t('tools.audit.showDetail')}</Button>
          ) : null,
      },
    ],
    [t],
  );

  const detailRows = detail ? diffRows(parseJson(detail.before), parseJson(detail.after)) : [];

  return (
    <Page
      title={t('tools.audit.title')}
      subtitle={t('tools.audit.subtitle')}
      extra={<Button icon={<DownloadOutlined />} loading={exporting} onClick={exportAll} data-testid="audit-export">{t('tools.audit.export')}</Button>}
    >
      <div className="jw-grid jw-audit">
        <div className="jw-grid-toolbar">
          <Space wrap size={8}>
            <Select
              data-testid="audit-entity"
              style={{ width: 150 }}
              allowClear
              placeholder={t('tools.audit.allEntities')}
              value={draft.entity}
              onChange={(v?: string) => setDraft({ ...draft, entity: v })}
              options={ENTITIES.map((e) => ({ value: e, label: labelFor(t, 'tools.audit.entities', e) }))}
            />
            <Input
              data-testid="audit-operator"
              style={{ width: 130 }}
              allowClear
              placeholder={t('tools.audit.operator')}
              value={draft.operator}
              onChange={(e) => setDraft({ ...draft, operator: e.target.value })}
              onPressEnter={search}
            />
            <Input
              data-testid="audit-text"
              style={{ width: 200 }}
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('tools.audit.textPlaceholder')}
              value={draft.text}
              onChange={(e) => setDraft({ ...draft, text: e.target.value })}
              onPressEnter={search}
            />
            <DatePicker.RangePicker
              data-testid="audit-dates"
              value={draft.range}
              onChange={(v) => setDraft({ ...draft, range: v as Filters['range'] })}
            />
            <Button type="primary" onClick={search} data-testid="audit-search">{t('tools.audit.search')}</Button>
            <Button onClick={reset}>{t('tools.audit.reset')}</Button>
          </Space>
        </div>
        <div className="jw-grid-body" data-testid="audit-grid">
          <AgGridReact<AuditEntry>
            key={i18n.language}
            theme={gridTheme}
            localeText={i18n.language === 'zh-CN' ? AG_GRID_ZH : undefined}
            rowData={data?.rows}
            loading={data === null}
            columnDefs={colDefs}
            defaultColDef={{ resizable: true, sortable: true, ...WRAPPING_HEADERS }}
            getRowId={(p) => String(p.data.id)}
            tooltipShowDelay={300}
            onRowDoubleClicked={(e) => e.data && (e.data.before || e.data.after) && setDetail(e.data)}
            animateRows={false}
          />
        </div>
        <div className="jw-grid-status">
          <span>{t('tools.audit.total', { total: data?.total ?? 0 })}</span>
          {data && data.total > PAGE_SIZE && (
            <Pagination size="small" current={page} pageSize={PAGE_SIZE} total={data.total} showSizeChanger={false} onChange={setPage} />
          )}
        </div>
      </div>

      <Modal
        open={!!detail}
        width={760}
        title={detail ? `${formatTime(detail.at, true)} · ${detail.operator} · ${labelFor(t, 'tools.audit.entities', detail.entity)} · ${labelFor(t, 'tools.audit.actions', detail.action)}` : ''}
        footer={null}
        onCancel={() => setDetail(null)}
      >
        {detail && (
          <>
            {detail.summary && <Typography.Paragraph>{detail.summary}</Typography.Paragraph>}
            {detailRows.length === 0 ? (
              <Typography.Text type="secondary">{t('tools.audit.noDetail')}</Typography.Text>
            ) : (
              <Table
                size="small"
                rowKey={(r) => r.key || '-'}
                pagination={false}
                scroll={{ y: 420 }}
                dataSource={detailRows}
                rowClassName={(r) => (r.changed ? 'jw-audit-changed' : '')}
                columns={[
                  { title: t('tools.audit.field'), dataIndex: 'key', width: 160 },
                  { title: t('tools.audit.before'), dataIndex: 'before', render: (v: string) => <span className="jw-audit-value">{v}</span> },
                  { title: t('tools.audit.after'), dataIndex: 'after', render: (v: string) => <span className="jw-audit-value">{v}</span> },
                ]}
              />
            )}
          </>
        )}
      </Modal>
    </Page>
  );
}
