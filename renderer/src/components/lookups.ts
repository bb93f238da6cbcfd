/**
 * Option lists for select columns and filters (teachers, subjects, classes, grades) and the translated
 * labels of the fixed Chinese enum values stored in the database.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { compareZh } from '../../../shared/domain/text';
import { api } from '../api/client';
import type { GridOption } from './GridEditors';

function useOptions(fetch: () => Promise<GridOption[]>): [GridOption[], () => void] {
  const [options, setOptions] = useState<GridOption[]>([]);
  const reload = useCallback(() => {
    fetch().then(setOptions, () => setOptions([]));
  }, [fetch]);
  useEffect(reload, [reload]);
  return [options, reload];
}

/** Archived rows stay in the list so old values still show a name, marked and placed last. */
function archivedLast(list: GridOption[]): GridOption[] {
  return [...list.filter((o) => !o.archived), ...list.filter((o) => o.archived)];
}

export function useTeacherOptions() {
  const { t } = useTranslation();
  return useOptions(
    useCallback(async () => {
      const rows = await api.call('teachers/list', { includeArchived: true });
      rows.sort((a, b) => compareZh(a.name, b.name));
      return archivedLast(rows.map((r) => ({ value: r.id, label: r.archived ? `${r.name} (${t('grid.archivedMark')})` : r.name, archived: r.archived })));
    }, [t]),
  );
}

export function useSubjectOptions() {
  const { t } = useTranslation();
  return useOptions(
    useCallback(async () => {
      const rows = await api.call('school/listSubjects', { includeArchived: true });
      return archivedLast(rows.map((r) => ({ value: r.id, label: r.archived ? `${r.name} (${t('grid.archivedMark')})` : r.name, archived: r.archived })));
    }, [t]),
  );
}

/** The classes of the year on screen, or of the term `termId`'s school year (names as they were that year). */
export function useClassOptions(termId?: number) {
  const { t } = useTranslation();
  return useOptions(
    useCallback(async () => {
      const rows = await api.call('school/listClasses', { includeArchived: true, termId });
      rows.sort((a, b) => a.gradeLevel - b.gradeLevel || a.classNo - b.classNo);
      return archivedLast(rows.map((r) => ({ value: r.id, label: r.archived ? `${r.name} (${t('grid.archivedMark')})` : r.name, archived: r.archived })));
    }, [t, termId]),
  );
}

export function useGradeOptions() {
  return useOptions(
    useCallback(async () => {
      const rows = await api.call('school/listGrades', {});
      return rows.map((r) => ({ value: r.id, label: r.name }));
    }, []),
  );
}

/** Options for a fixed list of stored Chinese values, labelled in the UI language (enum.<kind>.<value>). */
export function useEnumOptions(kind: string, values: readonly string[]): GridOption[] {
  const { t } = useTranslation();
  // Stable between renders (a new array each render would rebuild every grid's columns).
  return useMemo(() => values.map((v) => ({ value: v, label: t(`enum.${kind}.${v}`, { defaultValue: v }) })), [t, kind, values]);
}

/** Picks the fields a save schema knows from a grid row (the row also carries names, counts, __key...). */
export function pickInput<S extends z.ZodObject>(schema: S, row: object): z.input<S> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(schema.shape)) {
    const v = (row as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as z.input<S>;
}
