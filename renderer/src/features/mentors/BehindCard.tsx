/**
 * The landing page's reminder of the mentor programme and the training cycle: which pairs are behind on their
 * duties this term and how many teachers are behind the 360-hour pace, each with a link to its page.
 */
import { Card, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleReport, ProgrammeSummary } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';

export function BehindCard() {
  const { t } = useTranslation();
  const { currentTerm } = useAppState();
  const [pairs, setPairs] = useState<ProgrammeSummary | null>(null);
  const [cycle, setCycle] = useState<CycleReport | null>(null);
  useEffect(() => {
    if (!currentTerm) return;
    // A reminder: a failure here must not disturb the page it sits on.
    api.call('mentors/list', { termId: currentTerm.id }).then(setPairs, () => setPairs(null));
    api.call('training/cycle', {}).then(setCycle, () => setCycle(null));
  }, [currentTerm]);
  if (!currentTerm || (!pairs && !cycle)) return null;
  const behind = pairs?.pairs.filter((p) => p.progress?.behind) ?? [];
  const trainingBehind = cycle?.teachers.filter((x) => x.status === 'behind') ?? [];
  return (
    <Card title={t('mentors.reminders.title')} size="small" data-testid="behind-card" style={{ gridColumn: '1 / -1' }}>
      <List size="small">
        <List.Item extra={<a href="#/mentors">{t('mentors.reminders.open')}</a>}>
          <Typography.Text>
            {t('mentors.reminders.pairs', { behind: behind.length, total: pairs?.pairs.length ?? 0 })}
            {behind.slice(0, 5).map((p) => <Tag key={p.id} color="error" style={{ marginInlineStart: 6 }}>{p.mentorName}—{p.apprenticeName}</Tag>)}
          </Typography.Text>
        </List.Item>
        <List.Item extra={<a href="#/training">{t('mentors.reminders.open')}</a>}>
          <Typography.Text>
            {t('mentors.reminders.training', { behind: trainingBehind.length, total: cycle?.teachers.length ?? 0, rate: cycle?.completion.rate == null ? '—' : (cycle.completion.rate * 100).toFixed(1) })}
          </Typography.Text>
        </List.Item>
      </List>
    </Card>
  );
}
