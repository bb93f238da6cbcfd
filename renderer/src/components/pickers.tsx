/**
 * Pieces the read-only timetable views, the workload page and the substitution log share: loading the term's
 * timetable, a teacher picker with pinyin-initial search, day labels, and a small days x periods grid.
 */
import { Select } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Teacher } from '../../../shared/contract';
import type { Lesson, TimetableData, TimetableSettings } from '../../../shared/contract';
import { matchesPerson } from '../../../shared/domain/pinyin';
import { compareZh } from '../../../shared/domain/text';
import { api } from '../api/client';
import { useApiError } from '../app/useApiError';
import { TimetableGrid } from './timetable/TimetableGrid';
import './views.css';

export const slotKey = (day: number, period: number) => `d${day}p${period}`;

/** 1 = Monday ... 7 = Sunday for an ISO date (local calendar, no time zone shift). */
export function weekdayOf(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  const wd = new Date(y, m - 1, d).getDay();
  return wd === 0 ? 7 : wd;
}

/** The short form teachers are known by on a master grid: the surname (two characters for 复姓). */
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '夏侯', '令狐', '司徒', '端木'];
export function surnameOf(name: string): string {
  return COMPOUND_SURNAMES.find((s) => name.startsWith(s)) ?? name.slice(0, 1);
}

export function useDayLabel(): (day: number) => string {
  const { t } = useTranslation();
  return useCallback((day: number) => t(`timetableViews.days.${day}`), [t]);
}

/** The term's timetable (timetable/get); `data` is null while loading or when it failed. */
export function useTimetable(termId: number | undefined): { data: TimetableData | null; loading: boolean; reload: () => Promise<void> } {
  const showError = useApiError();
  const [data, setData] = useState<TimetableData | null>(null);
  const [loading, setLoading] = useState(false);
  const reload = useCallback(async () => {
    if (!termId) return;
    setLoading(true);
    try {
      setData(await api.call('timetable/get', { termId }));
    } catch (e) {
      setData(null);
      showError(e);
    } finally {
      setLoading(false);
    }
  }, [termId, showError]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, loading, reload };
}

/** Active teachers, sorted the Chinese way. */
export function useTeachers(): Teacher[] {
  const showError = useApiError();
  const [teachers, setTeachers] = useState<Teacher[]>([]);
  useEffect(() => {
    api.call('teachers/list', {}).then(
      (list) => setTeachers(list.filter((x) => !x.archived).sort((a, b) => compareZh(a.name, b.name))),
      showError,
    );
  }, [showError]);
  return teachers;
}

/** A teacher picker: type characters or pinyin initials (zsm finds 张三明). */
export function PersonSelect({ people, value, onChange, placeholder, testId, allowClear, style }: {
  people: { id: number; name: string; hint?: string | null }[];
  /** Optional so antd Form.Item can inject value/onChange. */
  value?: number | null;
  onChange?: (id: number | null) => void;
  placeholder?: string;
  testId?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}) {
  const options = useMemo(
    () => people.map((p) => ({ value: p.id, label: p.hint ? `${p.name}（${p.hint}）` : p.name, name: p.name })),
    [people],
  );
  return (
    <Select
      data-testid={testId}
      showSearch={{ filterOption: (input, opt) => !!opt && matchesPerson(opt.name, input) }}
      allowClear={allowClear}
      placeholder={placeholder}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      style={{ width: 240, ...style }}
    />
  );
}

/** Lessons by slot: several per slot for a teacher's 合班课 or a shared room. */
export function lessonsBySlot(lessons: Lesson[]): Map<string, Lesson[]> {
  const m = new Map<string, Lesson[]>();
  for (const l of lessons) {
    const k = slotKey(l.day, l.period);
    const list = m.get(k);
    if (list) list.push(l);
    else m.set(k, [l]);
  }
  return m;
}

/**
 * A read-only days x periods grid (teacher and room timetables) on the class editor's TimetableGrid, so the
 * periods, breaks and clock times look the same everywhere; this only adds what a slot shows and its state class.
 */
export function SlotGrid({ settings, render, cellClass, testId, gradeLevel }: {
  settings: TimetableSettings;
  render: (day: number, period: number) => ReactNode;
  cellClass?: (day: number, period: number) => string | undefined;
  testId?: string;
  gradeLevel?: number;
}) {
  return (
    <TimetableGrid
      className="tv-slotgrid"
      data-testid={testId}
      settings={settings}
      gradeLevel={gradeLevel}
      renderCell={render}
      cellProps={(d, p) => ({ className: cellClass?.(d, p), 'data-slot': slotKey(d, p) })}
    />
  );
}
