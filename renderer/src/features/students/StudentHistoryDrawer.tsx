/** 学籍档案: one student's classes over the years (named as they were then), exams sat and struggling files. */
import { Descriptions, Drawer, Empty, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudentHistory } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';

export function StudentHistoryDrawer({ studentId, onClose }: { studentId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [h, setH] = useState<StudentHistory | null>(null);
  useEffect(() => {
    setH(null);
    if (studentId === null) return;
    api.call('students/history', { studentId }).then(setH, showError);
  }, [studentId, showError]);
  const change = (v: string | null) => (v ? t(`enum.enrollment.${v}`, { defaultValue: v }) : '');
  return (
    <Drawer open={studentId !== null} onClose={onClose} width={720} title={h ? t('studentHistory.title', { name: h.student.name }) : ''} data-testid="student-history">
      {h && (
        <>
          <Descriptions size="small" column={3} style={{ marginBottom: 12 }}
            items={[
              { key: 'no', label: t('fields.studentNo'), children: h.student.studentNo },
              { key: 'class', label: t('fields.class'), children: h.student.className ?? '—' },
              { key: 'status', label: t('fields.studentStatus'), children: t(`enum.studentStatus.${h.student.status}`, { defaultValue: h.student.status }) },
            ]} />
          <Typography.Title level={5}>{t('studentHistory.stretches')}</Typography.Title>
          <Table size="small" pagination={false} rowKey="id" dataSource={h.stretches} data-testid="history-stretches"
            locale={{ emptyText: t('studentHistory.none') }}
            columns={[
              { title: t('studentHistory.year'), dataIndex: 'schoolYearName', width: 120 },
              { title: t('studentHistory.class'), dataIndex: 'className', width: 110 },
              { title: t('studentHistory.cohort'), dataIndex: 'cohortName', width: 100 },
              { title: t('studentHistory.from'), dataIndex: 'fromDate', width: 100 },
              { title: t('studentHistory.to'), dataIndex: 'toDate', width: 100, render: (v: string | null) => v ?? '—' },
              { title: t('studentHistory.start'), dataIndex: 'startChange', render: (v: string) => <Tag>{change(v)}</Tag> },
              { title: t('studentHistory.end'), dataIndex: 'endChange', render: (v: string | null) => (v ? <Tag color={v === '转出' || v === '休学' ? 'orange' : v === '毕业' ? 'gold' : 'default'}>{change(v)}</Tag> : null) },
            ]} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('studentHistory.exams')}</Typography.Title>
          {h.exams.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('studentHistory.none')} /> : (
            <Table size="small" pagination={false} rowKey="examId" dataSource={h.exams} data-testid="history-exams"
              columns={[
                { title: t('studentHistory.term'), dataIndex: 'termName', width: 190 },
                { title: t('studentHistory.exam'), dataIndex: 'examName', width: 130 },
                { title: t('studentHistory.class'), dataIndex: 'className', width: 100 },
                {
                  title: t('studentHistory.scores'), dataIndex: 'scores',
                  render: (xs: StudentHistory['exams'][number]['scores']) => (
                    <Typography.Text style={{ fontSize: 12 }}>
                      {xs.map((s) => `${s.subjectName} ${s.absent ? t('studentHistory.absent') : s.score ?? s.level ?? ''}`).join('　')}
                    </Typography.Text>
                  ),
                },
              ]} />
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('studentHistory.files')}</Typography.Title>
          {h.files.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('studentHistory.none')} /> : (
            <Table size="small" pagination={false} rowKey="id" dataSource={h.files}
              columns={[
                { title: t('studentHistory.term'), dataIndex: 'termName' },
                { title: t('studentHistory.class'), dataIndex: 'className' },
                { title: t('studentHistory.status'), dataIndex: 'status' },
                { title: t('studentHistory.from'), dataIndex: 'openedOn' },
                { title: t('studentHistory.to'), dataIndex: 'closedOn' },
              ]} />
          )}
        </>
      )}
    </Drawer>
  );
}
