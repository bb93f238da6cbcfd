/**
 * #/mentors (师徒结对, 青蓝工程): the pairs of the current term with each duty's progress pro rata to today, who
 * is behind, the programme figures; one pair in a drawer (duties, activity log, counted observations, the bound
 * evaluation, the printouts); the school's default duties and weights.
 */
import { PlusOutlined, PrinterOutlined, SettingOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Space, Statistic, Switch, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DUTY_KEYS, type DutyKey, type PairRow, type ProgrammeSummary } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError } from '../../app/useApiError';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { Page } from '../../components/Page';
import { printReport } from '../../components/printReport';
import { dutyColor, LEVEL_COLOR } from './common';
import { PairDrawer } from './PairDrawer';
import { PairFormModal } from './PairFormModal';
import { SettingsModal } from './SettingsModal';
import './mentors.css';

export default function MentorsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { currentTerm: term } = useAppState();
  const showError = useApiError();
  const [summary, setSummary] = useState<ProgrammeSummary | null>(null);
  const [reload, setReload] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [onlyBehind, setOnlyBehind] = useState(false);
  const [printing, setPrinting] = useState(false);
  const bump = useCallback(() => setReload((n) => n + 1), []);

  const load = useCallback(async () => {
    void reload;
    if (!term) return [];
    const s = await api.call('mentors/list', { termId: term.id });
    setSummary(s);
    return onlyBehind ? s.pairs.filter((p) => p.progress?.behind) : s.pairs;
  }, [term, reload, onlyBehind]);

  const dutyCol = useCallback((key: DutyKey): GridColumn<PairRow> => ({
    field: 'duties', header: t(`mentors.dutyShort.${key}`), width: 78,
    colDef: {
      colId: `duty-${key}`, sortable: false, filter: false, floatingFilter: false,
      cellRenderer: (p: { data?: PairRow }) => {
        const d = p.data?.progress?.duties.find((x) => x.key === key);
        if (!d) return <span className="mt-none">—</span>;
        return (
          <Tooltip title={t('mentors.dutyTip', { due: d.dueSoFar, from: d.window.from, to: d.window.to })}>
            <Tag color={dutyColor(d)} data-testid={`mt-duty-${key}`}>{d.done}/{d.target}</Tag>
          </Tooltip>
        );
      },
    },
  }), [t]);

  const columns = useMemo<GridColumn<PairRow>[]>(() => [
    { field: 'mentorName', header: t('mentors.col.mentor'), kind: 'person', width: 96, pinned: 'left' },
    { field: 'apprenticeName', header: t('mentors.col.apprentice'), kind: 'person', width: 96, pinned: 'left' },
    { field: 'subjectName', header: t('mentors.col.subject'), width: 100 },
    { field: 'endDate', header: t('mentors.col.period'), width: 180, colDef: { valueGetter: (p: { data?: PairRow }) => (p.data ? `${p.data.startDate} ～ ${p.data.endDate}` : '') } },
    ...DUTY_KEYS.map(dutyCol),
    {
      field: 'progress', header: t('mentors.col.levels'), width: 130,
      colDef: {
        sortable: false, filter: false, floatingFilter: false,
        cellRenderer: (p: { data?: PairRow }) => {
          const g = p.data?.progress;
          if (!g) return null;
          // Only a confirmed assessment is a result: mid-term live figures would read as failures.
          if (!g.assessment) return <span className="mt-none">{t('mentors.notAssessed')}</span>;
          const a = g.assessment.apprenticeLevel;
          const m = g.assessment.mentorLevel;
          return <span>{a && <Tag color={LEVEL_COLOR[a]}>{t('mentors.apprenticeShort')}{a}</Tag>}{m && <Tag color={LEVEL_COLOR[m]}>{t('mentors.mentorShort')}{m}</Tag>}</span>;
        },
      },
    },
    {
      field: 'status', header: t('mentors.col.status'), width: 110,
      colDef: {
        cellRenderer: (p: { data?: PairRow }) => p.data && (
          <span>{t(`mentors.status.${p.data.status}`)}{p.data.progress?.behind && <Tag color="error" icon={<WarningOutlined />} style={{ marginInlineStart: 4 }} data-testid="mt-behind">{t('mentors.behind')}</Tag>}</span>
        ),
      },
    },
    {
      field: 'id', header: t('mentors.actions'), width: 80, pinned: 'right',
      colDef: {
        sortable: false, filter: false, floatingFilter: false,
        cellRenderer: (p: { data?: PairRow }) => p.data && (
          <Button size="small" type="link" data-testid={`mt-open-${p.data.id}`} onClick={() => setOpenId(p.data!.id)}>{t('mentors.open')}</Button>
        ),
      },
    },
  ], [t, dutyCol]);

  useEffect(() => { setOpenId(null); }, [term?.id]);

  const printSummary = async () => {
    if (!term) return;
    setPrinting(true);
    try {
      if (await printReport('mentor-summary', { termId: term.id })) void message.success(t('mentors.printed'));
    } catch (e) { showError(e); } finally { setPrinting(false); }
  };

  if (!term) return <Page title={t('mentors.title')}><Empty description={t('mentors.noTerm')} /></Page>;
  const behind = summary?.pairs.filter((p) => p.progress?.behind) ?? [];

  return (
    <Page
      title={t('mentors.title')}
      subtitle={term.name}
      extra={(
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="mt-new">{t('mentors.new')}</Button>
          <Button icon={<PrinterOutlined />} loading={printing} onClick={() => void printSummary()} data-testid="mt-print-summary">{t('mentors.printSummary')}</Button>
          <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)} data-testid="mt-settings">{t('mentors.settings')}</Button>
        </Space>
      )}
    >
      <div className="mt-page">
        {summary && (
          <div className="mt-stats" data-testid="mt-stats">
            <Card size="small"><Statistic title={t('mentors.stat.pairs')} value={summary.pairs.length} /></Card>
            <Card size="small"><Statistic title={t('mentors.stat.behind')} value={summary.behind} valueStyle={summary.behind ? { color: '#cf1322' } : undefined} /></Card>
            {summary.byDuty.map((d) => (
              <Card size="small" key={d.key}>
                <Statistic title={t(`mentors.dutyShort.${d.key}`)} value={d.done} suffix={`/ ${d.target}`} />
                <div className="mt-stat-note">{t('mentors.stat.metPairs', { met: d.met, pairs: d.pairs })}</div>
              </Card>
            ))}
          </div>
        )}
        {behind.length > 0 && (
          <Alert
            type="warning" showIcon data-testid="mt-behind-alert"
            title={t('mentors.behindAlert', { count: behind.length, asOf: summary?.asOf })}
            description={behind.slice(0, 8).map((p) => `${p.mentorName}—${p.apprenticeName}：${(p.progress?.duties ?? []).filter((d) => !d.met && (d.status !== 'onTrack' || d.endingSoon)).map((d) => `${t(`mentors.dutyShort.${d.key}`)} ${d.done}/${d.target}`).join('，')}`).join('；')}
            action={<Space><span>{t('mentors.onlyBehind')}</span><Switch size="small" checked={onlyBehind} onChange={setOnlyBehind} data-testid="mt-only-behind" /></Space>}
          />
        )}
        <div className="mt-grid">
          <DataGrid<PairRow> id="mentor-pairs" columns={columns} load={load} />
        </div>
      </div>
      <PairDrawer pairId={openId} termId={term.id} onClose={() => setOpenId(null)} onChanged={bump} />
      <PairFormModal open={creating} pair={null} onClose={() => setCreating(false)} onSaved={(p) => { setCreating(false); bump(); setOpenId(p.id); }} />
      <SettingsModal open={settingsOpen} onClose={() => setSettingsOpen(false)} onSaved={bump} />
    </Page>
  );
}
