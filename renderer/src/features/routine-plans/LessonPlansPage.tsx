/**
 * #/lesson-plans (备课与教案): three tabs over the current term - 教案 (plan records with their files), 教案检查
 * (the monthly check of plans per teacher x subject x class) and 集体备课 (collective preparation per 备课组).
 */
import { Empty, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../app/AppState';
import { Page } from '../../components/Page';
import './routine.css';
import { CollectivePrepTab } from './CollectivePrepTab';
import { PlanChecksTab } from './PlanChecksTab';
import { PlansTab } from './PlansTab';

const TAB_KEY = 'jiaowu.lessonPlans.tab';

export default function LessonPlansPage() {
  const { t } = useTranslation();
  const { currentTerm } = useAppState();
  const [tab, setTab] = useState(() => sessionStorage.getItem(TAB_KEY) ?? 'plans');
  // The active tab puts its page-level actions (start the check, export...) here, beside the tab names.
  const [slot, setSlot] = useState<HTMLDivElement | null>(null);

  if (!currentTerm) {
    return (
      <Page title={t('nav.lessonPlans')}>
        <Empty description={t('routine.noTerm')} />
      </Page>
    );
  }
  return (
    <Page title={t('nav.lessonPlans')} subtitle={t('routine.plansSubtitle', { term: currentTerm.name })}>
      <Tabs
        className="jw-rt-tabs"
        activeKey={tab}
        onChange={(k) => { setTab(k); sessionStorage.setItem(TAB_KEY, k); }}
        destroyOnHidden
        tabBarExtraContent={<div ref={setSlot} className="jw-rt-tabextra" />}
        items={[
          { key: 'plans', label: <span data-testid="tab-plans">{t('routine.tabs.plans')}</span>, children: <PlansTab term={currentTerm} actions={slot} /> },
          { key: 'checks', label: <span data-testid="tab-plan-checks">{t('routine.tabs.checks')}</span>, children: <PlanChecksTab term={currentTerm} actions={slot} /> },
          { key: 'prep', label: <span data-testid="tab-prep">{t('routine.tabs.prep')}</span>, children: <CollectivePrepTab term={currentTerm} actions={slot} /> },
        ]}
      />
    </Page>
  );
}
