/**
 * The three tables of the import check step: column mapping, problems (row, column, field, message) and the
 * preview grid of rows with the action each would get.
 */
import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Select, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportField, ImportIssue, ImportPreview, ImportPreviewRow } from '../../../../shared/contract';
import { gridTheme } from '../../components/DataGrid';
import { AG_GRID_ZH } from '../../components/gridLocale';
import { WRAPPING_HEADERS } from '../../components/gridHeaders';

/** "Do not import" in the mapping Select (antd Select treats null as no value, so a sentinel is used). */
const NOT_MAPPED = -1;

/** The field's name in the user's language: core's Chinese label, or fields.<key> in English when it exists. */
export function useFieldLabel(): (f: ImportField | undefined, key: string) => string {
  const { t, i18n } = useTranslation();
  return (f, key) => {
    const zh = f?.label ?? key;
    if (i18n.language === 'zh-CN') return zh;
    const k = `fields.${key}`;
    const en = t(k);
    return en === k ? zh : en;
  };
}

export function MappingTable({ preview, busy, onChange }: {
  preview: ImportPreview; busy: boolean; onChange: (field: string, column: number | null) => void;
}) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const options = useMemo(
    () => [
      { value: NOT_MAPPED, label: t('tools.import.notImported') },
      ...preview.columns.map((c) => ({ value: c.index, label: c.header || `#${c.index + 1}` })),
    ],
    [preview.columns, t],
  );
  return (
    <Table<ImportField>
      size="small"
      rowKey="key"
      pagination={false}
      scroll={{ y: 290 }}
      dataSource={preview.fields}
      columns={[
        {
          title: t('tools.import.field'),
          dataIndex: 'label',
          width: '42%',
          render: (_: unknown, f) => (
            <span>
              {fieldLabel(f, f.key)}
              {f.required && <span className="jw-import-required" title={t('tools.import.required')}> *</span>}
            </span>
          ),
        },
        {
          title: t('tools.import.fileColumn'),
          dataIndex: 'key',
          render: (_: unknown, f) => {
            const col = preview.mapping[f.key];
            const missing = f.required && col == null;
            return (
              <Select
                data-testid={`import-mapping-${f.key}`}
                size="small"
                style={{ width: '100%' }}
                status={missing ? 'error' : undefined}
                disabled={busy}
                value={col ?? NOT_MAPPED}
                options={options}
                onChange={(v: number) => onChange(f.key, v === NOT_MAPPED ? null : v)}
              />
            );
          },
        },
      ]}
    />
  );
}

const SEVERITY_ORDER: Record<ImportIssue['severity'], number> = { error: 0, warning: 1, notice: 2 };

export function IssuesTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const fields = useMemo(() => new Map(preview.fields.map((f) => [f.key, f])), [preview.fields]);
  // Errors first, then warnings; each in file order.
  const issues = useMemo(
    () => preview.issues.map((x, i) => ({ ...x, n: i })).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.n - b.n),
    [preview.issues],
  );
  return (
    <div data-testid="import-issues">
      {issues.length === 0 ? (
        <Typography.Text type="success">{t('tools.import.noIssues')}</Typography.Text>
      ) : (
        <Table<ImportIssue & { n: number }>
          size="small"
          rowKey="n"
          dataSource={issues}
          pagination={issues.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
          columns={[
            { title: t('tools.import.row'), dataIndex: 'row', width: 64, render: (r: number) => (r > 0 ? r : t('tools.import.wholeFile')) },
            { title: t('tools.import.column'), dataIndex: 'column', width: 110, ellipsis: true },
            { title: t('tools.import.field'), dataIndex: 'field', width: 100, render: (k: string) => fieldLabel(fields.get(k), k) },
            {
              title: t('tools.import.message'),
              dataIndex: 'key',
              render: (_: unknown, x) => (
                <span>
                  <Tag color={x.severity === 'error' ? 'red' : x.severity === 'warning' ? 'orange' : 'default'}>{t(`tools.import.severity.${x.severity}`)}</Tag>
                  {t(`errors.import.${x.key}`, { row: x.row, column: x.column, field: fieldLabel(fields.get(x.field), x.field), ...x.params })}
                </span>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

/** Preview column widths for the wider fields; others get 110 px. */
const FIELD_WIDTHS: Record<string, number> = { studentNo: 190, note: 180, className: 120, teacher: 120, phone: 130, roles: 160, certificate: 130 };
/** Up to this many rows the preview grid grows with its rows; beyond it scrolls at a fixed height. */
const AUTO_HEIGHT_ROWS = 12;

const ACTION_COLORS: Record<ImportPreviewRow['action'], string> = { insert: 'green', update: 'blue', skip: 'default' };

export function PreviewGrid({ preview }: { preview: ImportPreview }) {
  const { t, i18n } = useTranslation();
  const fieldLabel = useFieldLabel();
  // Cells named by an error or warning: "row|field".
  const flagged = useMemo(() => new Set(preview.issues.filter((x) => x.row > 0).map((x) => `${x.row}|${x.field}`)), [preview.issues]);
  const colDefs = useMemo<ColDef<ImportPreviewRow>[]>(
    () => [
      { headerName: t('tools.import.row'), field: 'row', width: 70, pinned: 'left', type: 'rightAligned' },
      {
        headerName: t('tools.import.action'),
        colId: 'action',
        width: 86,
        pinned: 'left',
        valueGetter: (p) => (p.data ? t(`tools.import.actions.${p.data.action}`) : ''),
        cellRenderer: (p: { data?: ImportPreviewRow; value: string }) =>
          p.data ? <Tag color={ACTION_COLORS[p.data.action]}>{p.value}</Tag> : null,
      },
      ...preview.fields
        .filter((f) => preview.mapping[f.key] != null)
        .map<ColDef<ImportPreviewRow>>((f) => ({
          headerName: fieldLabel(f, f.key),
          colId: f.key,
          valueGetter: (p) => p.data?.values[f.key] ?? '',
          width: FIELD_WIDTHS[f.key] ?? 110,
          cellClassRules: { 'jw-import-cell-flagged': (p) => !!p.data && flagged.has(`${p.data.row}|${f.key}`) },
        })),
    ],
    // fieldLabel is rebuilt each render; it depends only on the language, which t covers
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [preview.fields, preview.mapping, flagged, t],
  );
  return (
    <div className={preview.rows.length > AUTO_HEIGHT_ROWS ? 'jw-import-grid' : undefined} data-testid="import-preview-grid">
      <AgGridReact<ImportPreviewRow>
        key={i18n.language}
        theme={gridTheme}
        localeText={i18n.language === 'zh-CN' ? AG_GRID_ZH : undefined}
        rowData={preview.rows}
        columnDefs={colDefs}
        defaultColDef={{ sortable: true, resizable: true, ...WRAPPING_HEADERS }}
        getRowId={(p) => String(p.data.row)}
        rowClassRules={{ 'jw-import-row-error': (p) => !!p.data?.hasError }}
        domLayout={preview.rows.length > AUTO_HEIGHT_ROWS ? 'normal' : 'autoHeight'}
        animateRows={false}
      />
    </div>
  );
}
