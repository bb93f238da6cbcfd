/**
 * 听课任务进度: each person's observations against the quota of their role (done / quota, shortfall, projection
 * to the term's end, status), a banner naming the people at risk, and done vs quota by role or teaching group.
 */
import { SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Segmented, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuotaProgress, QuotaProgressRow, QuotaStatus, Term } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { QUOTA_STATUS_COLOR } from '../../components/routine-levels';
import { PairBarChart } from '../../components/PairBarChart';

type Row = QuotaProgressRow & { id: number; doneOfQuota: string };
const STATUSES: QuotaStatus[] = ['onTrack', 'atRisk', 'short'];
/** Names listed in the banner before "and N more". */
const BANNER_NAMES = 12;

export function QuotaTab({ term, reloadKey }: { term: Term; reloadKey: number }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [data, setData] = useState<QuotaProgress | null>(null);
  const [by, setBy] = useState<'role' | 'group'>('role');

  useEffect(() => {
    let live = true;
    api.call('observations/quotaProgress', { termId: term.id }).then(
      (d) => { if (live) setData(d); },
      (e) => { if (live) { setData(null); showError(e); } },
    );
    return () => { live = false; };
  }, [term.id, reloadKey, showError]);

  const load = useCallback(async (): Promise<Row[]> => (data?.people ?? []).map((p) => ({
    ...p, id: p.teacherId, doneOfQuota: `${p.done} / ${p.quota}`,
  })), [data]);

  const columns = useMemo<GridColumn<Row>[]>(() => [
    { field: 'teacherName', header: t('monthly.quota.col.teacher'), kind: 'person', width: 90, pinned: 'left' },
    { field: 'role', header: t('monthly.quota.col.role'), width: 90 },
    { field: 'doneOfQuota', header: t('monthly.quota.col.doneOfQuota'), width: 90, colDef: { type: 'rightAligned' } },
    { field: 'quota', header: t('monthly.quota.col.quota'), kind: 'number', width: 80, hide: true, colDef: { valueFormatter: (p) => `${p.value}${p.data?.overridden ? ' *' : ''}` } },
    { field: 'dueSoFar', header: t('monthly.quota.col.dueSoFar'), kind: 'number', width: 84 },
    { field: 'shortfall', header: t('monthly.quota.col.shortfall'), kind: 'number', width: 70 },
    { field: 'projected', header: t('monthly.quota.col.projected'), kind: 'number', width: 84 },
    {
      field: 'status', header: t('monthly.quota.col.status'), kind: 'select', width: 80,
      options: STATUSES.map((s) => ({ value: s, label: t(`monthly.quota.status.${s}`) })),
      colDef: {
        cellRenderer: (p: { value: QuotaStatus }) => p.value && <Tag color={QUOTA_STATUS_COLOR[p.value]}>{t(`monthly.quota.status.${p.value}`)}</Tag>,
      },
    },
    { field: 'groupNames', header: t('monthly.quota.col.groups'), width: 140, colDef: { valueFormatter: (p) => (p.value as string[] | undefined)?.join('、') ?? '' } },
  ], [t]);

  const atRisk = useMemo(() => (data?.people ?? []).filter((p) => p.status !== 'onTrack')
    .sort((a, b) => (a.status === b.status ? b.shortfall - a.shortfall : a.status === 'short' ? -1 : 1)), [data]);
  const agg = by === 'role' ? data?.byRole ?? [] : data?.byGroup ?? [];

  if (!data) return <Spin style={{ margin: 40 }} />;
  return (
    <div className="obs-quota">
      <div className="obs-quota-head">
        <Typography.Text type="secondary" data-testid="quota-asof">
          {t('monthly.quota.asOf', { date: data.asOf, weeks: data.elapsedWeeks, total: data.totalWeeks })}
        </Typography.Text>
        {/* Quotas per role and per person are part of the routine standards. */}
        <Button type="link" size="small" icon={<SettingOutlined />} href="#/routine-standards" data-testid="quota-settings">
          {t('monthly.quota.settings')}
        </Button>
      </div>
      {atRisk.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="quota-warning"
          message={t('monthly.quota.warning', { n: atRisk.length, short: atRisk.filter((p) => p.status === 'short').length, atRisk: atRisk.filter((p) => p.status === 'atRisk').length })}
          description={
            atRisk.slice(0, BANNER_NAMES).map((p) => t('monthly.quota.warningPerson', { name: p.teacherName, done: p.done, quota: p.quota, status: t(`monthly.quota.status.${p.status}`) })).join('；')
            + (atRisk.length > BANNER_NAMES ? t('monthly.quota.andMore', { n: atRisk.length - BANNER_NAMES }) : '')
          }
        />
      ) : (
        <Alert type="success" showIcon message={t('monthly.quota.allOnTrack')} data-testid="quota-ok" />
      )}
      <div className="obs-quota-body">
        <div className="obs-quota-grid">
          <DataGrid<Row> id="observation-quota" columns={columns} load={load} />
        </div>
        <Card
          size="small"
          className="obs-quota-chart"
          title={t('monthly.quota.chartTitle')}
          extra={(
            <Segmented
              size="small"
              data-testid="quota-chart-by"
              value={by}
              onChange={(v) => setBy(v as 'role' | 'group')}
              options={[{ value: 'role', label: t('monthly.quota.byRole') }, { value: 'group', label: t('monthly.quota.byGroup') }]}
            />
          )}
        >
          {agg.length === 0 ? <Empty /> : (
            <PairBarChart
              testId="quota-chart"
              labels={agg.map((a) => (a.key === 'none' ? t('monthly.quota.noGroup') : a.label))}
              first={agg.map((a) => a.done)}
              second={agg.map((a) => a.quota)}
              firstLabel={t('monthly.quota.done')}
              secondLabel={t('monthly.quota.quota')}
              height={300}
            />
          )}
          <div className="obs-quota-agg">
            {agg.map((a) => (
              <div key={a.key}>
                <b>{a.key === 'none' ? t('monthly.quota.noGroup') : a.label}</b>{' '}
                {t('monthly.quota.aggLine', { people: a.people, rate: a.rate, atRisk: a.atRisk, short: a.short })}
              </div>
            ))}
          </div>
        </Card>
      </div>
    </div>
  );
}
