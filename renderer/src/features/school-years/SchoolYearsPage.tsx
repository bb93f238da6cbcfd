/**
 * 学年与届别: the cohorts (classes by year of entry, their grade this year or the year they graduated), the
 * terms with their lock state (unlock with a reason, lock again), and the two roll-over wizards.
 */
import { LockOutlined, RiseOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cohort, Term, TermLockState } from '../../../../shared/contract';
import { GRADE_NAMES } from '../../../../shared/domain/constants';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError } from '../../app/useApiError';
import { Page } from '../../components/Page';
import { RolloverWizard, type RolloverMode } from './RolloverWizard';
import { UnlockTermModal } from './UnlockTermModal';

export default function SchoolYearsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { terms, refresh } = useAppState();
  const [cohorts, setCohorts] = useState<Cohort[]>([]);
  const [locks, setLocks] = useState<Map<number, TermLockState>>(new Map());
  const [wizard, setWizard] = useState<RolloverMode | null>(null);
  const [unlocking, setUnlocking] = useState<Term | null>(null);

  const load = useCallback(async () => {
    try {
      setCohorts(await api.call('school-years/cohorts', {}));
      const states = await Promise.all(terms.map((x) => api.call('school-years/lockState', { termId: x.id })));
      setLocks(new Map(states.map((s) => [s.termId, s])));
    } catch (e) {
      showError(e);
    }
  }, [terms, showError]);
  useEffect(() => { void load(); }, [load]);

  const lockAgain = async (term: Term) => {
    try {
      await api.call('school-years/lockTerm', { termId: term.id });
      void message.success(t('schoolYears.lockedDone', { term: term.name }));
      await refresh();
    } catch (e) {
      showError(e);
    }
  };
  const levelName = (l: number) => t(`enum.grade.${l}`, { defaultValue: GRADE_NAMES[l] });
  const entryNow = cohorts.find((c) => c.level === c.entryLevel)?.classes.length ?? 0;

  const extra = (
    <Space>
      <Button icon={<RiseOutlined />} onClick={() => setWizard('term')} data-testid="open-term-rollover">{t('schoolYears.termRollover')}</Button>
      <Button type="primary" icon={<RiseOutlined />} onClick={() => setWizard('year')} data-testid="open-rollover">{t('schoolYears.rollover')}</Button>
    </Space>
  );

  return (
    <Page title={t('nav.schoolYears')} subtitle={t('schoolYears.subtitle')} extra={extra} fill={false}>
      <div className="jw-school-years">
        <Card size="small" title={t('schoolYears.cohorts')}>
          <Table<Cohort> size="small" pagination={false} rowKey={(c) => `${c.entryYear}-${c.entryLevel}`} dataSource={cohorts} data-testid="cohorts"
            columns={[
              { title: t('schoolYears.cohort'), dataIndex: 'entryYear', width: 110, render: (year: number) => t('schoolYears.cohortName', { year }) },
              { title: t('schoolYears.entryLevel'), dataIndex: 'entryLevel', width: 90, render: levelName },
              {
                title: t('schoolYears.levelNow'), width: 140,
                render: (_v, c) => (c.level !== null ? levelName(c.level)
                  : c.graduatedYear !== null ? <Tag color="gold">{t('schoolYears.graduated', { year: `${c.graduatedYear}-${c.graduatedYear + 1}` })}</Tag>
                    : <Tag>{t('schoolYears.notYet')}</Tag>),
              },
              { title: t('schoolYears.classes'), render: (_v, c) => <Typography.Text style={{ fontSize: 12 }}>{c.classes.map((x) => x.name).join('、')}</Typography.Text> },
              { title: t('schoolYears.students'), dataIndex: 'students', width: 100, align: 'right' },
            ]} />
        </Card>
        <Card size="small" title={t('schoolYears.terms')}>
          <Table<Term> size="small" pagination={false} rowKey="id" dataSource={terms} data-testid="term-locks"
            columns={[
              { title: t('schoolYears.term'), dataIndex: 'name' },
              { title: t('schoolYears.termStart'), dataIndex: 'startDate', width: 110 },
              {
                title: t('schoolYears.state'), width: 300,
                render: (_v, x) => {
                  const s = locks.get(x.id);
                  if (s?.locked) return <Tag icon={<LockOutlined />}>{t('schoolYears.locked')}</Tag>;
                  if (s?.unlocked) return <Tag color="orange" icon={<UnlockOutlined />}>{t('schoolYears.unlocked', { reason: s.unlocked.reason, operator: s.unlocked.operator })}</Tag>;
                  return <Tag color="green">{t('schoolYears.open')}</Tag>;
                },
              },
              {
                title: t('common.actions'), width: 120,
                render: (_v, x) => {
                  const s = locks.get(x.id);
                  if (s?.locked) return <Button size="small" onClick={() => setUnlocking(x)} data-testid={`unlock-${x.id}`}>{t('schoolYears.unlock')}</Button>;
                  if (s?.unlocked) return <Button size="small" onClick={() => lockAgain(x)} data-testid={`lock-${x.id}`}>{t('schoolYears.lock')}</Button>;
                  return null;
                },
              },
            ]} />
        </Card>
      </div>
      <RolloverWizard mode={wizard ?? 'year'} open={wizard !== null} onClose={() => { setWizard(null); void load(); }} defaultEntryClasses={entryNow || 1} />
      <UnlockTermModal term={unlocking} onClose={() => setUnlocking(null)} onDone={() => { setUnlocking(null); void refresh(); }} />
    </Page>
  );
}
