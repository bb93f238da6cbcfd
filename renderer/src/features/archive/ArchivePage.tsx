/**
 * #/archive (归档到 U 盘): write a dossier, a school year's records or the whole data to a USB stick (or a
 * chosen folder) as a verified BagIt bag or one encrypted zip; check an archive found on a stick; restore the
 * whole data from an archive on another PC.
 */
import { FolderOpenOutlined, ReloadOutlined, SafetyCertificateOutlined, UsbOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Progress, Radio, Select, Space, Switch, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordStrength, type ArchiveCheck, type ArchiveResult, type ArchiveTargets, type InspectionSummary, type JobStatus, type SchoolYear } from '../../../../shared/contract';
import { api, isElectron } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError, useFormError } from '../../app/useApiError';
import { Page } from '../../components/Page';
import { formatBytes, useJob } from '../dossier';

const pollArchive = (jobId: string) => api.call('archive/job', { jobId });
const STRENGTH_COLOR = { weak: 'red', fair: 'orange', strong: 'green' } as const;

export default function ArchivePage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const formError = useFormError();
  const { refresh } = useAppState();
  const [form] = Form.useForm();
  const [checkForm] = Form.useForm();
  const [restoreForm] = Form.useForm();
  const [targets, setTargets] = useState<ArchiveTargets | null>(null);
  const [years, setYears] = useState<SchoolYear[]>([]);
  const [inspections, setInspections] = useState<InspectionSummary[]>([]);
  const [result, setResult] = useState<ArchiveResult | null>(null);
  const [check, setCheck] = useState<ArchiveCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const kind = Form.useWatch('kind', form) as string | undefined;
  const encrypt = Form.useWatch('encrypt', form) as boolean | undefined;
  const password = (Form.useWatch('password', form) as string | undefined) ?? '';
  const checkPath = (Form.useWatch('path', checkForm) as string | undefined) ?? '';

  const loadTargets = useCallback(() => void api.call('archive/targets', {}).then(setTargets).catch(showError), [showError]);
  useEffect(() => {
    loadTargets();
    void api.call('school/listYears', {}).then((ys) => { setYears(ys); form.setFieldsValue({ schoolYearId: [...ys].sort((a, b) => b.startYear - a.startYear)[0]?.id }); }).catch(showError);
    void api.call('dossier/list', {}).then((ls) => { setInspections(ls); form.setFieldsValue({ inspectionId: ls[0]?.id }); }).catch(showError);
  }, [loadTargets, showError, form]);

  const { job, start } = useJob<ArchiveResult>(pollArchive, (s: JobStatus<ArchiveResult>) => {
    if (s.state === 'done' && s.result) { setResult(s.result); void message.success(t('archive.verified', { files: s.result.files.toLocaleString(), size: formatBytes(s.result.bytes) })); }
    else if (s.state === 'cancelled') void message.info(t('archive.cancelled'));
    else if (s.error) showError(s.error);
  });
  const running = job?.state === 'running';

  const startArchive = async () => {
    setResult(null);
    try {
      const v = await form.validateFields();
      start(await api.call('archive/start', {
        kind: v.kind, inspectionId: v.kind === 'dossier' ? v.inspectionId : undefined, schoolYearId: v.kind === 'year' ? v.schoolYearId : undefined,
        target: v.target, encrypt: !!v.encrypt, password: v.encrypt ? v.password : undefined, confirm: v.encrypt ? v.confirm : undefined,
      }));
      // The password is not kept on the page once the job has it.
      form.setFieldsValue({ password: '', confirm: '' });
    } catch (e) { formError(form, e); }
  };
  const chooseFolder = async (f: typeof form, field: string) => {
    const dir = await window.jiaowu?.chooseFolder();
    if (dir) f.setFieldsValue({ [field]: dir });
  };
  const runCheck = async () => {
    setChecking(true);
    setCheck(null);
    try {
      const v = await checkForm.validateFields();
      setCheck(await api.call('archive/check', { path: v.path, password: v.password || undefined }));
    } catch (e) { formError(checkForm, e); } finally { setChecking(false); }
  };
  const restore = async () => {
    try {
      const v = await restoreForm.validateFields();
      modal.confirm({
        title: t('archive.restore.confirmTitle'), content: t('archive.restore.confirm', { path: v.path }), okButtonProps: { danger: true },
        onOk: async () => {
          try {
            await api.call('archive/restore', { path: v.path });
            void message.success(t('archive.restore.done'));
            await refresh();
          } catch (e) { formError(restoreForm, e); }
        },
      });
    } catch (e) { formError(restoreForm, e); }
  };

  const strength = password ? passwordStrength(password) : null;
  return (
    <Page title={t('archive.title')} fill={false}>
      <Space direction="vertical" size={12} style={{ width: '100%', maxWidth: 980 }}>
        <Card size="small" title={<Space><UsbOutlined />{t('archive.write.title')}</Space>}>
          <Form form={form} layout="vertical" initialValues={{ kind: 'dossier', encrypt: false }} data-testid="ar-form">
            <Form.Item name="kind" label={t('archive.write.kind')}>
              <Radio.Group data-testid="ar-kind">
                <Radio value="dossier">{t('archive.kinds.dossier')}</Radio>
                <Radio value="year">{t('archive.kinds.year')}</Radio>
                <Radio value="data">{t('archive.kinds.data')}</Radio>
              </Radio.Group>
            </Form.Item>
            <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{t(`archive.kindHint.${kind ?? 'dossier'}`)}</Typography.Paragraph>
            {kind === 'dossier' && (
              <Form.Item name="inspectionId" label={t('archive.write.inspection')} rules={[{ required: true, message: t('archive.required') }]}>
                <Select style={{ width: 420 }} options={inspections.map((i) => ({ value: i.id, label: i.name }))} data-testid="ar-inspection" />
              </Form.Item>
            )}
            {kind === 'year' && (
              <Form.Item name="schoolYearId" label={t('archive.write.year')} rules={[{ required: true, message: t('archive.required') }]}>
                <Select style={{ width: 220 }} options={years.map((y) => ({ value: y.id, label: y.name }))} data-testid="ar-year" />
              </Form.Item>
            )}
            <Form.Item label={t('archive.write.target')} required>
              <Space wrap>
                <Select style={{ width: 330 }} placeholder={t('archive.write.drives')} value={null} onChange={(p: string) => form.setFieldsValue({ target: p })} notFoundContent={t('archive.write.noDrives')}
                  options={(targets?.drives ?? []).map((d) => ({ value: d.path, label: `${d.path}\u3000${d.label}（${t('archive.write.free', { free: formatBytes(d.freeBytes), total: formatBytes(d.totalBytes) })}）` }))} data-testid="ar-drives" />
                <Button icon={<ReloadOutlined />} onClick={loadTargets}>{t('archive.write.refresh')}</Button>
                {isElectron && <Button icon={<FolderOpenOutlined />} onClick={() => void chooseFolder(form, 'target')}>{t('archive.write.choose')}</Button>}
              </Space>
              <Form.Item name="target" noStyle rules={[{ required: true, message: t('archive.required') }]}>
                <Input style={{ marginTop: 8 }} placeholder={t('archive.write.targetPlaceholder')} data-testid="ar-target" />
              </Form.Item>
            </Form.Item>
            <Form.Item name="encrypt" label={t('archive.write.encrypt')} valuePropName="checked"><Switch data-testid="ar-encrypt" /></Form.Item>
            {encrypt && (
              <>
                <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('archive.write.lostPassword')} data-testid="ar-warning" />
                <Space wrap align="start">
                  <Form.Item name="password" label={t('archive.write.password')} rules={[{ required: true, message: t('archive.required') }]}
                    extra={strength && <Tag color={STRENGTH_COLOR[strength]} data-testid="ar-strength">{t(`archive.strength.${strength}`)}</Tag>}>
                    <Input.Password autoComplete="new-password" style={{ width: 240 }} data-testid="ar-password" />
                  </Form.Item>
                  <Form.Item name="confirm" label={t('archive.write.confirm')} rules={[{ required: true, message: t('archive.required') }]}>
                    <Input.Password autoComplete="new-password" style={{ width: 240 }} data-testid="ar-confirm" />
                  </Form.Item>
                </Space>
              </>
            )}
            <Space>
              <Button type="primary" icon={<UsbOutlined />} loading={running} onClick={() => void startArchive()} data-testid="ar-start">{t('archive.write.start')}</Button>
              {running && <Button onClick={() => void api.call('archive/cancel', { jobId: job!.id }).catch(showError)} data-testid="ar-cancel">{t('archive.write.cancel')}</Button>}
            </Space>
            {job && running && (
              <div style={{ marginTop: 12, maxWidth: 600 }} data-testid="ar-progress">
                <Progress percent={job.totalBytes ? Math.round((job.bytes / job.totalBytes) * 100) : job.total ? Math.round((job.done / job.total) * 100) : 0} status="active" />
                <Typography.Text type="secondary">
                  {t(`archive.phase.${job.phase.replace(/^archive\.phase\./, '')}`, { defaultValue: t('archive.phase.gather') })}{'\u3000'}{t('archive.progress', { done: job.done, total: job.total, bytes: formatBytes(job.bytes / 2), totalBytes: formatBytes(job.totalBytes / 2) })}
                  {job.etaSeconds !== null ? `\u3000${t('archive.eta', { s: job.etaSeconds })}` : ''}
                </Typography.Text>
              </div>
            )}
            {result && (
              <Alert style={{ marginTop: 12 }} type="success" showIcon data-testid="ar-result"
                title={t('archive.verified', { files: result.files.toLocaleString(), size: formatBytes(result.bytes) })}
                description={t('archive.resultPath', { path: result.path, seconds: result.seconds })} />
            )}
          </Form>
        </Card>

        <Card size="small" title={<Space><SafetyCertificateOutlined />{t('archive.check.title')}</Space>}>
          <Form form={checkForm} layout="inline" data-testid="ar-check-form">
            <Form.Item name="path" rules={[{ required: true, message: t('archive.required') }]}>
              <Input style={{ width: 460 }} placeholder={t('archive.check.placeholder')} data-testid="ar-check-path" />
            </Form.Item>
            {isElectron && <Button icon={<FolderOpenOutlined />} onClick={() => void chooseFolder(checkForm, 'path')}>{t('archive.write.choose')}</Button>}
            {/\.zip$/i.test(checkPath.trim()) && (
              <Form.Item name="password"><Input.Password placeholder={t('archive.write.password')} style={{ width: 200 }} data-testid="ar-check-password" /></Form.Item>
            )}
            <Button type="primary" loading={checking} onClick={() => void runCheck()} data-testid="ar-check">{t('archive.check.run')}</Button>
          </Form>
          {check && (
            <div style={{ marginTop: 12 }} data-testid="ar-check-result">
              <Alert type={check.valid ? 'success' : 'error'} showIcon
                title={check.valid ? t('archive.check.intact', { files: check.files.toLocaleString(), size: formatBytes(check.bytes) }) : t('archive.check.broken', { changed: check.changed.length, missing: check.missing.length, added: check.added.length })}
                description={[check.info['External-Description'], check.info['Source-Organization'], check.info['Bagging-Date']].filter(Boolean).join(' · ')} />
              {(['changed', 'missing', 'added'] as const).map((k) => check[k].length > 0 && (
                <div key={k} style={{ marginTop: 6 }} data-testid={`ar-check-${k}`}>
                  <Typography.Text strong>{t(`archive.check.${k}`)}：</Typography.Text>
                  <Typography.Text>{check[k].slice(0, 20).join('、')}{check[k].length > 20 ? t('archive.check.more', { count: check[k].length - 20 }) : ''}</Typography.Text>
                </div>
              ))}
              {check.problems.length > 0 && <Typography.Paragraph type="danger">{t('archive.check.problems')}：{check.problems.join('、')}</Typography.Paragraph>}
            </div>
          )}
        </Card>

        <Card size="small" title={t('archive.restore.title')}>
          <Typography.Paragraph type="secondary">{t('archive.restore.hint')}</Typography.Paragraph>
          <Form form={restoreForm} layout="inline" data-testid="ar-restore-form">
            <Form.Item name="path" rules={[{ required: true, message: t('archive.required') }]}>
              <Input style={{ width: 460 }} placeholder={t('archive.restore.placeholder')} data-testid="ar-restore-path" />
            </Form.Item>
            {isElectron && <Button icon={<FolderOpenOutlined />} onClick={() => void chooseFolder(restoreForm, 'path')}>{t('archive.write.choose')}</Button>}
            <Button danger onClick={() => void restore()} data-testid="ar-restore">{t('archive.restore.run')}</Button>
          </Form>
        </Card>
      </Space>
    </Page>
  );
}
