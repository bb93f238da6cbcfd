/**
 * #/struggling (学困生档案, 一生一案): candidates from an exam and nominations, the list of files with tutoring
 * reminders, the transformation rates, one file in a drawer, the printouts and the retention purge.
 */
import { DeleteOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Empty, InputNumber, Space, Tabs, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StrugglingSettings } from '../../../../shared/contract';
import { compareZh } from '../../../../shared/domain/text';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError } from '../../app/useApiError';
import { Page } from '../../components/Page';
import { CandidatesTab } from './CandidatesTab';
import type { Lookups } from './common';
import { PurgeModal, RosterPrintModal } from './Dialogs';
import { FileDrawer } from './FileDrawer';
import { FilesTab } from './FilesTab';
import { RatesTab } from './RatesTab';
import './struggling.css';

export default function StrugglingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { currentTerm: term } = useAppState();
  const showError = useApiError();
  const [tab, setTab] = useState('files');
  const [lookups, setLookups] = useState<Lookups>({ teachers: [], classes: [], subjects: [] });
  const [settings, setSettings] = useState<StrugglingSettings | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [changes, setChanges] = useState(0);
  const [rosterOpen, setRosterOpen] = useState(false);
  const [purgeOpen, setPurgeOpen] = useState(false);

  useEffect(() => {
    Promise.all([api.call('teachers/list', {}), api.call('school/listClasses', {}), api.call('school/listSubjects', {}), api.call('struggling/getSettings', {})])
      .then(([ts, cs, ss, st]) => {
        setLookups({
          teachers: ts.filter((x) => !x.archived).sort((a, b) => compareZh(a.name, b.name)),
          classes: cs.filter((x) => !x.archived).sort((a, b) => a.gradeLevel - b.gradeLevel || a.classNo - b.classNo),
          subjects: ss.filter((x) => !x.archived),
        });
        setSettings(st);
      }, showError);
  }, [showError]);

  const bump = useCallback(() => setChanges((n) => n + 1), []);
  const open = useCallback((id: number) => setOpenId(id), []);

  const saveWeeks = async (weeks: number | null) => {
    if (!settings || !weeks || weeks === settings.reminderWeeks) return;
    try {
      setSettings(await api.call('struggling/saveSettings', { ...settings, reminderWeeks: weeks }));
      void message.success(t('struggling.settingsSaved'));
    } catch (e) {
      showError(e);
    }
  };

  if (!term) return <Page title={t('struggling.title')}><Empty description={t('struggling.noTerm')} /></Page>;

  return (
    <Page
      title={t('struggling.title')}
      subtitle={term.name}
      extra={(
        <Space wrap>
          <Tooltip title={t('struggling.reminderWeeksHint')}>
            <span className="sf-weeks">
              {t('struggling.reminderWeeks')}
              <InputNumber
                size="small" min={1} max={26} style={{ width: 64 }} value={settings?.reminderWeeks}
                onChange={(v) => void saveWeeks(v)} data-testid="sf-reminder-weeks" aria-label={t('struggling.reminderWeeks')}
              />
            </span>
          </Tooltip>
          <Button icon={<PrinterOutlined />} onClick={() => setRosterOpen(true)} data-testid="sf-print-roster">{t('struggling.roster.button')}</Button>
          <Button danger icon={<DeleteOutlined />} onClick={() => setPurgeOpen(true)} data-testid="sf-purge">{t('struggling.purge.button')}</Button>
        </Space>
      )}
    >
      <Tabs
        className="jw-fill-tabs sf-tabs"
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'candidates', label: <span data-testid="sf-tab-candidates">{t('struggling.tabs.candidates')}</span>,
            children: tab === 'candidates'
              ? <CandidatesTab term={term} lookups={lookups} settings={settings} onSettings={setSettings} onConfirmed={bump} onOpen={open} />
              : null,
          },
          {
            key: 'files', label: <span data-testid="sf-tab-files">{t('struggling.tabs.files')}</span>,
            children: <FilesTab term={term} lookups={lookups} reloadKey={changes} reminderWeeks={settings?.reminderWeeks ?? 2} onOpen={open} />,
          },
          {
            key: 'rates', label: <span data-testid="sf-tab-rates">{t('struggling.tabs.rates')}</span>,
            children: tab === 'rates' ? <RatesTab term={term} reloadKey={changes} /> : null,
          },
        ]}
      />
      <FileDrawer fileId={openId} lookups={lookups} onClose={() => setOpenId(null)} onChanged={bump} />
      <RosterPrintModal open={rosterOpen} term={term} onClose={() => setRosterOpen(false)} />
      <PurgeModal open={purgeOpen} onClose={() => setPurgeOpen(false)} onPurged={bump} />
    </Page>
  );
}
