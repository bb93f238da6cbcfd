/**
 * #/dossier (迎检资料): the inspections; per inspection its indicators with their evidence and readiness (what
 * is still missing a month before the visit), the school's self-assessment report, and composing the dossier
 * (the whole PDF, one volume per indicator, the Word file) with progress and cancel.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, FileExcelOutlined, FilePdfOutlined, FileWordOutlined, OrderedListOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Empty, Input, List, Progress, Select, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierOutput, Indicator, InspectionDetail, InspectionSummary, JobStatus } from '../../../../shared/contract';
import { api, saveFile } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { Page } from '../../components/Page';
import { IndicatorDrawer } from './IndicatorDrawer';
import { InspectionModal } from './InspectionModal';
import { reasonsText, StatusTag } from './StatusTag';
import { formatBytes, useJob } from './useJob';
import './dossier.css';

const pollCompose = (jobId: string) => api.call('dossier/job', { jobId });

export default function DossierPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const [list, setList] = useState<InspectionSummary[]>([]);
  const [id, setId] = useState<number | null>(null);
  const [detail, setDetail] = useState<InspectionDetail | null>(null);
  const [output, setOutput] = useState<DossierOutput | null>(null);
  const [modalOpen, setModalOpen] = useState<'new' | 'edit' | null>(null);
  const [drawerId, setDrawerId] = useState<number | null>(null);
  const [tab, setTab] = useState('indicators');
  const [overall, setOverall] = useState('');
  const [opts, setOpts] = useState({ whole: true, volumes: true, word: true });

  const loadList = useCallback(async (pick?: number) => {
    const ls = await api.call('dossier/list', {});
    setList(ls);
    setId((cur) => pick ?? (cur && ls.some((x) => x.id === cur) ? cur : ls[0]?.id ?? null));
  }, []);
  const load = useCallback(async () => {
    if (!id) { setDetail(null); setOutput(null); return; }
    const [d, o] = await Promise.all([api.call('dossier/get', { id }), api.call('dossier/output', { id })]);
    setDetail(d);
    setOverall(d.inspection.overallText ?? '');
    setOutput(o);
  }, [id]);
  useEffect(() => { void loadList().catch(showError); }, [loadList, showError]);
  useEffect(() => { void load().catch(showError); }, [load, showError]);

  const { job, start } = useJob<DossierOutput>(pollCompose, (s: JobStatus<DossierOutput>) => {
    if (s.state === 'done') { void message.success(t('dossier.compose.done', { pages: s.result?.files[0]?.pages ?? 0 })); void load(); }
    else if (s.state === 'cancelled') void message.info(t('dossier.compose.cancelled'));
    else if (s.error) showError(s.error);
  });
  const running = job?.state === 'running';

  const act = async (fn: () => Promise<unknown>) => { try { await fn(); await load(); } catch (e) { showError(e); } };
  const drawer = useMemo(() => detail?.indicators.find((i) => i.id === drawerId) ?? null, [detail, drawerId]);
  const current = list.find((x) => x.id === id) ?? null;

  const remove = () => modal.confirm({
    title: t('dossier.confirmDelete', { name: current?.name }), okButtonProps: { danger: true },
    onOk: () => act(async () => { await api.call('dossier/delete', { id: id! }); await loadList(); }),
  });

  const columns = [
    { title: t('dossier.col.code'), dataIndex: 'code', width: 70 },
    { title: t('dossier.col.text'), dataIndex: 'text', render: (v: string, r: Indicator) => <a onClick={() => setDrawerId(r.id)} data-testid={`ds-ind-${r.code}`}>{v}</a> },
    { title: t('dossier.col.value'), width: 220, render: (_: unknown, r: Indicator) => (r.value ? <Typography.Text type={r.value.met === false ? 'danger' : undefined}>{r.value.summary}</Typography.Text> : r.standard ?? '') },
    { title: t('dossier.col.evidence'), width: 64, render: (_: unknown, r: Indicator) => r.evidence.length },
    { title: t('dossier.col.status'), width: 220, render: (_: unknown, r: Indicator) => <Space direction="vertical" size={0}><StatusTag status={r.readiness.status} />{r.readiness.status !== 'na' && r.readiness.reasons.length > 0 && <Typography.Text type="secondary" className="ds-reasons">{reasonsText(t, r.readiness.reasons)}</Typography.Text>}</Space> },
    {
      title: '', width: 72, render: (_: unknown, r: Indicator) => (
        <Space size={0}>
          <Button size="small" type="text" icon={<ArrowUpOutlined />} title={t('dossier.up')} onClick={() => void act(() => api.call('dossier/moveIndicator', { id: r.id, direction: 'up' }))} />
          <Button size="small" type="text" icon={<ArrowDownOutlined />} title={t('dossier.down')} onClick={() => void act(() => api.call('dossier/moveIndicator', { id: r.id, direction: 'down' }))} />
        </Space>
      ),
    },
  ];

  const addIndicator = async () => {
    if (!detail) return;
    const last = detail.indicators[detail.indicators.length - 1];
    await act(async () => {
      const r = await api.call('dossier/saveIndicator', { inspectionId: detail.inspection.id, partNo: last?.partNo ?? '一', partName: last?.partName ?? t('dossier.ind.newPart'), code: `${last?.partNo ?? '一'}-${detail.indicators.filter((i) => i.partNo === (last?.partNo ?? '一')).length + 1}`, text: t('dossier.ind.newText') });
      setDrawerId(r.id);
    });
  };

  const compose = async () => {
    try { start(await api.call('dossier/compose', { inspectionId: id!, ...opts })); } catch (e) { showError(e); }
  };

  const grouped = useMemo(() => {
    const parts: { key: string; title: string; rows: Indicator[] }[] = [];
    for (const i of detail?.indicators ?? []) {
      const last = parts[parts.length - 1];
      if (last && last.key === i.partNo) last.rows.push(i);
      else parts.push({ key: i.partNo, title: `${i.partNo}、${i.partName}`, rows: [i] });
    }
    return parts;
  }, [detail]);

  return (
    <Page
      title={t('dossier.title')}
      extra={(
        <Space wrap>
          <Select style={{ width: 330 }} value={id ?? undefined} onChange={setId} placeholder={t('dossier.pick')} options={list.map((x) => ({ value: x.id, label: `${x.name}（${x.visitDate}）` }))} data-testid="ds-pick" />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setModalOpen('new')} data-testid="ds-new">{t('dossier.new')}</Button>
          <Button icon={<EditOutlined />} disabled={!current} onClick={() => setModalOpen('edit')}>{t('dossier.edit')}</Button>
          <Button icon={<FileExcelOutlined />} disabled={!current} onClick={() => void api.call('dossier/exportFramework', { id: id! }).then(saveFile).catch(showError)} data-testid="ds-export">{t('dossier.exportFramework')}</Button>
          <Button danger icon={<DeleteOutlined />} disabled={!current} onClick={remove}>{t('dossier.delete')}</Button>
        </Space>
      )}
    >
      {!detail ? <Empty description={t('dossier.empty')} /> : (
        <div className="ds-body">
          <div className="ds-summary" data-testid="ds-summary">
            <Progress type="circle" size={64} percent={detail.readiness.percent ?? 0} format={(p) => `${p}%`} />
            <Statistic title={t('dossier.summary.complete')} value={detail.readiness.counts.complete} suffix={`/ ${detail.readiness.applicable}`} />
            <Statistic title={t('dossier.summary.missing')} value={detail.readiness.counts.missing} valueStyle={{ color: '#d46b08' }} />
            <Statistic title={t('dossier.summary.below')} value={detail.readiness.counts.below} valueStyle={{ color: '#cf1322' }} />
            <Statistic title={t('dossier.summary.na')} value={detail.readiness.counts.na} />
            <div className="ds-meta">
              <div>{detail.inspection.frameworkName}{detail.inspection.frameworkDocument ? `（${detail.inspection.frameworkDocument}）` : ''} · {t('dossier.rev', { rev: detail.inspection.frameworkRev })}</div>
              <div>{t('dossier.period')}：{detail.inspection.yearNames.join('、')} · {t('dossier.visit')}：{detail.inspection.visitDate}</div>
            </div>
          </div>
          <Tabs activeKey={tab} onChange={setTab} className="jw-fill-tabs" items={[
            {
              key: 'indicators', label: <span data-testid="ds-tab-indicators">{t('dossier.tabs.indicators')}</span>,
              children: (
                <div className="ds-scroll">
                  <Space style={{ marginBottom: 8 }}>
                    <Button size="small" icon={<PlusOutlined />} onClick={() => void addIndicator()} data-testid="ds-add-indicator">{t('dossier.addIndicator')}</Button>
                    <Button size="small" icon={<OrderedListOutlined />} onClick={() => void act(async () => { const r = await api.call('dossier/renumber', { id: id! }); void message.info(t('dossier.renumbered', { count: r.changed })); })}>{t('dossier.renumber')}</Button>
                  </Space>
                  {grouped.map((g) => (
                    <Card key={g.key} size="small" title={g.title} style={{ marginBottom: 8 }}>
                      <Table size="small" rowKey="id" pagination={false} dataSource={g.rows} columns={columns} data-testid={`ds-part-${g.key}`} />
                    </Card>
                  ))}
                </div>
              ),
            },
            {
              key: 'readiness', label: <span data-testid="ds-tab-readiness">{t('dossier.tabs.readiness')}</span>,
              children: (
                <div className="ds-scroll" data-testid="ds-readiness">
                  {!detail.inspection.overallText && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('dossier.overallMissing')} />}
                  {(['below', 'missing', 'complete'] as const).map((s) => {
                    const rows = detail.indicators.filter((i) => i.readiness.status === s);
                    return rows.length ? (
                      <Card key={s} size="small" style={{ marginBottom: 8 }} title={<Space><StatusTag status={s} />{t('dossier.readinessCount', { count: rows.length })}</Space>}>
                        <List size="small" dataSource={rows} renderItem={(i) => (
                          <List.Item><a onClick={() => setDrawerId(i.id)}>{i.code}{'\u3000'}{i.text.slice(0, 50)}</a><Typography.Text type="secondary">{reasonsText(t, i.readiness.reasons)}</Typography.Text></List.Item>
                        )} />
                      </Card>
                    ) : null;
                  })}
                </div>
              ),
            },
            {
              key: 'overall', label: <span data-testid="ds-tab-overall">{t('dossier.tabs.overall')}</span>,
              children: (
                <div className="ds-scroll">
                  <Typography.Paragraph type="secondary">{t('dossier.overallHint')}</Typography.Paragraph>
                  <Input.TextArea value={overall} onChange={(e) => setOverall(e.target.value)} autoSize={{ minRows: 12, maxRows: 24 }} maxLength={20000} showCount data-testid="ds-overall" />
                  <Button type="primary" style={{ marginTop: 8 }} onClick={() => void act(async () => { await api.call('dossier/saveOverall', { id: id!, overallText: overall }); void message.success(t('dossier.saved')); })} data-testid="ds-overall-save">{t('dossier.saveOverall')}</Button>
                </div>
              ),
            },
            {
              key: 'compose', label: <span data-testid="ds-tab-compose">{t('dossier.tabs.compose')}</span>,
              children: (
                <div className="ds-scroll">
                  <Space wrap>
                    <Checkbox checked={opts.whole} onChange={(e) => setOpts({ ...opts, whole: e.target.checked })}>{t('dossier.compose.whole')}</Checkbox>
                    <Checkbox checked={opts.volumes} onChange={(e) => setOpts({ ...opts, volumes: e.target.checked })}>{t('dossier.compose.volumes')}</Checkbox>
                    <Checkbox checked={opts.word} onChange={(e) => setOpts({ ...opts, word: e.target.checked })}>{t('dossier.compose.word')}</Checkbox>
                    <Button type="primary" icon={<FilePdfOutlined />} loading={running} onClick={() => void compose()} data-testid="ds-compose">{t('dossier.compose.start')}</Button>
                    {running && <Button onClick={() => void api.call('dossier/cancel', { jobId: job!.id }).catch(showError)} data-testid="ds-cancel">{t('dossier.compose.cancel')}</Button>}
                  </Space>
                  {job && running && (
                    <div style={{ marginTop: 12, maxWidth: 560 }} data-testid="ds-progress">
                      <Progress percent={job.total ? Math.round((job.done / job.total) * 100) : 0} status="active" />
                      <Typography.Text type="secondary">{t(`dossier.compose.phase.${job.phase.replace(/^dossier\.phase\./, '')}`, { defaultValue: t('dossier.compose.phase.start') })} {job.done}/{job.total}{job.etaSeconds !== null ? ` · ${t('dossier.compose.eta', { s: job.etaSeconds })}` : ''}</Typography.Text>
                    </div>
                  )}
                  {output ? (
                    <Card size="small" style={{ marginTop: 12 }} title={t('dossier.compose.last', { at: output.composedAt.slice(0, 16).replace('T', ' ') })} data-testid="ds-output">
                      {output.notes.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('dossier.compose.notes', { count: output.notes.length })} description={output.notes.slice(0, 10).join('\n')} />}
                      <List size="small" dataSource={output.files} renderItem={(f) => (
                        <List.Item actions={[<Button key="d" size="small" icon={f.kind === 'pdf' ? <FilePdfOutlined /> : <FileWordOutlined />} onClick={() => void api.call('dossier/download', { id: id!, name: f.name }).then(saveFile).catch(showError)} data-testid="ds-download">{t('dossier.download')}</Button>]}>
                          {f.name}{'\u3000'}<Typography.Text type="secondary">{f.pages !== null ? t('dossier.compose.pages', { count: f.pages }) : ''} {formatBytes(f.size)}</Typography.Text>
                        </List.Item>
                      )} />
                    </Card>
                  ) : <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('dossier.compose.never')}</Typography.Paragraph>}
                </div>
              ),
            },
          ]} />
        </div>
      )}
      <InspectionModal open={modalOpen !== null} editing={modalOpen === 'edit' ? current : null} inspections={list} onClose={() => setModalOpen(null)}
        onSaved={(newId) => { setModalOpen(null); void loadList(newId).then(load).catch(showError); }} />
      <IndicatorDrawer indicator={drawer} inspectionId={id ?? 0} onClose={() => setDrawerId(null)} onChanged={() => void load().catch(showError)} />
    </Page>
  );
}
