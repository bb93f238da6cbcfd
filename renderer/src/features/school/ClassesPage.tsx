/** 年级班级: classes by grade with head teacher; add the grades the school teaches. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Select, Space } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClassSchema, type SchoolClass } from '../../../../shared/contract';
import { GRADE_NAMES } from '../../../../shared/domain/constants';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { pickInput, useGradeOptions, useTeacherOptions } from '../../components/lookups';
import { Page } from '../../components/Page';

export default function ClassesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [grades, reloadGrades] = useGradeOptions();
  const [teachers] = useTeacherOptions();
  const [level, setLevel] = useState<number | null>(null);

  const columns = useMemo<GridColumn<SchoolClass>[]>(
    () => [
      { field: 'gradeId', header: t('fields.grade'), kind: 'select', options: grades, required: true, width: 110 },
      { field: 'classNo', header: t('fields.classNo'), kind: 'number', required: true, width: 90 },
      { field: 'name', header: t('fields.className'), editable: false, width: 140 },
      { field: 'cohortName', header: t('fields.cohort'), editable: false, width: 110 },
      { field: 'headTeacherId', header: t('fields.headTeacher'), kind: 'select', options: teachers, nullable: true, width: 130, people: true },
      { field: 'studentCount', header: t('fields.studentCount'), kind: 'number', editable: false, width: 100 },
    ],
    [t, grades, teachers],
  );
  const load = useCallback(({ includeArchived }: { includeArchived: boolean }) => api.call('school/listClasses', { includeArchived }), []);
  const save = useCallback((row: SchoolClass) => api.call('school/saveClass', pickInput(ClassSchema, row)), []);
  const saveMany = useCallback((rows: SchoolClass[]) => api.call('school/saveClasses', { rows: rows.map((r) => pickInput(ClassSchema, r)) }), []);
  const archive = useCallback((row: SchoolClass, archived: boolean) => api.call('school/archiveClass', { id: row.id, archived }), []);

  const have = new Set(grades.map((g) => g.label));
  const missing = Object.entries(GRADE_NAMES).filter(([, name]) => !have.has(name));

  const addGrade = async () => {
    if (!level) return;
    try {
      await api.call('school/addGrade', { level });
      reloadGrades();
      setLevel(null);
      void message.success(t('classes.gradeAdded', { name: GRADE_NAMES[level] }));
    } catch (e) {
      showError(e);
    }
  };

  const gradeAdder = (
    <Space.Compact>
      <Select
        style={{ width: 120 }}
        placeholder={t('classes.pickGrade')}
        value={level}
        onChange={setLevel}
        options={missing.map(([lv, name]) => ({ value: Number(lv), label: t(`enum.grade.${lv}`, { defaultValue: name }) }))}
        data-testid="grade-level"
      />
      <Button icon={<PlusOutlined />} onClick={addGrade} disabled={!level} data-testid="grade-add">
        {t('classes.addGrade')}
      </Button>
    </Space.Compact>
  );

  return (
    <Page title={t('nav.classes')} subtitle={t('classes.subtitle')} extra={gradeAdder}>
      <DataGrid<SchoolClass> id="classes" fit columns={columns} load={load} save={save} saveMany={saveMany} archive={archive} exportList="classes" />
    </Page>
  );
}
