/**
 * #/monthly-check (教学常规月查): pick a month of the current term, start its check (one sheet per teacher,
 * prefilled by core) or open it when started, watch the progress (overall and per 教研组), enter scores fast in
 * the sheets grid, and print: all sheets, the monthly bulletin (PDF and Word), the teacher term summary, and the
 * month's / term's Excel.
 */
import {
  DeleteOutlined, FileExcelOutlined, FilePdfOutlined, FileWordOutlined, LineChartOutlined, PlayCircleOutlined, PrinterOutlined, SyncOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Dropdown, Empty, Popconfirm, Progress, Select, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilePayload, MonthlyCheckMonth, MonthlyProgress, MonthlySheets, Teacher } from '../../../../shared/contract';
import { compareZh } from '../../../../shared/domain/text';
import { api, saveFile } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError } from '../../app/useApiError';
import { Page } from '../../components/Page';
import { monthLabel } from '../../components/routine-levels';
import { SheetsGrid } from './SheetsGrid';
import { TermSummaryModal } from './TermSummaryModal';
import './monthly.css';
import { schoolMonth } from '../../../../shared/domain/dates';

type Job = 'start' | 'refresh' | 'discard' | 'sheets' | 'bulletinPdf' | 'bulletinDocx' | 'monthXlsx' | 'termXlsx';

const thisMonth = () => schoolMonth();

/** The month to open first: this month when the term has it, else the latest started one, else the first. */
function defaultMonth(months: MonthlyCheckMonth[]): string | null {
  const now = thisMonth();
  if (months.some((m) => m.month === now)) return now;
  const started = months.filter((m) => m.started);
  return started.length ? started[started.length - 1].month : months[0]?.month ?? null;
}

export default function MonthlyCheckPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { currentTerm: term, status } = useAppState();
  const [months, setMonths] = useState<MonthlyCheckMonth[] | null>(null);
  const [month, setMonth] = useState<string | null>(null);
  const [sheets, setSheets] = useState<MonthlySheets | null>(null);
  const [progress, setProgress] = useState<MonthlyProgress | null>(null);
  const [loading, setLoading] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const [teachers, setTeachers] = useState<Teacher[]>([]);
  const [summaryOpen, setSummaryOpen] = useState(false);

  const loadMonths = useCallback(async () => {
    if (!term) return;
    try {
      const list = await api.call('monthly-check/months', { termId: term.id });
      setMonths(list);
      setMonth((cur) => (cur && list.some((m) => m.month === cur) ? cur : defaultMonth(list)));
    } catch (e) {
      setMonths([]);
      showError(e);
    }
  }, [term, showError]);

  useEffect(() => { setMonth(null); setSheets(null); void loadMonths(); }, [loadMonths]);
  useEffect(() => {
    api.call('teachers/list', {}).then((ts) => setTeachers(ts.filter((x) => !x.archived).sort((a, b) => compareZh(a.name, b.name))), showError);
  }, [showError]);

  const loadProgress = useCallback(async () => {
    if (!term || !month) return;
    try {
      setProgress(await api.call('monthly-check/progress', { termId: term.id, month }));
    } catch (e) {
      showError(e);
    }
  }, [term, month, showError]);

  // Opening a month: its sheets (empty rows when not started) and its progress.
  useEffect(() => {
    if (!term || !month) return;
    let live = true;
    setLoading(true);
    setSheets(null);
    setProgress(null);
    Promise.all([api.call('monthly-check/sheets', { termId: term.id, month }), api.call('monthly-check/progress', { termId: term.id, month })]).then(
      ([s, p]) => { if (live) { setSheets(s); setProgress(p); } },
      (e) => { if (live) showError(e); },
    ).finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [term, month, showError]);

  const run = useCallback(async (which: Job, fn: () => Promise<void>) => {
    setJob(which);
    try {
      await fn();
    } catch (e) {
      showError(e);
    } finally {
      setJob(null);
    }
  }, [showError]);

  const start = () => run('start', async () => {
    const r = await api.call('monthly-check/start', { termId: term!.id, month: month! });
    setSheets(r);
    void message.success(r.alreadyStarted ? t('monthly.alreadyStarted') : t('monthly.started', { n: r.created }));
    await Promise.all([loadProgress(), loadMonths()]);
  });
  const refresh = () => run('refresh', async () => {
    setSheets(await api.call('monthly-check/refresh', { termId: term!.id, month: month! }));
    void message.success(t('monthly.refreshed'));
    await loadProgress();
  });
  const discard = () => run('discard', async () => {
    await api.call('monthly-check/discard', { termId: term!.id, month: month! });
    setSheets(await api.call('monthly-check/sheets', { termId: term!.id, month: month! }));
    void message.success(t('monthly.discarded'));
    await Promise.all([loadProgress(), loadMonths()]);
  });
  const download = (which: Job, get: () => Promise<FilePayload & { pages?: number }>) => run(which, async () => {
    const f = await get();
    if (await saveFile(f)) {
      void message.success(f.pages ? t('monthly.printed', { file: f.fileName, pages: f.pages }) : t('monthly.exported', { file: f.fileName }));
    }
  });
  const params = () => ({ termId: term!.id, month: month! });

  const onSaved = useCallback(() => {
    void loadProgress();
    void loadMonths(); // the month picker shows checked / total too
  }, [loadProgress, loadMonths]);

  const monthOptions = useMemo(() => (months ?? []).map((m) => ({
    value: m.month,
    label: (
      <span className="mc-month-option">
        {monthLabel(t, m.month)}
        {m.started && <Tag color={m.checked >= m.total && m.total > 0 ? 'green' : 'blue'}>{m.checked}/{m.total}</Tag>}
      </span>
    ),
  })), [months, t]);

  if (!term) return <Page title={t('monthly.title')}><Empty description={t('monthly.noTerm')} /></Page>;

  const started = !!sheets?.started;
  const printouts = (
    <>
      <Button type="primary" icon={<PrinterOutlined />} loading={job === 'sheets'} data-testid="mc-print-sheets"
        onClick={() => download('sheets', () => api.call('reports/pdf', { reportId: 'monthly-sheets', params: params() }))}>
        {t('monthly.printSheets')}
      </Button>
      <Button icon={<FilePdfOutlined />} loading={job === 'bulletinPdf'} data-testid="mc-bulletin-pdf"
        onClick={() => download('bulletinPdf', () => api.call('reports/pdf', { reportId: 'monthly-bulletin', params: params() }))}>
        {t('monthly.bulletinPdf')}
      </Button>
      <Button icon={<FileWordOutlined />} loading={job === 'bulletinDocx'} data-testid="mc-bulletin-docx"
        onClick={() => download('bulletinDocx', () => api.call('monthly-check/bulletinDocx', params()))}>
        {t('monthly.bulletinDocx')}
      </Button>
      <Button icon={<LineChartOutlined />} data-testid="mc-term-summary" onClick={() => setSummaryOpen(true)}>
        {t('monthly.termSummary')}
      </Button>
      <Dropdown
        menu={{
          items: [
            { key: 'month', label: <span data-testid="mc-export-month">{t('monthly.exportMonth')}</span> },
            { key: 'term', label: <span data-testid="mc-export-term">{t('monthly.exportTerm')}</span> },
          ],
          onClick: ({ key }) => (key === 'month'
            ? download('monthXlsx', () => api.call('monthly-check/monthXlsx', params()))
            : download('termXlsx', () => api.call('monthly-check/termXlsx', { termId: term.id }))),
        }}
      >
        <Button icon={<FileExcelOutlined />} loading={job === 'monthXlsx' || job === 'termXlsx'} data-testid="mc-export">{t('monthly.exportExcel')}</Button>
      </Dropdown>
    </>
  );
  const pct = progress && progress.total ? Math.round((progress.checked / progress.total) * 100) : 0;

  return (
    <Page
      title={t('monthly.title')}
      subtitle={term.name}
      extra={(
        <Space wrap>
          <Select
            data-testid="mc-month"
            value={month ?? undefined}
            onChange={setMonth}
            options={monthOptions}
            loading={months === null}
            style={{ width: 170 }}
            placeholder={t('monthly.pickMonth')}
          />
          {sheets && !started && (
            <Button type="primary" icon={<PlayCircleOutlined />} loading={job === 'start'} onClick={start} data-testid="mc-start">
              {t('monthly.start')}
            </Button>
          )}
          {started && (
            <>
              <Tooltip title={t('monthly.refreshHint')}>
                <Button icon={<SyncOutlined />} loading={job === 'refresh'} onClick={refresh} data-testid="mc-refresh">{t('monthly.refresh')}</Button>
              </Tooltip>
              <Popconfirm title={t('monthly.discardConfirm')} onConfirm={discard} okButtonProps={{ danger: true }}>
                <Button danger icon={<DeleteOutlined />} loading={job === 'discard'} data-testid="mc-discard" disabled={!!progress?.checked}>{t('monthly.discard')}</Button>
              </Popconfirm>
            </>
          )}
        </Space>
      )}
    >
      <div className="mc-body">
        {loading || !sheets ? (
          months && months.length === 0 ? <Empty description={t('monthly.noMonths')} /> : <Spin style={{ margin: 40 }} />
        ) : !started ? (
          <Card className="mc-empty" data-testid="mc-not-started">
            <Empty description={t('monthly.notStarted', { month: monthLabel(t, sheets.month) })}>
              <Button type="primary" size="large" icon={<PlayCircleOutlined />} loading={job === 'start'} onClick={start} data-testid="mc-start-big">
                {t('monthly.start')}
              </Button>
              <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('monthly.startHint')}</Typography.Paragraph>
            </Empty>
          </Card>
        ) : (
          <>
            <div className="mc-top">
              <Card size="small" className="mc-progress" data-testid="mc-progress">
                <div className="mc-progress-main">
                  <Progress type="circle" size={72} percent={pct} format={() => `${progress?.checked ?? 0}/${progress?.total ?? 0}`} />
                  <div>
                    <div className="mc-progress-title">{t('monthly.progressTitle')}</div>
                    <div data-testid="mc-progress-text">
                      {t('monthly.progressLine', { checked: progress?.checked ?? 0, total: progress?.total ?? 0, confirmed: progress?.confirmed ?? 0 })}
                    </div>
                  </div>
                </div>
                <div className="mc-groups" data-testid="mc-progress-groups">
                  {(progress?.byGroup ?? []).map((g) => (
                    <div key={g.groupId ?? 'none'} className="mc-group">
                      <span className="mc-group-name" title={g.groupName}>{g.groupId == null ? t('monthly.noGroup') : g.groupName}</span>
                      <Progress size="small" percent={g.total ? Math.round((g.checked / g.total) * 100) : 0} format={() => `${g.checked}/${g.total}`} />
                    </div>
                  ))}
                </div>
              </Card>
            </div>
            <div className="mc-grid">
              <SheetsGrid sheets={sheets} operator={status.operator} onSaved={onSaved} toolbar={printouts} />
            </div>
          </>
        )}
      </div>
      <TermSummaryModal open={summaryOpen} term={term} teachers={teachers} initialTeacherId={null} onClose={() => setSummaryOpen(false)} />
    </Page>
  );
}
