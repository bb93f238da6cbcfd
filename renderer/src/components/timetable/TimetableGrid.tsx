/**
 * The days x periods grid every timetable screen uses (class editor, teacher/room views, settings): days across,
 * periods down, 上午/下午 down the left, breaks (早读, 大课间, 午休) as thin rows between periods, and each period's
 * clock time. What goes in a cell, and how a cell behaves (drag, click, test ids), is up to the caller.
 */
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakDef, PeriodDef, TimetableSettings } from '../../../../shared/contract';
import { addMinutes, lessonMinutesFor, sortedPeriods } from './time';
import './timetable.css';

export type CellAttrs = HTMLAttributes<HTMLTableCellElement> & { [data: `data-${string}`]: string | number | undefined };

export interface TimetableGridProps {
  settings: Pick<TimetableSettings, 'daysPerWeek' | 'periods' | 'breaks' | 'lessonMinutes'>;
  /** Content of one cell. */
  renderCell: (day: number, period: number) => ReactNode;
  /** Extra attributes of a cell's <td> (class names, handlers, data-*); the grid adds `jw-tt-cell`. */
  cellProps?: (day: number, period: number) => CellAttrs;
  /** Grade level used for end times (primary and middle lessons differ); default middle. */
  gradeLevel?: number;
  /** Hide the break rows (small grids, e.g. unavailable times). */
  hideBreaks?: boolean;
  /** Smaller rows for pickers and overviews. */
  compact?: boolean;
  /** Leave out the clock time under each period number. */
  hideTimes?: boolean;
  className?: string;
  'data-testid'?: string;
}

type Row = { kind: 'period'; p: PeriodDef } | { kind: 'break'; b: BreakDef; inside: boolean };

/** Periods and breaks in display order; `inside` marks a break between two periods of the same half-day. */
function buildRows(periods: PeriodDef[], breaks: BreakDef[]): Row[] {
  const rows: Row[] = [];
  const brk = (after: number) => [...breaks].filter((b) => b.afterPeriod === after).sort((a, b) => a.start.localeCompare(b.start));
  for (const b of brk(0)) rows.push({ kind: 'break', b, inside: false });
  periods.forEach((p, i) => {
    rows.push({ kind: 'period', p });
    const next = periods[i + 1];
    for (const b of brk(p.no)) rows.push({ kind: 'break', b, inside: !!next && next.part === p.part });
  });
  return rows;
}

export function TimetableGrid(props: TimetableGridProps) {
  const { t } = useTranslation();
  const { settings, renderCell, cellProps, gradeLevel = 7, hideBreaks, compact, hideTimes, className } = props;
  const periods = sortedPeriods(settings.periods);
  const rows = buildRows(periods, hideBreaks ? [] : settings.breaks ?? []);
  const days = Array.from({ length: settings.daysPerWeek }, (_, i) => i + 1);
  const minutes = lessonMinutesFor(settings, gradeLevel);

  // The 上午/下午 label spans every row from the first to the last period of that half-day.
  const partSpan = new Map<number, number>();
  let open: { index: number; part: string } | null = null;
  rows.forEach((r, i) => {
    if (r.kind !== 'period') return;
    if (!open || open.part !== r.p.part) {
      open = { index: i, part: r.p.part };
      partSpan.set(i, 1);
    } else {
      partSpan.set(open.index, i - open.index + 1);
    }
  });
  const covered = new Set<number>();
  for (const [start, span] of partSpan) for (let i = start + 1; i < start + span; i++) covered.add(i);

  return (
    <table className={`jw-tt-grid${compact ? ' jw-tt-compact' : ''}${className ? ` ${className}` : ''}`} data-testid={props['data-testid']}>
      <colgroup>
        <col className="jw-tt-col-part" />
        <col className="jw-tt-col-period" />
        {days.map((d) => <col key={d} />)}
      </colgroup>
      <thead>
        <tr>
          <th colSpan={2} className="jw-tt-corner" />
          {days.map((d) => <th key={d} className="jw-tt-day">{t(`timetable.days.${d}`)}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          if (r.kind === 'break') {
            return (
              <tr key={`b${i}`} className="jw-tt-break">
                {!r.inside && <td className="jw-tt-break-gap" />}
                <td colSpan={days.length + 1}>
                  <span className="jw-tt-break-name">{r.b.name}</span>
                  <span className="jw-tt-break-time">{r.b.start}–{r.b.end}</span>
                </td>
              </tr>
            );
          }
          const p = r.p;
          return (
            <tr key={`p${p.no}`} className="jw-tt-row">
              {partSpan.has(i) && (
                <th rowSpan={partSpan.get(i)} className="jw-tt-part">{t(`timetable.part.${p.part}`)}</th>
              )}
              {!partSpan.has(i) && !covered.has(i) && <th className="jw-tt-part" />}
              <th className="jw-tt-period">
                <div className="jw-tt-period-no">{t('timetable.periodNo', { no: p.no })}</div>
                {!hideTimes && <div className="jw-tt-period-time">{addMinutes(p.start, minutes) ? `${p.start}–${addMinutes(p.start, minutes)}` : p.start}</div>}
              </th>
              {days.map((d) => {
                const extra = cellProps?.(d, p.no) ?? {};
                return (
                  <td key={d} {...extra} className={`jw-tt-cell${extra.className ? ` ${extra.className}` : ''}`}>
                    {renderCell(d, p.no)}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
