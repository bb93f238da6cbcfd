/**
 * 督导指标: the teacher indicators of 教督〔2017〕6号 for a school year, each with its standard, the figure and
 * met / not met / cannot be decided, the teachers behind it and the missing data that blocks it; printable.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorRow, TeacherIndicators, Term } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError } from '../../app/useApiError';
import { printReport } from '../../components/printReport';

export function IndicatorsTab({ reloadKey }: { reloadKey: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { currentTerm } = useAppState();
  const [terms, setTerms] = useState<Term[]>([]);
  const [yearId, setYearId] = useState<number | null>(currentTerm?.schoolYearId ?? null);
  const [data, setData] = useState<TeacherIndicators | null>(null);
  const [printing, setPrinting] = useState(false);

  useEffect(() => { api.call('school/listTerms', {}).then(setTerms, showError); }, [showError]);
  useEffect(() => {
    void reloadKey;
    api.call('training/indicators', { schoolYearId: yearId }).then(setData, showError);
  }, [yearId, reloadKey, showError]);
  const years = useMemo(() => [...new Map(terms.map((x) => [x.schoolYearId, x.schoolYearName])).entries()].sort((a, b) => b[1].localeCompare(a[1])), [terms]);

  const print = async () => {
    // The printout is of the year's first term (the header names the year).
    const term = terms.filter((x) => x.schoolYearId === data?.schoolYearId).sort((a, b) => a.termNo - b.termNo)[0];
    setPrinting(true);
    try {
      if (await printReport('teacher-indicators', term ? { termId: term.id } : {})) void message.success(t('training.printed'));
    } catch (e) { showError(e); } finally { setPrinting(false); }
  };

  const metTag = (m: boolean | null) => (m === true ? <Tag color="success">{t('training.met')}</Tag> : m === false ? <Tag color="error">{t('training.notMet')}</Tag> : <Tag color="warning">{t('training.undecided')}</Tag>);

  return (
    <div className="tr-pane">
      <Space wrap>
        <span>{t('training.schoolYear')}</span>
        <Select style={{ width: 180 }} value={data?.schoolYearId ?? yearId ?? undefined} onChange={setYearId} options={years.map(([id, name]) => ({ value: id, label: name }))} data-testid="tr-ind-year" />
        <Button icon={<PrinterOutlined />} loading={printing} onClick={() => void print()} data-testid="tr-ind-print">{t('training.printIndicators')}</Button>
        {data && <Typography.Text type="secondary">{t('training.indicatorsLine', { type: data.schoolType, students: data.students.total, primary: data.students.primary, middle: data.students.middle, teachers: data.teacherCount, asOf: data.asOf })}</Typography.Text>}
      </Space>
      {data && data.students.total === 0 && <Alert type="warning" showIcon title={t('training.noStudents')} />}
      <Table<IndicatorRow>
        size="small" pagination={false} rowKey="key" dataSource={data?.rows ?? []} data-testid="tr-indicators"
        expandable={{
          expandedRowRender: (r) => (
            <div className="tr-names">
              {r.unit === 'per100' && <p><b>{t('training.counted', { count: r.count })}</b>：{r.teachers.map((x) => `${x.name}（${x.detail}）`).join('、') || '—'}</p>}
              {r.shortfalls.length > 0 && <p><b>{t('training.shortfalls', { count: r.shortfalls.length })}</b>：{r.shortfalls.map((x) => `${x.name}（${x.detail}）`).join('、')}</p>}
              {r.missing.length > 0 && <p><b>{t('training.missing', { count: r.missing.length })}</b>：{r.missing.map((x) => `${x.name}（${t(`training.missingField.${x.field}`)}）`).join('、')}</p>}
            </div>
          ),
        }}
        columns={[
          { title: t('training.ind.label'), dataIndex: 'key', render: (k: string) => t(`training.indicator.${k}`) },
          { title: t('training.ind.standard'), dataIndex: 'standardText', width: 90 },
          { title: t('training.ind.count'), width: 110, render: (_v, r) => `${r.count} / ${r.denominator}` },
          { title: t('training.ind.value'), width: 100, render: (_v, r) => (r.value === null ? '—' : r.unit === 'percent' ? `${r.value.toFixed(2)}%` : r.value.toFixed(2)) },
          { title: t('training.ind.met'), width: 110, render: (_v, r) => <span data-testid={`tr-ind-met-${r.key}`}>{metTag(r.met)}</span> },
          { title: t('training.ind.note'), width: 220, render: (_v, r) => [r.needed > 0 ? t('training.needed', { count: r.needed }) : '', r.missing.length ? t('training.missing', { count: r.missing.length }) : '', r.shortfalls.length ? t('training.shortfalls', { count: r.shortfalls.length }) : ''].filter(Boolean).join('；') },
        ]}
      />
    </div>
  );
}
