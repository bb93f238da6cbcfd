/** 转化率: per class, teacher and term as tables, with a bar chart of the per-class rates. */
import { Card, Empty, Statistic, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Term } from '../../../../shared/contract';
import type { RateReport, RateRow } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { RateBarChart } from './Charts';
import { pct } from './common';

export function RatesTab({ term, reloadKey }: { term: Term; reloadKey: number }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [report, setReport] = useState<RateReport | null>(null);

  useEffect(() => {
    void reloadKey;
    api.call('struggling/rates', { termId: term.id }).then(setReport, showError);
  }, [term.id, reloadKey, showError]);

  if (!report) return null;
  const table = (rows: RateRow[], testId: string, first: string) => (
    <Table<RateRow>
      size="small" rowKey={(r) => `${r.key}-${r.label}`} pagination={false} dataSource={rows} data-testid={testId}
      columns={[
        { key: 'label', title: first, dataIndex: 'label' },
        { key: 'files', title: t('struggling.rates.files'), dataIndex: 'files', align: 'right', width: 70 },
        { key: 'transformed', title: t('struggling.status.已转化'), dataIndex: 'transformed', align: 'right', width: 70 },
        { key: 'inProgress', title: t('struggling.status.帮扶中'), dataIndex: 'inProgress', align: 'right', width: 70 },
        { key: 'continuing', title: t('struggling.status.继续帮扶'), dataIndex: 'continuing', align: 'right', width: 80 },
        { key: 'left', title: t('struggling.status.转出'), dataIndex: 'left', align: 'right', width: 60 },
        { key: 'rate', title: t('struggling.rates.rate'), align: 'right', width: 80, render: (_, r) => <b>{pct(r.rate)}</b> },
      ]}
    />
  );

  return (
    <div className="sf-rates" data-testid="sf-rates">
      <div className="sf-rates-top">
        <Card size="small" className="sf-rate-total">
          <Statistic title={t('struggling.rates.total', { term: term.name })} value={pct(report.total.rate)} valueStyle={{ color: '#389e0d' }} />
          <div data-testid="sf-rate-total" className="sf-muted">
            {t('struggling.rates.totalLine', { rate: pct(report.total.rate), transformed: report.total.transformed, judged: report.total.files - report.total.left, files: report.total.files })}
          </div>
          <div className="sf-muted sf-small">{t('struggling.rates.definition')}</div>
        </Card>
        <Card size="small" title={t('struggling.rates.chartTitle')} className="sf-rate-chart">
          {report.byClass.length
            ? <RateBarChart names={report.byClass.map((r) => r.label)} rates={report.byClass.map((r) => r.rate)} testId="sf-rate-chart" />
            : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        </Card>
      </div>
      <div className="sf-rates-tables">
        <Card size="small" title={t('struggling.rates.byClass')}>{table(report.byClass, 'sf-rates-class', t('struggling.col.className'))}</Card>
        <Card size="small" title={t('struggling.rates.byTeacher')}>{table(report.byTeacher, 'sf-rates-teacher', t('struggling.col.teacher'))}</Card>
        <Card size="small" title={t('struggling.rates.byTerm')}>{table(report.byTerm, 'sf-rates-term', t('struggling.term'))}</Card>
      </div>
    </div>
  );
}
