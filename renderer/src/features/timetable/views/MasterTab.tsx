/**
 * 全校总课表: classes down, day x period across, read-only. Built for 60 classes x 40 slots: AG Grid virtualises
 * rows and columns, cells are plain text from a valueGetter and styled by cellClassRules (no React cell
 * renderers), and column definitions only change when the day/week mode or the teacher toggle changes.
 */
import { AllCommunityModule, ModuleRegistry, type ColDef, type ColGroupDef, type ValueGetterParams, type CellClassParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Radio, Segmented, Select, Space, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolClass } from '../../../../../shared/contract';
import type { Lesson, TimetableData } from '../../../../../shared/contract';
import { GRADE_NAMES } from '../../../../../shared/domain/constants';
import { gridTheme } from '../../../components/DataGrid';
import { AG_GRID_ZH } from '../../../components/gridLocale';
import { slotKey, surnameOf, useDayLabel } from '../../../components/pickers';

ModuleRegistry.registerModules([AllCommunityModule]);

interface MasterRow {
  classId: number;
  className: string;
  gradeLevel: number;
  /** slotKey -> the lesson there. */
  cells: Record<string, Lesson>;
  /** slotKeys with a conflict in this class. */
  conflicts: Set<string>;
}

export default function MasterTab({ data, classes }: { data: TimetableData; classes: SchoolClass[] }) {
  const { t, i18n } = useTranslation();
  const dayLabel = useDayLabel();
  const [grade, setGrade] = useState<number | 'all'>('all');
  const [mode, setMode] = useState<'week' | number>('week');
  const [showTeacher, setShowTeacher] = useState(false);

  const allRows = useMemo<MasterRow[]>(() => {
    const byClass = new Map<number, MasterRow>();
    for (const c of classes) {
      if (!c.archived) byClass.set(c.id, { classId: c.id, className: c.name, gradeLevel: c.gradeLevel, cells: {}, conflicts: new Set() });
    }
    for (const l of data.lessons) {
      let row = byClass.get(l.classId);
      if (!row) {
        row = { classId: l.classId, className: l.className, gradeLevel: l.gradeLevel, cells: {}, conflicts: new Set() };
        byClass.set(l.classId, row);
      }
      row.cells[slotKey(l.day, l.period)] = l;
    }
    const lessonById = new Map(data.lessons.map((l) => [l.id, l]));
    for (const c of data.conflicts) {
      if (c.day && c.period) for (const id of c.classIds) byClass.get(id)?.conflicts.add(slotKey(c.day, c.period));
      for (const id of c.lessonIds) {
        const l = lessonById.get(id);
        if (l) byClass.get(l.classId)?.conflicts.add(slotKey(l.day, l.period));
      }
    }
    return [...byClass.values()].sort((a, b) => a.gradeLevel - b.gradeLevel || a.className.localeCompare(b.className, 'zh-CN', { numeric: true }));
  }, [classes, data.lessons, data.conflicts]);

  const grades = useMemo(() => [...new Set(allRows.map((r) => r.gradeLevel))].sort((a, b) => a - b), [allRows]);
  const rows = useMemo(() => (grade === 'all' ? allRows : allRows.filter((r) => r.gradeLevel === grade)), [allRows, grade]);

  const periods = useMemo(() => [...data.settings.periods].sort((a, b) => a.no - b.no), [data.settings.periods]);
  const days = useMemo(() => Array.from({ length: data.settings.daysPerWeek }, (_, i) => i + 1), [data.settings.daysPerWeek]);

  const columnDefs = useMemo<(ColDef<MasterRow> | ColGroupDef<MasterRow>)[]>(() => {
    const classCol: ColDef<MasterRow> = {
      colId: 'className',
      headerName: t('timetableViews.class'),
      field: 'className',
      pinned: 'left',
      width: 112,
      cellClass: 'tv-m-class',
      tooltipValueGetter: () => t('timetableViews.openClass'),
    };
    const cellText = (l: Lesson | undefined) => (l ? (showTeacher ? `${l.subjectShort || l.subjectName} ${surnameOf(l.teacherName)}` : l.subjectShort || l.subjectName) : '');
    const groups: ColGroupDef<MasterRow>[] = (mode === 'week' ? days : [mode]).map((d) => ({
      groupId: `day${d}`,
      headerName: dayLabel(d),
      marryChildren: true,
      children: periods.map((p, i): ColDef<MasterRow> => {
        const k = slotKey(d, p.no);
        return {
          colId: k,
          headerName: String(p.no),
          headerTooltip: `${dayLabel(d)} ${t('timetableViews.periodN', { n: p.no })} ${p.start}`,
          width: mode === 'week' ? (showTeacher ? 62 : 46) : showTeacher ? 96 : 80,
          valueGetter: (params: ValueGetterParams<MasterRow>) => cellText(params.data?.cells[k]),
          tooltipValueGetter: (params) => {
            const l = (params.data as MasterRow | undefined)?.cells[k];
            return l ? `${l.subjectName} · ${l.teacherName}${l.roomName ? ` · ${l.roomName}` : ''}` : undefined;
          },
          cellClass: i === 0 ? ['tv-m-cell', 'tv-m-daystart'] : 'tv-m-cell',
          cellClassRules: {
            'tv-m-conflict': (params: CellClassParams<MasterRow>) => !!params.data?.conflicts.has(k),
            'tv-m-locked': (params: CellClassParams<MasterRow>) => !!params.data?.cells[k]?.locked,
          },
        };
      }),
    }));
    return [classCol, ...groups];
  }, [days, periods, mode, showTeacher, dayLabel, t]);

  const conflictCount = useMemo(() => rows.reduce((n, r) => n + r.conflicts.size, 0), [rows]);

  return (
    <div className="tv-pane">
      <div className="tv-toolbar">
        <Space size={6}>
          <span>{t('timetableViews.grade')}</span>
          <Select
            data-testid="tv-master-grade"
            style={{ width: 120 }}
            value={grade}
            onChange={setGrade}
            options={[{ value: 'all' as const, label: t('timetableViews.allGrades') }, ...grades.map((g) => ({ value: g, label: GRADE_NAMES[g] ?? String(g) }))]}
          />
        </Space>
        <Radio.Group
          data-testid="tv-master-mode"
          optionType="button"
          value={mode === 'week' ? 'week' : 'day'}
          onChange={(e) => setMode(e.target.value === 'week' ? 'week' : 1)}
          options={[{ value: 'day', label: t('timetableViews.oneDay') }, { value: 'week', label: t('timetableViews.wholeWeek') }]}
        />
        {mode !== 'week' && (
          <Segmented
            data-testid="tv-master-day"
            value={mode}
            onChange={(v) => setMode(v as number)}
            options={days.map((d) => ({ value: d, label: dayLabel(d) }))}
          />
        )}
        <span className="jw-switch-label">
          <Switch size="small" checked={showTeacher} onChange={setShowTeacher} data-testid="tv-master-teacher" /> {t('timetableViews.showTeacher')}
        </span>
        <Typography.Text className="tv-summary" data-testid="tv-master-summary">
          {t('timetableViews.masterSummary', { classes: rows.length, lessons: rows.reduce((n, r) => n + Object.keys(r.cells).length, 0) })}
          {conflictCount > 0 && <Typography.Text type="danger">{' · '}{t('timetableViews.conflictCells', { n: conflictCount })}</Typography.Text>}
        </Typography.Text>
      </div>
      <div className="tv-fill tv-master" data-testid="tv-master-grid">
        <AgGridReact<MasterRow>
          key={i18n.language}
          theme={gridTheme}
          localeText={i18n.language === 'zh-CN' ? AG_GRID_ZH : undefined}
          rowData={rows}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: false, resizable: true, suppressMovable: true, cellDataType: false }}
          getRowId={(p) => String(p.data.classId)}
          rowHeight={30}
          headerHeight={30}
          groupHeaderHeight={30}
          animateRows={false}
          suppressCellFocus={false}
          tooltipShowDelay={400}
          onCellClicked={(e) => {
            if (e.colDef.colId === 'className' && e.data) window.location.hash = `#/timetable?class=${e.data.classId}`;
          }}
          onCellDoubleClicked={(e) => {
            // A slot cell opens the class editor at that cell (day/period from the column id d<day>p<period>).
            const m = /^d(\d+)p(\d+)$/.exec(e.colDef.colId ?? '');
            if (m && e.data) window.location.hash = `#/timetable?class=${e.data.classId}&day=${m[1]}&period=${m[2]}`;
          }}
        />
      </div>
    </div>
  );
}
