/**
 * #/scheduling (自动排课): the rules the generator honours (排课规则) and generating or repairing the current
 * term's timetable (生成课表), with the draft to accept or discard.
 */
import { Empty, Spin, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSet, TimetableSettings } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError } from '../../app/useApiError';
import { Page } from '../../components/Page';
import GenerateTab from './GenerateTab';
import RulesTab from './RulesTab';
import './scheduling.css';

export default function SchedulingPage() {
  const { t } = useTranslation();
  const showError = useApiError();
  const { currentTerm } = useAppState();
  const termId = currentTerm?.id;
  const [ruleSet, setRuleSet] = useState<RuleSet | null>(null);
  const [settings, setSettings] = useState<TimetableSettings | null>(null);
  const [tab, setTab] = useState('rules');

  const load = useCallback(async () => {
    if (!termId) return;
    const [r, s] = await Promise.all([api.call('scheduling/getRules', { termId }), api.call('timetable/getSettings', { termId })]);
    setRuleSet(r);
    setSettings(s);
  }, [termId]);
  useEffect(() => { setRuleSet(null); void load().catch(showError); }, [load, showError]);

  const title = t('scheduling.title');
  if (!termId) return <Page title={title}><Empty description={t('scheduling.noTerm')} /></Page>;
  if (!ruleSet) return <Page title={title}><div className="jw-center"><Spin /></div></Page>;
  return (
    <Page title={title} subtitle={currentTerm?.name}>
      <Tabs activeKey={tab} onChange={setTab} className="jw-fill-tabs sch-tabs" items={[
        { key: 'rules', label: <span data-testid="sch-tab-rules">{t('scheduling.tabs.rules')}</span>, children: <RulesTab termId={termId} ruleSet={ruleSet} onSaved={setRuleSet} /> },
        { key: 'generate', label: <span data-testid="sch-tab-generate">{t('scheduling.tabs.generate')}</span>, children: <GenerateTab termId={termId} names={ruleSet.names} rules={ruleSet.rules} settings={settings} /> },
      ]} />
    </Page>
  );
}
