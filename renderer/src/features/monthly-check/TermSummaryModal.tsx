/**
 * 教师学期汇总: one teacher's monthly totals over the term against the school's monthly average (chart and
 * table), printed through the 'teacher-term-summary' report for that teacher or for everyone.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Empty, Modal, Space, Spin, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Teacher, Term, TermSummary } from '../../../../shared/contract';
import { api, saveFile } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { LEVEL_COLOR, SHEET_STATUS_COLOR, monthLabel } from '../../components/routine-levels';
import { PairBarChart } from '../../components/PairBarChart';
import { PersonSelect } from '../../components/pickers';

export function TermSummaryModal({ open, term, teachers, initialTeacherId, onClose }: {
  open: boolean; term: Term; teachers: Teacher[]; initialTeacherId: number | null; onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [teacherId, setTeacherId] = useState<number | null>(initialTeacherId);
  const [data, setData] = useState<TermSummary | null>(null);
  const [loading, setLoading] = useState(false);
  const [printing, setPrinting] = useState<'one' | 'all' | null>(null);

  useEffect(() => { if (open) setTeacherId((cur) => cur ?? initialTeacherId); }, [open, initialTeacherId]);

  useEffect(() => {
    if (!open || !teacherId) { setData(null); return; }
    let live = true;
    setLoading(true);
    api.call('monthly-check/termSummary', { termId: term.id, teacherId }).then(
      (d) => { if (live) setData(d); },
      (e) => { if (live) { setData(null); showError(e); } },
    ).finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [open, teacherId, term.id, showError]);

  const people = useMemo(() => teachers.map((x) => ({ id: x.id, name: x.name, hint: x.subjectName })), [teachers]);
  const me = data?.teachers.find((x) => x.teacherId === teacherId) ?? null;
  const months = data?.months ?? [];

  async function print(which: 'one' | 'all') {
    setPrinting(which);
    try {
      const f = await api.call('reports/pdf', {
        reportId: 'teacher-term-summary',
        params: { termId: term.id, ...(which === 'one' && teacherId ? { teacherIds: [teacherId] } : {}) },
      });
      if (await saveFile(f)) void message.success(t('monthly.printed', { file: f.fileName, pages: f.pages }));
    } catch (e) {
      showError(e);
    } finally {
      setPrinting(null);
    }
  }

  return (
    <Modal
      open={open}
      title={t('monthly.summary.title')}
      width={900}
      onCancel={onClose}
      footer={(
        <Space>
          <Button icon={<PrinterOutlined />} loading={printing === 'all'} onClick={() => void print('all')} data-testid="mc-summary-print-all">
            {t('monthly.summary.printAll')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} disabled={!teacherId} loading={printing === 'one'} onClick={() => void print('one')} data-testid="mc-summary-print">
            {t('monthly.summary.print')}
          </Button>
        </Space>
      )}
    >
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <PersonSelect people={people} value={teacherId} onChange={setTeacherId} placeholder={t('monthly.summary.pickTeacher')} testId="mc-summary-teacher" />
        {loading && <Spin />}
        {!loading && !me && <Empty description={t(teacherId ? 'monthly.summary.noSheets' : 'monthly.summary.pickHint')} />}
        {!loading && me && (
          <div data-testid="mc-summary">
            <Descriptions size="small" column={4} items={[
              { key: 'groups', label: t('monthly.sheet.col.groups'), children: me.groupNames.join('、') || '—' },
              { key: 'avg', label: t('monthly.summary.average'), children: me.average ?? '—' },
              { key: 'obs', label: t('monthly.summary.observations'), children: `${me.observationsDone} / ${me.observationsQuota}` },
              { key: 'months', label: t('monthly.summary.monthsChecked'), children: me.months.filter((m) => m.total != null).length },
            ]} />
            <PairBarChart
              testId="mc-summary-chart"
              height={240}
              labels={months.map((m) => monthLabel(t, m))}
              first={months.map((m) => me.months.find((x) => x.month === m)?.total ?? null)}
              second={months.map((m) => data!.monthAverages.find((x) => x.month === m)?.average ?? null)}
              firstLabel={me.teacherName}
              secondLabel={t('monthly.summary.schoolAverage')}
            />
            <Table
              size="small"
              pagination={false}
              rowKey="month"
              dataSource={me.months}
              columns={[
                { key: 'month', title: t('monthly.summary.month'), dataIndex: 'month', render: (m: string) => monthLabel(t, m) },
                ...(data?.items ?? []).map((it) => ({
                  key: it.key, title: `${it.name}(${it.maxScore})`, align: 'right' as const,
                  render: (_: unknown, r: { scores: Record<string, number | null> }) => r.scores[it.key] ?? '',
                })),
                { key: 'total', title: t('monthly.summary.total'), dataIndex: 'total', align: 'right' as const },
                { key: 'grade', title: t('monthly.sheet.col.grade'), dataIndex: 'grade', render: (g: string | null) => g && <Tag color={LEVEL_COLOR[g] ?? 'default'}>{g}</Tag> },
                { key: 'status', title: t('monthly.sheet.col.status'), dataIndex: 'status', render: (s: string) => <Tag color={SHEET_STATUS_COLOR[s]}>{t(`monthly.sheetStatus.${s}`)}</Tag> },
              ]}
            />
          </div>
        )}
      </Space>
    </Modal>
  );
}
