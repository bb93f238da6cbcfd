/**
 * 作息与场地: the term's timetable settings (days per week, periods with clock times, breaks, lesson lengths for
 * primary and middle grades), special rooms, and teachers' unavailable times.
 */
import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty } from 'antd';
import { useAppState } from '../../../app/AppState';
import { Page } from '../../../components/Page';
import { RoomsTab } from './settings/RoomsTab';
import { ScheduleTab } from './settings/ScheduleTab';
import { UnavailableTab } from './settings/UnavailableTab';
import '../../../components/timetable/timetable.css';

export default function TimetableSettingsPage() {
  const { t } = useTranslation();
  const { currentTerm } = useAppState();
  const [tab, setTab] = useState('schedule');
  if (!currentTerm) return <Page title={t('nav.timetableSettings')}><Empty description={t('timetable.noTerm')} /></Page>;
  return (
    <Page title={t('nav.timetableSettings')} subtitle={t('timetable.settings.subtitle', { term: currentTerm.name })}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        className="jw-tt-settings-tabs"
        items={[
          { key: 'schedule', label: <span data-testid="tts-tab-schedule">{t('timetable.settings.tabSchedule')}</span>, children: <ScheduleTab termId={currentTerm.id} /> },
          { key: 'rooms', label: <span data-testid="tts-tab-rooms">{t('timetable.settings.tabRooms')}</span>, children: <RoomsTab /> },
          { key: 'unavailable', label: <span data-testid="tts-tab-unavailable">{t('timetable.settings.tabUnavailable')}</span>, children: <UnavailableTab termId={currentTerm.id} /> },
        ]}
      />
    </Page>
  );
}
