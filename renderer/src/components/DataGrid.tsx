/**
 * The one list component: AG Grid Community with inline editing that saves each row through the entity's
 * '<x>/save', archive/restore instead of delete, filters, remembered column layout, pinyin-initial quick search,
 * paste of a block from Excel (one '<x>/saveMany' transaction) and export to Excel.
 *
 * Rows carry a stable `__key` (id:N for saved rows, new:N for rows not yet saved) so a new row keeps its
 * identity in the grid when its first save gives it an id.
 */
import { DownloadOutlined, InboxOutlined, PlusOutlined, RollbackOutlined, SearchOutlined, SettingOutlined, DeleteOutlined } from '@ant-design/icons';
import {
  AllCommunityModule, ModuleRegistry, themeQuartz,
  type CellValueChangedEvent, type ColDef, type GridApi, type GridReadyEvent, type IRowNode, type ValueParserParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App, Button, Checkbox, Input, Popconfirm, Popover, Space, Switch, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesPerson } from '../../../shared/domain/pinyin';
import { compareZh, toHalfWidth } from '../../../shared/domain/text';
import { api, saveFile } from '../api/client';
import { useApiError } from '../app/useApiError';
import { AG_GRID_ZH } from './gridLocale';
import { MultiSelectEditor, SelectEditor, type GridOption } from './GridEditors';
import { parseBool, parseDate, parseTsv } from './tsv';
import { headerMinWidth, WRAPPING_HEADERS } from './gridHeaders';

ModuleRegistry.registerModules([AllCommunityModule]);

export type { GridOption } from './GridEditors';

export const gridTheme = themeQuartz.withParams({
  accentColor: '#1677ff',
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  headerBackgroundColor: '#f5f7fa',
  rowHeight: 34,
  headerHeight: 36,
  spacing: 6,
  wrapperBorderRadius: 6,
  borderColor: '#e5e8ef',
  oddRowBackgroundColor: '#fcfcfd',
  browserColorScheme: 'light',
});

export type ColumnKind = 'text' | 'person' | 'number' | 'date' | 'select' | 'multi' | 'bool';

export interface GridColumn<T> {
  field: Extract<keyof T, string>;
  /** Already translated header text. */
  header: string;
  kind?: ColumnKind;
  /** For select / multi: the allowed values and their labels. */
  options?: GridOption[];
  /** For select: the value may be empty. */
  nullable?: boolean;
  /** For select / multi of people (head teacher, members): quick search also matches their pinyin initials. */
  people?: boolean;
  /** A new row is saved only once every required column has a value. */
  required?: boolean;
  editable?: boolean;
  width?: number;
  pinned?: 'left' | 'right';
  hide?: boolean;
  colDef?: Partial<ColDef>;
}

type ExportList = 'teachers' | 'students' | 'classes' | 'subjects' | 'groups' | 'assignments' | 'audit';

export interface DataGridProps<T extends { id: number }> {
  /** Names the grid: data-testid grid-<id> and the localStorage key of its column layout. */
  id: string;
  columns: GridColumn<T>[];
  /** Loads the rows; called again when this function changes (memoise it) or the archived toggle flips. */
  load: (opts: { includeArchived: boolean }) => Promise<T[]>;
  /** Saves one row ('<x>/save'); returns the saved entity. Without it the grid is read-only. */
  save?: (row: T) => Promise<T>;
  /** Saves a block of rows in one transaction ('<x>/saveMany'); enables paste from Excel. */
  saveMany?: (rows: T[]) => Promise<T[]>;
  /** Archives or restores one row ('<x>/archive'); enables the archive buttons and the archived toggle. */
  archive?: (row: T, archived: boolean) => Promise<unknown>;
  /** Deletes one row, for lists without archive (teaching assignments). */
  remove?: (row: T) => Promise<unknown>;
  /** Values of a blank row added with 添加 (defaults such as the current term). */
  newRow?: () => Partial<T>;
  exportList?: ExportList;
  exportTermId?: number;
  /** Extra controls at the left of the toolbar (filters). */
  toolbar?: ReactNode;
  /** Called after any successful write (for summaries that depend on the rows). */
  onChanged?: () => void;
  /** Few columns: stretch them to the grid's width until the user sizes them. */
  fit?: boolean;
  /** Show 添加 (default yes when `save` is given); lists whose rows core creates (monthly sheets) turn it off. */
  canAdd?: boolean;
  /** Called with the selected saved rows (for actions on one record beside the grid). */
  onSelect?: (rows: T[]) => void;
}

type Row = Record<string, unknown> & { __key: string; id?: number; archived?: boolean };

let newKeySeq = 0;
const keyOf = (r: { id?: number }) => (r.id ? `id:${r.id}` : `new:${++newKeySeq}`);
const withKey = (r: object, key?: string): Row => ({ ...(r as Record<string, unknown>), __key: key ?? keyOf(r as { id?: number }) });
const stripKey = <T,>(r: Row): T => {
  const { __key: _drop, ...rest } = r;
  return rest as T;
};
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function labelOf(options: GridOption[] | undefined, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  return options?.find((o) => o.value === v)?.label ?? String(v);
}

/** Turns pasted or typed text into a column's value; unknown labels stay text so core names the problem. */
function parseFor(col: GridColumn<unknown>, raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const s = toHalfWidth(raw).trim();
  switch (col.kind ?? 'text') {
    case 'number': {
      if (!s) return null;
      const n = Number(s);
      return Number.isFinite(n) ? n : s;
    }
    case 'bool':
      return parseBool(s);
    case 'date':
      return parseDate(s);
    case 'select': {
      if (!s) return null;
      const hit = col.options?.find((o) => o.label === s || String(o.value) === s);
      return hit ? hit.value : s;
    }
    case 'multi':
      return s
        .split(/[、,，;；/\s]+/)
        .filter(Boolean)
        .map((part) => col.options?.find((o) => o.label === part || String(o.value) === part)?.value ?? part);
    default:
      // Keep the original (full-width) text for names; only trim.
      return raw.trim() === '' ? null : raw.trim();
  }
}

const STATE_PREFIX = 'jiaowu.grid.';

export function DataGrid<T extends { id: number }>(props: DataGridProps<T>) {
  const { id, columns, load, save, saveMany, archive, remove, newRow, exportList, exportTermId, toolbar, onChanged, fit, canAdd = true, onSelect } = props;
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const apiRef = useRef<GridApi<Row> | null>(null);
  const queryRef = useRef('');
  const saveQueue = useRef<Promise<unknown>>(Promise.resolve());
  const [rows, setRows] = useState<Row[] | null>(null);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<Row[]>([]);
  const [counts, setCounts] = useState({ shown: 0, total: 0 });
  const [hidden, setHidden] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const colByField = useMemo(() => new Map(columns.map((c) => [c.field as string, c as GridColumn<unknown>])), [columns]);
  const headerOf = useCallback((field: string) => colByField.get(field)?.header, [colByField]);

  const reload = useCallback(async () => {
    try {
      const data = await load({ includeArchived });
      setRows(data.map((r) => withKey(r)));
    } catch (e) {
      setRows([]);
      showError(e);
    }
  }, [load, includeArchived, showError]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const colDefs = useMemo<ColDef<Row>[]>(
    () =>
      columns.map((c) => {
        const kind = c.kind ?? 'text';
        const col = c as GridColumn<unknown>;
        const editable = !!save && c.editable !== false;
        const def: ColDef<Row> = {
          colId: c.field,
          field: c.field,
          headerName: c.header,
          initialWidth: Math.max(c.width ?? (kind === 'bool' ? 90 : kind === 'person' ? 110 : 130), headerMinWidth(c.header)),
          minWidth: headerMinWidth(c.header),
          initialHide: c.hide,
          initialPinned: c.pinned,
          editable,
          headerClass: c.required && editable ? 'jw-required' : undefined,
          valueParser: (p: ValueParserParams<Row>) => parseFor(col, p.newValue),
        };
        switch (kind) {
          case 'person':
            def.comparator = (a, b) => compareZh(a as string, b as string);
            def.filter = 'agTextColumnFilter';
            break;
          case 'text':
            def.comparator = (a, b) => compareZh(a == null ? '' : String(a), b == null ? '' : String(b));
            def.filter = 'agTextColumnFilter';
            // Long text (class lists, group names) is cut with an ellipsis: hovering shows all of it.
            def.tooltipValueGetter = (p) => (p.value == null || p.value === '' ? undefined : String(p.value));
            break;
          case 'number':
            def.filter = 'agNumberColumnFilter';
            def.cellEditor = 'agNumberCellEditor';
            def.type = 'rightAligned';
            break;
          case 'date':
            def.filter = 'agTextColumnFilter';
            def.cellEditor = 'agDateStringCellEditor';
            break;
          case 'bool':
            def.cellDataType = 'boolean';
            def.cellRenderer = 'agCheckboxCellRenderer';
            def.cellEditor = 'agCheckboxCellEditor';
            def.filter = 'agTextColumnFilter';
            def.floatingFilter = false;
            def.filterValueGetter = (p) => (p.data?.[c.field] ? t('common.yes') : t('common.no'));
            def.valueParser = (p) => (typeof p.newValue === 'boolean' ? p.newValue : parseBool(String(p.newValue ?? '')));
            break;
          case 'select':
          case 'multi': {
            const opts = c.options ?? [];
            const fmt = (v: unknown) => (Array.isArray(v) ? v.map((x) => labelOf(opts, x)).join('、') : labelOf(opts, v));
            def.valueFormatter = (p) => fmt(p.value);
            def.filter = 'agTextColumnFilter';
            def.filterValueGetter = (p) => fmt(p.data?.[c.field]);
            def.comparator = (a, b) => compareZh(fmt(a), fmt(b));
            def.cellEditor = kind === 'select' ? SelectEditor : MultiSelectEditor;
            def.cellEditorPopup = kind === 'multi';
            def.cellEditorParams = { options: opts, nullable: c.nullable, emptyLabel: t('grid.empty') };
            // Select values are ids or enum values, never the typed text: compare as-is.
            def.equals = sameValue;
            break;
          }
        }
        return { ...def, ...(c.colDef as Partial<ColDef<Row>>) };
      }),
    [columns, save, t],
  );

  // Option lists (subject names for subject ids...) often arrive after the rows: redraw the cells with them.
  useEffect(() => {
    apiRef.current?.refreshCells({ force: true });
  }, [colDefs]);

  // ---- column layout: restore once, save on every change ----
  const stateKey = STATE_PREFIX + id;
  const saveColumnState = useCallback(() => {
    const a = apiRef.current;
    if (!a) return;
    const state = a.getColumnState();
    localStorage.setItem(stateKey, JSON.stringify(state));
    setHidden(state.filter((s) => s.hide && colByField.has(s.colId)).map((s) => s.colId));
  }, [stateKey, colByField]);

  const onGridReady = useCallback(
    (e: GridReadyEvent<Row>) => {
      apiRef.current = e.api;
      const raw = localStorage.getItem(stateKey);
      if (raw) {
        try {
          e.api.applyColumnState({ state: JSON.parse(raw), applyOrder: true });
        } catch {
          localStorage.removeItem(stateKey);
        }
      }
      setHidden(e.api.getColumnState().filter((s) => s.hide && colByField.has(s.colId)).map((s) => s.colId));
    },
    [stateKey, colByField],
  );

  // ---- quick search: characters in any visible text column, or pinyin initials of person columns ----
  const isExternalFilterPresent = useCallback(() => queryRef.current.trim() !== '', []);
  const doesExternalFilterPass = useCallback(
    (node: IRowNode<Row>) => {
      const q = queryRef.current.trim().toLowerCase();
      const a = apiRef.current;
      if (!a || !node.data) return true;
      for (const column of a.getAllDisplayedColumns()) {
        const c = colByField.get(column.getColId());
        if (!c || c.kind === 'bool') continue;
        const v = node.data[c.field];
        const texts = c.kind === 'select' || c.kind === 'multi'
          ? (Array.isArray(v) ? v : [v]).map((x) => labelOf(c.options, x))
          : [v == null ? '' : String(v)];
        const isPerson = c.kind === 'person' || c.people;
        for (const text of texts) {
          if (text && (isPerson ? matchesPerson(text, q) : text.toLowerCase().includes(q))) return true;
        }
      }
      return false;
    },
    [colByField],
  );
  useEffect(() => {
    queryRef.current = query;
    apiRef.current?.onFilterChanged();
  }, [query]);

  const updateCounts = useCallback(() => {
    const a = apiRef.current;
    if (!a) return;
    let total = 0;
    a.forEachNode(() => total++);
    setCounts({ shown: a.getDisplayedRowCount(), total });
  }, []);

  // ---- inline editing: one save per change, queued so a new row is never created twice ----
  const requiredFilled = useCallback(
    (r: Row) => columns.every((c) => !c.required || !isEmpty(r[c.field])),
    [columns],
  );

  const onCellValueChanged = useCallback(
    (e: CellValueChangedEvent<Row>) => {
      if (!save || sameValue(e.oldValue, e.newValue)) return;
      const field = e.colDef.field!;
      const node = e.node;
      saveQueue.current = saveQueue.current.then(async () => {
        const data = node.data!;
        if (!data.id && !requiredFilled(data)) return; // a new row waits until its required cells are filled
        try {
          const saved = await save(stripKey<T>(data));
          node.setData(withKey(saved, data.__key));
          onChanged?.();
        } catch (err) {
          node.setData({ ...node.data!, [field]: e.oldValue });
          showError(err, { fieldLabel: headerOf });
        }
      });
    },
    [save, requiredFilled, onChanged, showError, headerOf],
  );

  const addRow = useCallback(() => {
    const a = apiRef.current;
    if (!a) return;
    const row = withKey({ ...(newRow?.() ?? {}) }, `new:${++newKeySeq}`);
    a.applyTransaction({ add: [row], addIndex: 0 });
    const node = a.getRowNode(row.__key);
    // Start typing where the row needs a value first: the first required column, else the first editable one.
    const firstEditable = columns.find((c) => c.required && c.editable !== false) ?? columns.find((c) => c.editable !== false && c.kind !== 'bool');
    if (node?.rowIndex != null && firstEditable) {
      a.ensureIndexVisible(node.rowIndex, 'top');
      a.setFocusedCell(node.rowIndex, firstEditable.field);
      a.startEditingCell({ rowIndex: node.rowIndex, colKey: firstEditable.field });
    }
    updateCounts();
  }, [newRow, columns, updateCounts]);

  const archiveSelected = useCallback(
    async (archived: boolean) => {
      const a = apiRef.current;
      if (!a || !archive) return;
      const picked = a.getSelectedRows().filter((r) => !!r.archived !== archived);
      setBusy(true);
      try {
        // Unsaved rows have nothing to archive: just drop them.
        a.applyTransaction({ remove: picked.filter((r) => !r.id) });
        for (const r of picked.filter((x) => x.id)) await archive(stripKey<T>(r), archived);
        void message.success(t(archived ? 'grid.archivedN' : 'grid.restoredN', { count: picked.length }));
        onChanged?.();
      } catch (e) {
        showError(e);
      } finally {
        setBusy(false);
        await reload();
      }
    },
    [archive, message, t, onChanged, showError, reload],
  );

  const removeSelected = useCallback(async () => {
    const a = apiRef.current;
    if (!a || !remove) return;
    const picked = a.getSelectedRows();
    setBusy(true);
    try {
      for (const r of picked) if (r.id) await remove(stripKey<T>(r));
      a.applyTransaction({ remove: picked });
      void message.success(t('grid.deletedN', { count: picked.length }));
      onChanged?.();
    } catch (e) {
      showError(e);
      await reload();
    } finally {
      setBusy(false);
    }
  }, [remove, message, t, onChanged, showError, reload]);

  // ---- paste a block from Excel: DOM paste event, since AG Grid Community has no clipboard module ----
  const onPaste = useCallback(
    async (ev: React.ClipboardEvent<HTMLDivElement>) => {
      const a = apiRef.current;
      if (!a || a.getEditingCells().length > 0) return; // typing into an editor: normal paste
      const focused = a.getFocusedCell();
      const text = ev.clipboardData.getData('text/plain');
      if (!focused || !text) return;
      ev.preventDefault();
      if (!saveMany) {
        void message.warning(t('grid.pasteUnsupported'));
        return;
      }
      const block = parseTsv(text);
      const displayed = a.getAllDisplayedColumns();
      const startCol = displayed.findIndex((c) => c.getColId() === focused.column.getColId());
      // Columns the block lands on, left to right from the focused cell; read-only columns are skipped.
      const targets = displayed.slice(Math.max(startCol, 0)).map((c) => colByField.get(c.getColId())).filter(
        (c): c is GridColumn<unknown> => !!c && c.editable !== false,
      );
      const startRow = focused.rowIndex;
      const changed: Row[] = [];
      for (let r = 0; r < block.length; r++) {
        const node = a.getDisplayedRowAtIndex(startRow + r);
        const base = node?.data ? { ...node.data } : withKey({ ...(newRow?.() ?? {}) }, `new:${++newKeySeq}`);
        block[r].forEach((cell, ci) => {
          const c = targets[ci];
          if (c) base[c.field] = parseFor(c, cell);
        });
        changed.push(base);
      }
      setBusy(true);
      try {
        const saved = await saveMany(changed.map((r) => stripKey<T>(r)));
        const update: Row[] = [];
        const add: Row[] = [];
        saved.forEach((s, i) => {
          const key = changed[i].__key;
          (a.getRowNode(key) ? update : add).push(withKey(s, key));
        });
        a.applyTransaction({ update, add, addIndex: a.getDisplayedRowCount() });
        updateCounts();
        void message.success(t('grid.pasted', { count: saved.length }));
        onChanged?.();
      } catch (e) {
        // Nothing was written (one transaction) and the grid is unchanged: list each problem by grid row.
        showError(e, { fieldLabel: headerOf, rowBase: startRow + 1 });
      } finally {
        setBusy(false);
      }
    },
    [saveMany, message, t, colByField, newRow, updateCounts, onChanged, showError, headerOf],
  );

  const doExport = useCallback(async () => {
    if (!exportList) return;
    setBusy(true);
    try {
      const file = await api.call('export/list', { list: exportList, termId: exportTermId });
      if (await saveFile(file)) void message.success(t('grid.exported', { file: file.fileName }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }, [exportList, exportTermId, message, t, showError]);

  const columnsPicker = (
    <div className="jw-columns-picker">
      <Checkbox.Group
        value={columns.map((c) => c.field as string).filter((f) => !hidden.includes(f))}
        options={columns.map((c) => ({ value: c.field as string, label: c.header }))}
        onChange={(visible) => {
          const a = apiRef.current;
          if (!a) return;
          const show = new Set(visible as string[]);
          a.setColumnsVisible(columns.map((c) => c.field as string).filter((f) => show.has(f)), true);
          a.setColumnsVisible(columns.map((c) => c.field as string).filter((f) => !show.has(f)), false);
        }}
      />
      <Button
        size="small"
        type="link"
        onClick={() => {
          localStorage.removeItem(stateKey);
          apiRef.current?.resetColumnState();
          setHidden(columns.filter((c) => c.hide).map((c) => c.field as string));
        }}
      >
        {t('grid.resetColumns')}
      </Button>
    </div>
  );

  const selectedActive = selected.filter((r) => !r.archived).length;
  const selectedArchived = selected.filter((r) => r.archived).length;

  return (
    <div className="jw-grid" data-testid={`grid-${id}`}>
      <div className="jw-grid-toolbar">
        <Space wrap size={8}>
          <Input
            data-testid="grid-search"
            allowClear
            prefix={<SearchOutlined />}
            aria-label={t('grid.searchLabel')}
            // Say what the search finds: names and pinyin initials only where the grid lists people.
            placeholder={t(columns.some((c) => c.kind === 'person' || c.people) ? 'grid.searchPlaceholder' : 'grid.searchPlaceholderPlain')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            style={{ width: 240 }}
          />
          {toolbar}
        </Space>
        <Space wrap size={8}>
          {save && canAdd && (
            <Button type="primary" icon={<PlusOutlined />} onClick={addRow} data-testid="grid-add">
              {t('grid.add')}
            </Button>
          )}
          {archive && (
            <>
              <Popconfirm title={t('grid.archiveConfirm', { count: selectedActive })} onConfirm={() => archiveSelected(true)} disabled={!selectedActive}>
                <Button icon={<InboxOutlined />} disabled={!selectedActive || busy} data-testid="grid-archive">
                  {t('grid.archive')}
                </Button>
              </Popconfirm>
              {includeArchived && (
                <Button icon={<RollbackOutlined />} disabled={!selectedArchived || busy} onClick={() => archiveSelected(false)} data-testid="grid-restore">
                  {t('grid.restore')}
                </Button>
              )}
              <Tooltip title={t('grid.showArchivedHint')}>
                <span className="jw-switch-label">
                  <Switch size="small" checked={includeArchived} onChange={setIncludeArchived} data-testid="grid-show-archived" />
                  {t('grid.showArchived')}
                </span>
              </Tooltip>
            </>
          )}
          {remove && (
            <Popconfirm title={t('grid.deleteConfirm', { count: selected.length })} onConfirm={removeSelected} disabled={!selected.length}>
              <Button danger icon={<DeleteOutlined />} disabled={!selected.length || busy} data-testid="grid-delete">
                {t('grid.delete')}
              </Button>
            </Popconfirm>
          )}
          <Popover content={columnsPicker} title={t('grid.columns')} trigger="click" placement="bottomRight">
            <Button icon={<SettingOutlined />}>{t('grid.columns')}</Button>
          </Popover>
          {exportList && (
            <Button icon={<DownloadOutlined />} onClick={doExport} loading={busy} data-testid="grid-export">
              {t('grid.export')}
            </Button>
          )}
        </Space>
      </div>
      <div className="jw-grid-body" onPaste={onPaste}>
        <AgGridReact<Row>
          key={i18n.language /* localeText is read once: remount on language change */}
          theme={gridTheme}
          localeText={i18n.language === 'zh-CN' ? AG_GRID_ZH : undefined}
          rowData={rows ?? undefined}
          loading={rows === null}
          columnDefs={colDefs}
          defaultColDef={{ sortable: true, resizable: true, floatingFilter: true, cellDataType: false, suppressHeaderMenuButton: false, ...WRAPPING_HEADERS }}
          getRowId={(p) => p.data.__key}
          rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false }}
          selectionColumnDef={{ pinned: 'left', width: 44, resizable: false }}
          rowClassRules={{ 'jw-row-archived': (p) => !!p.data?.archived, 'jw-row-new': (p) => !p.data?.id }}
          maintainColumnOrder
          autoSizeStrategy={fit && !localStorage.getItem(stateKey) ? { type: 'fitGridWidth' } : undefined}
          stopEditingWhenCellsLoseFocus
          undoRedoCellEditing={false}
          animateRows={false}
          isExternalFilterPresent={isExternalFilterPresent}
          doesExternalFilterPass={doesExternalFilterPass}
          onGridReady={onGridReady}
          onCellValueChanged={onCellValueChanged}
          onSelectionChanged={(e) => {
            const rows = e.api.getSelectedRows();
            setSelected(rows);
            onSelect?.(rows.filter((r) => r.id !== undefined) as unknown as T[]);
          }}
          onModelUpdated={updateCounts}
          onGridPreDestroyed={() => { apiRef.current = null; }}
          onColumnMoved={(e) => e.finished && saveColumnState()}
          onColumnResized={(e) => e.finished && saveColumnState()}
          onSortChanged={saveColumnState}
          onColumnVisible={saveColumnState}
          onColumnPinned={saveColumnState}
        />
      </div>
      <div className="jw-grid-status">
        <span>{t('grid.count', counts)}</span>
        {save && <span className="jw-grid-hint">{t(saveMany ? 'grid.hintPaste' : 'grid.hintEdit')}</span>}
      </div>
    </div>
  );
}
