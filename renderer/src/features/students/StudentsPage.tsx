/**
 * 学生: the roster with 学籍号 kept as text. The four support flags (留守/随迁/残疾/困难) are sensitive
 * personal information: shown only as checkboxes here, never as words in lists.
 */
import { HistoryOutlined, LockOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Select, Space, Tooltip } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StudentSchema, type Student } from '../../../../shared/contract';
import { GENDERS, STUDENT_STATUSES } from '../../../../shared/domain/constants';
import { api } from '../../api/client';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { pickInput, useClassOptions, useEnumOptions } from '../../components/lookups';
import { Page } from '../../components/Page';
import { useAppState } from '../../app/AppState';
import { StudentChangeModal } from './StudentChangeModal';
import { StudentHistoryDrawer } from './StudentHistoryDrawer';

export default function StudentsPage() {
  const { t } = useTranslation();
  // A student's class is the class now: named for the newest school year, whatever term is on screen.
  const { terms } = useAppState();
  const newestTermId = useMemo(() => [...terms].sort((a, b) => b.startDate.localeCompare(a.startDate))[0]?.id, [terms]);
  const [classes] = useClassOptions(newestTermId);
  const [selected, setSelected] = useState<Student[]>([]);
  const [historyOf, setHistoryOf] = useState<number | null>(null);
  const [changing, setChanging] = useState<Student | null>(null);
  const [version, setVersion] = useState(0);
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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version reloads the rows after a change of status
    [classId, version],
  );
  const save = useCallback((row: Student) => api.call('students/save', pickInput(StudentSchema, row)), []);
  const saveMany = useCallback((rows: Student[]) => api.call('students/saveMany', { rows: rows.map((r) => pickInput(StudentSchema, r)) }), []);
  const archive = useCallback((row: Student, archived: boolean) => api.call('students/archive', { id: row.id, archived }), []);
  const newRow = useCallback((): Partial<Student> => ({ classId: classId ?? null, status: '在读', leftBehind: false, migrant: false, disability: false, hardship: false }), [classId]);

  const one = selected.length === 1 ? selected[0] : null;
  const classFilter = (
    <Space>
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
      <Tooltip title={one ? undefined : t('studentHistory.pickOne')}>
        <Button icon={<HistoryOutlined />} disabled={!one} onClick={() => one && setHistoryOf(one.id)} data-testid="student-history-open">{t('studentHistory.open')}</Button>
      </Tooltip>
      <Tooltip title={one ? undefined : t('studentHistory.pickOne')}>
        <Button icon={<SwapOutlined />} disabled={!one} onClick={() => one && setChanging(one)} data-testid="student-change-open">{t('studentHistory.change')}</Button>
      </Tooltip>
    </Space>
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
        onSelect={setSelected}
      />
      <StudentHistoryDrawer studentId={historyOf} onClose={() => setHistoryOf(null)} />
      <StudentChangeModal student={changing} classes={classes} onClose={() => setChanging(null)} onDone={() => { setChanging(null); setVersion((v) => v + 1); }} />
    </Page>
  );
}
