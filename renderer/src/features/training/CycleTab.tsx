/** 周期完成情况: the cycle on a day, each teacher's hours against what is owed and due, completion, hours by level; prints records. */
import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Space, Statistic, Tag } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRAINING_LEVELS, type CycleReport, type CycleTeacherRow } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { printReport } from '../../components/printReport';

const STATUS_COLOR = { complete: 'success', onPace: 'processing', behind: 'error' } as const;
type Row = CycleTeacherRow & { id: number };

export function CycleTab({ reloadKey }: { reloadKey: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [asOf, setAsOf] = useState<string | null>(null);
  const [report, setReport] = useState<CycleReport | null>(null);
  const [selected, setSelected] = useState<Row[]>([]);
  const [printing, setPrinting] = useState(false);

  const load = useCallback(async () => {
    void reloadKey;
    const r = await api.call('training/cycle', { asOf });
    setReport(r);
    return r.teachers.map((x) => ({ ...x, id: x.teacherId }));
  }, [reloadKey, asOf]);

  const columns = useMemo<GridColumn<Row>[]>(() => [
    { field: 'teacherName', header: t('training.col.teacher'), kind: 'person', width: 96, pinned: 'left' },
    { field: 'staffNo', header: t('training.col.staffNo'), width: 90 },
    { field: 'hireDate', header: t('training.col.hireDate'), kind: 'date', width: 110 },
    ...TRAINING_LEVELS.map((l): GridColumn<Row> => ({ field: 'byLevel', header: t(`training.level.${l}`), width: 70, colDef: { colId: `lv-${l}`, valueGetter: (p: { data?: Row }) => p.data?.byLevel[l] ?? 0 } })),
    { field: 'hours', header: t('training.col.cycleHours'), kind: 'number', width: 90 },
    { field: 'required', header: t('training.col.required'), kind: 'number', width: 80 },
    { field: 'due', header: t('training.col.due'), kind: 'number', width: 80 },
    {
      field: 'status', header: t('training.col.status'), width: 100,
      colDef: { cellRenderer: (p: { data?: Row }) => p.data && <Tag color={STATUS_COLOR[p.data.status]} data-testid={`tr-status-${p.data.status}`}>{t(`training.status.${p.data.status}`)}</Tag> },
    },
  ], [t]);

  const printRecords = async () => {
    setPrinting(true);
    try {
      if (await printReport('training-record', { teacherIds: selected.map((s) => s.teacherId) })) void message.success(t('training.printed'));
    } catch (e) { showError(e); } finally { setPrinting(false); }
  };

  const c = report?.completion;
  return (
    <div className="tr-pane">
      {report && c && (
        <div className="tr-stats" data-testid="tr-cycle-stats">
          <Card size="small"><Statistic title={t('training.stat.cycle')} value={`${report.cycle.start} ～ ${report.cycle.end}`} valueStyle={{ fontSize: 14 }} /></Card>
          <Card size="small"><Statistic title={t('training.stat.rate')} value={c.rate === null ? '—' : (c.rate * 100).toFixed(1)} suffix={c.rate === null ? '' : '%'} valueStyle={c.rate !== null && c.rate < 1 ? { color: '#cf1322' } : undefined} /></Card>
          <Card size="small"><Statistic title={t('training.stat.complete')} value={c.complete} suffix={`/ ${c.teachers}`} /></Card>
          <Card size="small"><Statistic title={t('training.stat.onPace')} value={c.onPace} /></Card>
          <Card size="small"><Statistic title={t('training.stat.behind')} value={c.behind} valueStyle={c.behind ? { color: '#cf1322' } : undefined} /></Card>
          <Card size="small">
            <div className="tr-levels" data-testid="tr-by-level">{TRAINING_LEVELS.map((l) => <div key={l}>{t('training.hoursOf', { level: t(`training.level.${l}`) })}：{report.byLevel[l]}</div>)}</div>
          </Card>
        </div>
      )}
      <div className="tr-grid">
        <DataGrid<Row>
          id="training-cycle" columns={columns} load={load} onSelect={setSelected}
          toolbar={(
            <Space>
              <span>{t('training.asOf')}</span>
              <DatePicker allowClear value={asOf ? dayjs(asOf) : null} onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : null)} placeholder={t('training.today')} data-testid="tr-asof" />
              <Button icon={<PrinterOutlined />} loading={printing} onClick={() => void printRecords()} data-testid="tr-print-records">
                {selected.length ? t('training.printSelected', { count: selected.length }) : t('training.printAll')}
              </Button>
            </Space>
          )}
        />
      </div>
    </div>
  );
}
