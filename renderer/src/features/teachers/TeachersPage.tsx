/** 教师: every field of the teacher roster, edited in the grid; pinyin-initial search finds 张三明 by zsm. */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TeacherSchema, type Teacher } from '../../../../shared/contract';
import {
  BACKBONE_LEVELS, CERTIFICATES, DEGREES, GENDERS, TEACHER_ROLES, TEACHER_TITLES,
} from '../../../../shared/domain/constants';
import { api } from '../../api/client';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { pickInput, useEnumOptions, useSubjectOptions } from '../../components/lookups';
import { Page } from '../../components/Page';

export default function TeachersPage() {
  const { t } = useTranslation();
  const [subjects] = useSubjectOptions();
  const genders = useEnumOptions('gender', GENDERS);
  const titles = useEnumOptions('title', TEACHER_TITLES);
  const degrees = useEnumOptions('degree', DEGREES);
  const certs = useEnumOptions('certificate', CERTIFICATES);
  const backbone = useEnumOptions('backbone', BACKBONE_LEVELS);
  const roles = useEnumOptions('role', TEACHER_ROLES);

  const columns = useMemo<GridColumn<Teacher>[]>(
    () => [
      { field: 'staffNo', header: t('fields.staffNo'), width: 100 },
      { field: 'name', header: t('fields.teacherName'), kind: 'person', required: true, pinned: 'left', width: 100 },
      { field: 'gender', header: t('fields.gender'), kind: 'select', options: genders, nullable: true, width: 80 },
      { field: 'birthDate', header: t('fields.birthDate'), kind: 'date', width: 120 },
      { field: 'phone', header: t('fields.phone'), width: 130 },
      { field: 'subjectId', header: t('fields.mainSubject'), kind: 'select', options: subjects, nullable: true, width: 120 },
      { field: 'title', header: t('fields.title'), kind: 'select', options: titles, nullable: true, width: 110 },
      { field: 'degree', header: t('fields.degree'), kind: 'select', options: degrees, nullable: true, width: 100 },
      { field: 'certificate', header: t('fields.certificate'), kind: 'select', options: certs, nullable: true, width: 130 },
      { field: 'certified', header: t('fields.certified'), kind: 'bool', width: 80 },
      { field: 'backboneLevel', header: t('fields.backboneLevel'), kind: 'select', options: backbone, width: 100 },
      { field: 'roles', header: t('fields.roles'), kind: 'multi', options: roles, width: 180 },
      { field: 'isPeArts', header: t('fields.isPeArts'), kind: 'bool', width: 90 },
      { field: 'hireDate', header: t('fields.hireDate'), kind: 'date', width: 120 },
      { field: 'note', header: t('fields.note'), width: 180 },
    ],
    [t, subjects, genders, titles, degrees, certs, backbone, roles],
  );

  const load = useCallback(({ includeArchived }: { includeArchived: boolean }) => api.call('teachers/list', { includeArchived }), []);
  const save = useCallback((row: Teacher) => api.call('teachers/save', pickInput(TeacherSchema, row)), []);
  const saveMany = useCallback((rows: Teacher[]) => api.call('teachers/saveMany', { rows: rows.map((r) => pickInput(TeacherSchema, r)) }), []);
  const archive = useCallback((row: Teacher, archived: boolean) => api.call('teachers/archive', { id: row.id, archived }), []);
  const newRow = useCallback((): Partial<Teacher> => ({ certified: true, backboneLevel: '无', roles: ['任课教师'], isPeArts: false }), []);

  return (
    <Page title={t('nav.teachers')} subtitle={t('teachers.subtitle')}>
      <DataGrid<Teacher>
        id="teachers"
        columns={columns}
        load={load}
        save={save}
        saveMany={saveMany}
        archive={archive}
        newRow={newRow}
        exportList="teachers"
      />
    </Page>
  );
}
