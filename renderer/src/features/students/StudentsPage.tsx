/**
 * 学生: the roster with 学籍号 kept as text. The four support flags (留守/随迁/残疾/困难) are sensitive
 * personal information: shown only as checkboxes here, never as words in lists.
 */
import { LockOutlined } from '@ant-design/icons';
import { Select, Tooltip } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StudentSchema, type Student } from '../../../../shared/contract';
import { GENDERS, STUDENT_STATUSES } from '../../../../shared/domain/constants';
import { api } from '../../api/client';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { pickInput, useClassOptions, useEnumOptions } from '../../components/lookups';
import { Page } from '../../components/Page';

export default function StudentsPage() {
  const { t } = useTranslation();
  const [classes] = useClassOptions();
  const genders = useEnumOptions('gender', GENDERS);
  const statuses = useEnumOptions('studentStatus', STUDENT_STATUSES);
  const [classId, setClassId] = useState<number | undefined>(undefined);

  const columns = useMemo<GridColumn<Student>[]>(() => {
    const sensitive = { headerClass: 'jw-sensitive', headerTooltip: t('students.sensitiveHint') };
    return [
      { field: 'studentNo', header: t('fields.studentNo'), required: true, pinned: 'left', width: 190 },
      { field: 'name', header: t('fields.studentName'), kind: 'person', required: true, pinned: 'left', width: 90 },
      { field: 'gender', header: t('fields.gender'), kind: 'select', options: genders, nullable: true, width: 70 },
      { field: 'birthDate', header: t('fields.birthDate'), kind: 'date', width: 115 },
      { field: 'classId', header: t('fields.class'), kind: 'select', options: classes, nullable: true, width: 130 },
      { field: 'leftBehind', header: t('fields.leftBehind'), kind: 'bool', width: 80, colDef: sensitive },
      { field: 'migrant', header: t('fields.migrant'), kind: 'bool', width: 80, colDef: sensitive },
      { field: 'disability', header: t('fields.disability'), kind: 'bool', width: 80, colDef: sensitive },
      { field: 'hardship', header: t('fields.hardship'), kind: 'bool', width: 80, colDef: sensitive },
      { field: 'status', header: t('fields.studentStatus'), kind: 'select', options: statuses, width: 80 },
      { field: 'note', header: t('fields.note'), width: 160 },
    ];
  }, [t, classes, genders, statuses]);

  const load = useCallback(
    ({ includeArchived }: { includeArchived: boolean }) => api.call('students/list', { includeArchived, classId }),
    [classId],
  );
  const save = useCallback((row: Student) => api.call('students/save', pickInput(StudentSchema, row)), []);
  const saveMany = useCallback((rows: Student[]) => api.call('students/saveMany', { rows: rows.map((r) => pickInput(StudentSchema, r)) }), []);
  const archive = useCallback((row: Student, archived: boolean) => api.call('students/archive', { id: row.id, archived }), []);
  const newRow = useCallback((): Partial<Student> => ({ classId: classId ?? null, status: '在读', leftBehind: false, migrant: false, disability: false, hardship: false }), [classId]);

  const classFilter = (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: 160 }}
      placeholder={t('students.allClasses')}
      value={classId}
      onChange={(v) => setClassId(v ?? undefined)}
      options={classes.filter((c) => !c.archived).map((c) => ({ value: c.value as number, label: c.label }))}
      data-testid="students-class-filter"
    />
  );

  return (
    <Page
      title={t('nav.students')}
      subtitle={
        <Tooltip title={t('students.sensitiveHint')}>
          <span className="jw-sensitive-note"><LockOutlined /> {t('students.sensitiveNote')}</span>
        </Tooltip>
      }
    >
      <DataGrid<Student>
        id="students"
        columns={columns}
        load={load}
        save={save}
        saveMany={saveMany}
        archive={archive}
        newRow={newRow}
        toolbar={classFilter}
        exportList="students"
      />
    </Page>
  );
}
