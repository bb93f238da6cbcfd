/**
 * #/training (教师培训): the register (entries, certificates, a batch for a school-based training, import from
 * the county's roster), the five-year cycle (each teacher's hours, pace, completion, by level) and the teacher
 * indicators of the equity inspection for a school year.
 */
import { ImportOutlined, PlusOutlined, PrinterOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { App, Button, Space, Tabs } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/useApiError';
import { Page } from '../../components/Page';
import { printReport } from '../../components/printReport';
import { BatchModal, EntryModal, TrainingSettingsModal } from './Dialogs';
import { CycleTab } from './CycleTab';
import { EntriesTab } from './EntriesTab';
import { IndicatorsTab } from './IndicatorsTab';
import './training.css';

export default function TrainingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [tab, setTab] = useState('entries');
  const [reload, setReload] = useState(0);
  const [entryOpen, setEntryOpen] = useState(false);
  const [batchId, setBatchId] = useState<number | null | undefined>(undefined);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [printing, setPrinting] = useState(false);
  const bump = useCallback(() => setReload((n) => n + 1), []);

  const printSummary = async () => {
    setPrinting(true);
    try {
      if (await printReport('training-summary', {})) void message.success(t('training.printed'));
    } catch (e) { showError(e); } finally { setPrinting(false); }
  };

  return (
    <Page
      title={t('training.title')}
      extra={(
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEntryOpen(true)} data-testid="tr-new">{t('training.new')}</Button>
          <Button icon={<TeamOutlined />} onClick={() => setBatchId(null)} data-testid="tr-batch">{t('training.batch')}</Button>
          <Button icon={<ImportOutlined />} href="#/import?kind=training" data-testid="tr-import">{t('training.import')}</Button>
          <Button icon={<PrinterOutlined />} loading={printing} onClick={() => void printSummary()} data-testid="tr-print-summary">{t('training.printSummary')}</Button>
          <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)} data-testid="tr-settings">{t('training.settings')}</Button>
        </Space>
      )}
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        className="jw-fill-tabs tr-tabs"
        items={[
          { key: 'entries', label: <span data-testid="tr-tab-entries">{t('training.tabs.entries')}</span>, children: <EntriesTab reloadKey={reload} onChanged={bump} onEditBatch={setBatchId} /> },
          { key: 'cycle', label: <span data-testid="tr-tab-cycle">{t('training.tabs.cycle')}</span>, children: tab === 'cycle' ? <CycleTab reloadKey={reload} /> : null },
          { key: 'indicators', label: <span data-testid="tr-tab-indicators">{t('training.tabs.indicators')}</span>, children: tab === 'indicators' ? <IndicatorsTab reloadKey={reload} /> : null },
        ]}
      />
      <EntryModal open={entryOpen} entry={null} onClose={() => setEntryOpen(false)} onSaved={() => { setEntryOpen(false); bump(); }} />
      <BatchModal batchId={batchId} onClose={() => setBatchId(undefined)} onSaved={() => { setBatchId(undefined); bump(); }} />
      <TrainingSettingsModal open={settingsOpen} onClose={() => setSettingsOpen(false)} onSaved={bump} />
    </Page>
  );
}
