/** 教研组/备课组: kind, name, subject, grade, leader and members (several teachers). */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TeachingGroupSchema, type TeachingGroup } from '../../../../shared/contract';
import { GROUP_KINDS } from '../../../../shared/domain/constants';
import { api } from '../../api/client';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { pickInput, useEnumOptions, useGradeOptions, useSubjectOptions, useTeacherOptions } from '../../components/lookups';
import { Page } from '../../components/Page';

export default function GroupsPage() {
  const { t } = useTranslation();
  const [teachers] = useTeacherOptions();
  const [subjects] = useSubjectOptions();
  const [grades] = useGradeOptions();
  const kinds = useEnumOptions('groupKind', GROUP_KINDS);
  const columns = useMemo<GridColumn<TeachingGroup>[]>(
    () => [
      { field: 'kind', header: t('fields.groupKind'), kind: 'select', options: kinds, required: true, width: 100 },
      { field: 'name', header: t('fields.groupName'), required: true, width: 160 },
      { field: 'subjectId', header: t('fields.subject'), kind: 'select', options: subjects, nullable: true, width: 120 },
      { field: 'gradeId', header: t('fields.grade'), kind: 'select', options: grades, nullable: true, width: 100 },
      { field: 'leaderId', header: t('fields.leader'), kind: 'select', options: teachers, nullable: true, width: 110, people: true },
      { field: 'memberIds', header: t('fields.members'), kind: 'multi', options: teachers, width: 360, people: true },
    ],
    [t, teachers, subjects, grades, kinds],
  );
  const load = useCallback(({ includeArchived }: { includeArchived: boolean }) => api.call('school/listGroups', { includeArchived }), []);
  const save = useCallback((row: TeachingGroup) => api.call('school/saveGroup', pickInput(TeachingGroupSchema, row)), []);
  const archive = useCallback((row: TeachingGroup, archived: boolean) => api.call('school/archiveGroup', { id: row.id, archived }), []);
  const newRow = useCallback((): Partial<TeachingGroup> => ({ kind: '教研组', memberIds: [] }), []);
  return (
    <Page title={t('nav.groups')} subtitle={t('groups.subtitle')}>
      <DataGrid<TeachingGroup> id="groups" fit columns={columns} load={load} save={save} archive={archive} newRow={newRow} exportList="groups" />
    </Page>
  );
}
