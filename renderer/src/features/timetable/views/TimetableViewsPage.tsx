/**
 * #/timetable-views: the term's timetable seen by teacher, by room and as the whole-school master grid, plus
 * printing, Excel exchange and FET exchange. Everything here is read-only; edits happen in #/timetable.
 * A tab can be opened directly with #/timetable-views?tab=master.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Spin, Tabs } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolClass } from '../../../../../shared/contract';
import { api } from '../../../api/client';
import { useAppState } from '../../../app/AppState';
import { useApiError } from '../../../app/useApiError';
import { Page } from '../../../components/Page';
import MasterTab from './MasterTab';
import PrintExportTab from './PrintExportTab';
import RoomTab from './RoomTab';
import { useTimetable } from '../../../components/pickers';
import TeacherTab from './TeacherTab';

const FetPanel = lazy(() => import('../../fet').then((m) => ({ default: m.FetPanel })));

const TABS = ['teacher', 'room', 'master', 'print', 'fet'] as const;
type TabKey = (typeof TABS)[number];

function tabFromHash(): TabKey {
  const q = window.location.hash.split('?')[1];
  const tab = q ? new URLSearchParams(q).get('tab') : null;
  return TABS.includes(tab as TabKey) ? (tab as TabKey) : 'teacher';
}

export default function TimetableViewsPage() {
  const { t } = useTranslation();
  const showError = useApiError();
  const { currentTerm } = useAppState();
  const termId = currentTerm?.id;
  const { data, loading, reload } = useTimetable(termId);
  const [classes, setClasses] = useState<SchoolClass[]>([]);
  const [tab, setTab] = useState<TabKey>(tabFromHash);

  useEffect(() => {
    api.call('school/listClasses', {}).then(setClasses, showError);
  }, [showError]);

  const body = () => {
    if (!termId) return <Empty description={t('timetableViews.noTerm')} />;
    if (!data) return loading ? <Spin style={{ margin: 40 }} /> : <Empty description={t('timetableViews.loadFailed')} />;
    return (
      <Tabs
        className="tv-tabs"
        activeKey={tab}
        onChange={(k) => setTab(k as TabKey)}
        destroyOnHidden={false}
        items={[
          { key: 'teacher', label: t('timetableViews.tabs.teacher'), children: <TeacherTab data={data} /> },
          { key: 'room', label: t('timetableViews.tabs.room'), children: <RoomTab data={data} /> },
          { key: 'master', label: t('timetableViews.tabs.master'), children: tab === 'master' && <MasterTab data={data} classes={classes} /> },
          { key: 'print', label: t('timetableViews.tabs.print'), children: <PrintExportTab termId={termId} data={data} classes={classes} onImported={() => void reload()} /> },
          {
            key: 'fet',
            label: t('timetableViews.tabs.fet'),
            children: tab === 'fet' && (
              <Suspense fallback={<Spin />}>
                <FetPanel />
              </Suspense>
            ),
          },
        ].map((x) => ({ ...x, label: <span data-testid={`tv-tab-${x.key}`}>{x.label}</span> }))}
      />
    );
  };

  return (
    <Page
      title={t('timetableViews.title')}
      subtitle={currentTerm ? t('timetableViews.subtitle', { term: currentTerm.name }) : undefined}
      extra={<Button icon={<ReloadOutlined />} onClick={() => void reload()} loading={loading} data-testid="tv-reload">{t('timetableViews.reload')}</Button>}
    >
      {body()}
    </Page>
  );
}
