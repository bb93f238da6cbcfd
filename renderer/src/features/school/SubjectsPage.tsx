/** 学科: the national list is preloaded by core; the school may rename, add local/school courses, mark PE/arts. */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SubjectSchema, type Subject } from '../../../../shared/contract';
import { api } from '../../api/client';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { pickInput } from '../../components/lookups';
import { Page } from '../../components/Page';

export default function SubjectsPage() {
  const { t } = useTranslation();
  const columns = useMemo<GridColumn<Subject>[]>(
    () => [
      { field: 'sortOrder', header: t('fields.sortOrder'), kind: 'number', width: 80 },
      { field: 'code', header: t('fields.subjectCode'), width: 100 },
      { field: 'name', header: t('fields.subjectName'), required: true, width: 160 },
      { field: 'shortName', header: t('fields.shortName'), width: 100 },
      { field: 'category', header: t('fields.category'), width: 150 },
      { field: 'isPeArts', header: t('fields.isPeArtsSubject'), width: 110, kind: 'bool' },
    ],
    [t],
  );
  const load = useCallback(({ includeArchived }: { includeArchived: boolean }) => api.call('school/listSubjects', { includeArchived }), []);
  const save = useCallback((row: Subject) => api.call('school/saveSubject', pickInput(SubjectSchema, row)), []);
  const saveMany = useCallback((rows: Subject[]) => api.call('school/saveSubjects', { rows: rows.map((r) => pickInput(SubjectSchema, r)) }), []);
  const archive = useCallback((row: Subject, archived: boolean) => api.call('school/archiveSubject', { id: row.id, archived }), []);
  const newRow = useCallback((): Partial<Subject> => ({ isPeArts: false, sortOrder: 100, category: '校本课程' }), []);
  return (
    <Page title={t('nav.subjects')} subtitle={t('subjects.subtitle')}>
      <DataGrid<Subject> id="subjects" fit columns={columns} load={load} save={save} saveMany={saveMany} archive={archive} newRow={newRow} exportList="subjects" />
    </Page>
  );
}
