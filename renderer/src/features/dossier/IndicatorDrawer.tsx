/**
 * One indicator: its wording (editable: a county rewords and renumbers), the school's self-assessment, the
 * computed figure against the standard, and its evidence (add a printout, upload a scan, add a computed figure;
 * reorder; remove).
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Form, Input, Popconfirm, Radio, Select, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPUTED_KEYS, COMPUTED_LABEL, EXPANDS, type Evidence, type Indicator, type ReportInfo, type Term } from '../../../../shared/contract';
import { api, readUpload } from '../../api/client';
import { useApiError, useFormError } from '../../app/useApiError';
import { attachmentFileProblem, ATTACHMENT_FILE_TYPES, downloadAttachment } from '../../components/attachments';
import { reasonsText, StatusTag } from './StatusTag';

/** Reports a dossier can take: those whose required parameters the period fills (none, or the month). */
const usable = (r: ReportInfo) => r.required.every((k) => k === 'month');

export function IndicatorDrawer({ indicator, inspectionId, onClose, onChanged }: {
  indicator: Indicator | null; inspectionId: number; onClose: () => void; onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const formError = useFormError();
  const [form] = Form.useForm();
  const [evForm] = Form.useForm();
  const [reports, setReports] = useState<ReportInfo[]>([]);
  const [terms, setTerms] = useState<Term[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', evForm) as 'report' | 'upload' | 'computed' | undefined;
  const reportId = Form.useWatch('reportId', evForm) as string | undefined;
  const expand = Form.useWatch('expand', evForm) as string | undefined;
  useEffect(() => {
    void api.call('reports/catalogue', {}).then((rs) => setReports(rs.filter(usable)));
    void api.call('school/listTerms', {}).then(setTerms);
  }, []);
  useEffect(() => {
    if (!indicator) return;
    form.setFieldsValue({ ...indicator });
    evForm.setFieldsValue({ kind: 'report', reportId: undefined, expand: 'terms', termId: undefined, title: '', computed: indicator.computed ?? undefined });
    setFile(null);
  }, [indicator, form, evForm]);
  const report = useMemo(() => reports.find((r) => r.id === reportId), [reports, reportId]);
  useEffect(() => {
    if (report?.required.includes('month')) evForm.setFieldsValue({ expand: 'months' });
    else if (report && !report.params.includes('termId')) evForm.setFieldsValue({ expand: 'none' });
  }, [report, evForm]);

  if (!indicator) return null;
  const save = async () => {
    setSaving(true);
    try {
      const v = await form.validateFields();
      await api.call('dossier/saveIndicator', {
        id: indicator.id, inspectionId, partNo: v.partNo, partName: v.partName, code: v.code, text: v.text, standard: v.standard ?? null,
        computed: v.computed ?? null, applies: v.applies, selfText: v.selfText ?? null,
      });
      void message.success(t('dossier.saved'));
      onChanged();
    } catch (e) { formError(form, e); } finally { setSaving(false); }
  };
  const addEvidence = async () => {
    try {
      const v = await evForm.validateFields();
      let added: Evidence[];
      if (v.kind === 'upload') {
        if (!file) { void message.error(t('dossier.evidence.pickFile')); return; }
        added = await api.call('dossier/addEvidence', { kind: 'upload', indicatorId: indicator.id, title: v.title || null, upload: await readUpload(file) });
      } else if (v.kind === 'computed') {
        added = await api.call('dossier/addEvidence', { kind: 'computed', indicatorId: indicator.id, title: v.title || null, computed: v.computed });
      } else {
        const params = v.expand === 'none' && v.termId ? { termId: v.termId } : {};
        added = await api.call('dossier/addEvidence', { kind: 'report', indicatorId: indicator.id, title: v.title || null, reportId: v.reportId, params, expand: v.expand });
      }
      void message.success(t('dossier.evidence.added', { count: added.length }));
      setFile(null);
      evForm.setFieldsValue({ title: '' });
      onChanged();
    } catch (e) { formError(evForm, e); }
  };
  const act = async (fn: () => Promise<unknown>) => { try { await fn(); onChanged(); } catch (e) { showError(e); } };

  return (
    <Drawer open={!!indicator} onClose={onClose} size={760} title={`${indicator.code}\u3000${indicator.text.slice(0, 40)}`} destroyOnHidden data-testid="ds-drawer"
      extra={<StatusTag status={indicator.readiness.status} />}>
      {indicator.readiness.reasons.length > 0 && indicator.readiness.status !== 'na' && (
        <Alert type={indicator.readiness.status === 'below' ? 'error' : 'warning'} showIcon style={{ marginBottom: 12 }}
          title={reasonsText(t, indicator.readiness.reasons)} data-testid="ds-drawer-reasons" />
      )}
      {indicator.value && (
        <Table size="small" pagination={false} rowKey="period" style={{ marginBottom: 12 }} data-testid="ds-drawer-value"
          title={() => <b>{indicator.value!.label}</b>}
          dataSource={indicator.value.rows}
          columns={[
            { title: t('dossier.value.period'), dataIndex: 'period', width: 170 },
            { title: t('dossier.value.value'), dataIndex: 'value', width: 130 },
            { title: t('dossier.value.standard'), dataIndex: 'standard', width: 130 },
            { title: t('dossier.value.met'), dataIndex: 'met', width: 80, render: (m: boolean | null) => (m === true ? <Tag color="green">{t('dossier.value.yes')}</Tag> : m === false ? <Tag color="red">{t('dossier.value.no')}</Tag> : <Tag>{t('dossier.value.unknown')}</Tag>) },
            { title: t('dossier.value.detail'), dataIndex: 'detail' },
          ]} />
      )}
      <Form form={form} layout="vertical" data-testid="ds-ind-form">
        <Space wrap align="start">
          <Form.Item name="partNo" label={t('dossier.ind.partNo')} rules={[{ required: true, message: t('dossier.required') }]}><Input maxLength={10} style={{ width: 70 }} /></Form.Item>
          <Form.Item name="partName" label={t('dossier.ind.partName')} rules={[{ required: true, message: t('dossier.required') }]}><Input maxLength={60} style={{ width: 180 }} /></Form.Item>
          <Form.Item name="code" label={t('dossier.ind.code')} rules={[{ required: true, message: t('dossier.required') }]}><Input maxLength={20} style={{ width: 90 }} data-testid="ds-ind-code" /></Form.Item>
          <Form.Item name="applies" label={t('dossier.ind.applies')} valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="computed" label={t('dossier.ind.computed')}>
            <Select allowClear style={{ width: 220 }} options={COMPUTED_KEYS.map((k) => ({ value: k, label: COMPUTED_LABEL[k] }))} />
          </Form.Item>
        </Space>
        <Form.Item name="text" label={t('dossier.ind.text')} rules={[{ required: true, message: t('dossier.required') }]}><Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} /></Form.Item>
        <Form.Item name="standard" label={t('dossier.ind.standard')}><Input maxLength={300} /></Form.Item>
        <Form.Item name="selfText" label={t('dossier.ind.selfText')} extra={t('dossier.ind.selfHint')}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} showCount data-testid="ds-ind-self" />
        </Form.Item>
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="ds-ind-save">{t('dossier.saveIndicator')}</Button>
      </Form>

      <Typography.Title level={5} style={{ marginTop: 20 }}>{t('dossier.evidence.title', { count: indicator.evidence.length })}</Typography.Title>
      <Table size="small" rowKey="id" pagination={false} dataSource={indicator.evidence} data-testid="ds-evidence"
        locale={{ emptyText: t('dossier.evidence.none') }}
        columns={[
          { title: '#', width: 40, render: (_v, _r, i) => i + 1 },
          { title: t('dossier.evidence.itemTitle'), dataIndex: 'title', render: (v: string, e: Evidence) => <span>{v}{e.problem && <Typography.Text type="danger"> — {reasonsText(t, [e.problem])}</Typography.Text>}</span> },
          { title: t('dossier.evidence.kind'), dataIndex: 'kind', width: 90, render: (k: string) => <Tag>{t(`dossier.evidence.kinds.${k}`)}</Tag> },
          {
            title: '', width: 150, render: (_v, e: Evidence) => (
              <Space size={2}>
                <Button size="small" type="text" icon={<ArrowUpOutlined />} title={t('dossier.up')} onClick={() => void act(() => api.call('dossier/moveEvidence', { id: e.id, direction: 'up' }))} />
                <Button size="small" type="text" icon={<ArrowDownOutlined />} title={t('dossier.down')} onClick={() => void act(() => api.call('dossier/moveEvidence', { id: e.id, direction: 'down' }))} />
                {e.attachment && <Button size="small" type="text" icon={<DownloadOutlined />} title={t('dossier.download')} onClick={() => void downloadAttachment(e.attachment!).catch(showError)} />}
                <Popconfirm title={t('dossier.evidence.confirmDelete')} onConfirm={() => void act(() => api.call('dossier/deleteEvidence', { id: e.id }))}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} title={t('dossier.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]} />

      <Form form={evForm} layout="vertical" style={{ marginTop: 12, padding: 12, background: '#fafafa', border: '1px solid #f0f0f0' }} data-testid="ds-ev-form">
        <Form.Item name="kind" label={t('dossier.evidence.add')}>
          <Radio.Group data-testid="ds-ev-kind">
            <Radio value="report">{t('dossier.evidence.kinds.report')}</Radio>
            <Radio value="upload">{t('dossier.evidence.kinds.upload')}</Radio>
            <Radio value="computed">{t('dossier.evidence.kinds.computed')}</Radio>
          </Radio.Group>
        </Form.Item>
        {kind === 'report' && (
          <Space wrap align="start">
            <Form.Item name="reportId" label={t('dossier.evidence.report')} rules={[{ required: true, message: t('dossier.required') }]}>
              <Select showSearch optionFilterProp="label" style={{ width: 260 }} options={reports.map((r) => ({ value: r.id, label: t(r.titleKey, { defaultValue: r.title }) }))} data-testid="ds-ev-report" />
            </Form.Item>
            <Form.Item name="expand" label={t('dossier.evidence.expand')}>
              <Select style={{ width: 190 }} options={EXPANDS.map((x) => ({ value: x, label: t(`dossier.evidence.expands.${x}`), disabled: (report?.required.includes('month') && x !== 'months') || (!!report && !report.params.includes('termId') && x !== 'none') }))} data-testid="ds-ev-expand" />
            </Form.Item>
            {expand === 'none' && report?.params.includes('termId') && (
              <Form.Item name="termId" label={t('dossier.evidence.term')}>
                <Select allowClear style={{ width: 220 }} options={terms.map((x) => ({ value: x.id, label: x.name }))} />
              </Form.Item>
            )}
          </Space>
        )}
        {kind === 'upload' && (
          <Form.Item label={t('dossier.evidence.file')} extra={t('dossier.evidence.fileHint')}>
            <Upload accept={ATTACHMENT_FILE_TYPES.map((x) => `.${x}`).join(',')} showUploadList={false} maxCount={1}
              beforeUpload={(f) => { const p = attachmentFileProblem(f); if (p) void message.error(t(p.key, p.params)); else setFile(f); return false; }}>
              <Button icon={<UploadOutlined />} data-testid="ds-ev-file">{t('dossier.evidence.pickFile')}</Button>
            </Upload>
            {file && <Typography.Text style={{ marginLeft: 8 }}>{file.name}</Typography.Text>}
          </Form.Item>
        )}
        {kind === 'computed' && (
          <Form.Item name="computed" label={t('dossier.ind.computed')} rules={[{ required: true, message: t('dossier.required') }]}>
            <Select style={{ width: 260 }} options={COMPUTED_KEYS.map((k) => ({ value: k, label: COMPUTED_LABEL[k] }))} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('dossier.evidence.titleOptional')}><Input maxLength={120} /></Form.Item>
        <Button icon={<PlusOutlined />} onClick={() => void addEvidence()} data-testid="ds-ev-add">{t('dossier.evidence.addButton')}</Button>
      </Form>
    </Drawer>
  );
}
