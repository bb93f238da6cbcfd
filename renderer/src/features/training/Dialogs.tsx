/** The training dialogs: one entry (with its certificate), a batch for a school-based training, the cycle settings. */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRAINING_LEVELS, type TrainingEntry } from '../../../../shared/contract';
import { api, readUpload } from '../../api/client';
import { useFormError } from '../../app/useApiError';
import { attachmentFileProblem, ATTACHMENT_FILE_TYPES } from '../../components/attachments';
import { PersonSelect, useTeachers } from '../../components/pickers';

const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

export function EntryModal({ open, entry, onClose, onSaved }: { open: boolean; entry: TrainingEntry | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const formError = useFormError();
  const teachers = useTeachers();
  const people = useMemo(() => teachers.map((x) => ({ id: x.id, name: x.name, hint: x.subjectName })), [teachers]);
  const [file, setFile] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!open) return;
    setFile(null);
    if (entry) form.setFieldsValue({ ...entry, dates: [dayjs(entry.startDate), dayjs(entry.endDate)] });
    else form.resetFields();
  }, [open, entry, form]);
  const submit = async () => {
    setSaving(true);
    try {
      const v = await form.validateFields();
      await api.call('training/save', {
        id: entry?.id, teacherId: v.teacherId, startDate: day(v.dates[0]), endDate: day(v.dates[1]), level: v.level, title: v.title,
        organiser: v.organiser ?? null, hours: v.hours, note: v.note ?? null, upload: file ? await readUpload(file) : undefined,
      });
      void message.success(t('training.saved'));
      onSaved();
    } catch (e) { formError(form, e); } finally { setSaving(false); }
  };
  return (
    <Modal open={open} title={entry ? t('training.edit') : t('training.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} width={600} okButtonProps={{ 'data-testid': 'tr-form-ok' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ level: '县培' }} data-testid="tr-form">
        <Form.Item name="teacherId" label={t('training.col.teacher')} rules={[{ required: true, message: t('training.required') }]}>
          <PersonSelect people={people} testId="tr-form-teacher" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label={t('training.col.title')} rules={[{ required: true, message: t('training.required') }]}>
          <Input maxLength={100} data-testid="tr-form-title" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="level" label={t('training.col.level')}><Select style={{ width: 100 }} options={TRAINING_LEVELS.map((l) => ({ value: l, label: t(`training.level.${l}`) }))} data-testid="tr-form-level" /></Form.Item>
          <Form.Item name="dates" label={t('training.col.dates')} rules={[{ required: true, message: t('training.required') }]}><DatePicker.RangePicker data-testid="tr-form-dates" /></Form.Item>
          <Form.Item name="hours" label={t('training.col.hours')} rules={[{ required: true, message: t('training.required') }]}><InputNumber min={0.5} max={1000} step={0.5} style={{ width: 100 }} data-testid="tr-form-hours" /></Form.Item>
        </Space>
        <Form.Item name="organiser" label={t('training.col.organiser')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="note" label={t('training.col.note')}><Input maxLength={500} /></Form.Item>
        <Form.Item label={t('training.certificate')}>
          <Upload accept={ATTACHMENT_FILE_TYPES.map((x) => `.${x}`).join(',')} showUploadList={false} maxCount={1}
            beforeUpload={(f) => { const p = attachmentFileProblem(f); if (p) void message.error(t(p.key, p.params)); else setFile(f); return false; }}>
            <Button icon={<UploadOutlined />}>{file ? file.name : entry?.certificate ? entry.certificate.fileName : t('training.pickCertificate')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** batchId: undefined = closed, null = a new batch, a number = edit that batch. */
export function BatchModal({ batchId, onClose, onSaved }: { batchId: number | null | undefined; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const formError = useFormError();
  const teachers = useTeachers();
  const [saving, setSaving] = useState(false);
  const open = batchId !== undefined;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (batchId) api.call('training/getBatch', { id: batchId }).then((b) => form.setFieldsValue({ ...b, dates: [dayjs(b.startDate), dayjs(b.endDate)] }), () => undefined);
  }, [open, batchId, form]);
  const submit = async () => {
    setSaving(true);
    try {
      const v = await form.validateFields();
      const r = await api.call('training/saveBatch', {
        id: batchId ?? undefined, teacherIds: v.teacherIds, startDate: day(v.dates[0]), endDate: day(v.dates[1]), level: v.level, title: v.title,
        organiser: v.organiser ?? null, hours: v.hours, note: v.note ?? null,
      });
      void message.success(t('training.batchSaved', { count: r.entries }));
      onSaved();
    } catch (e) { formError(form, e); } finally { setSaving(false); }
  };
  return (
    <Modal open={open} title={batchId ? t('training.editBatch') : t('training.batch')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} width={680} okButtonProps={{ 'data-testid': 'tr-batch-ok' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ level: '校本', organiser: '本校教务处' }} data-testid="tr-batch-form">
        <Form.Item name="title" label={t('training.col.title')} rules={[{ required: true, message: t('training.required') }]}><Input maxLength={100} data-testid="tr-batch-title" /></Form.Item>
        <Space wrap>
          <Form.Item name="level" label={t('training.col.level')}><Select style={{ width: 100 }} options={TRAINING_LEVELS.map((l) => ({ value: l, label: t(`training.level.${l}`) }))} /></Form.Item>
          <Form.Item name="dates" label={t('training.col.dates')} rules={[{ required: true, message: t('training.required') }]}><DatePicker.RangePicker data-testid="tr-batch-dates" /></Form.Item>
          <Form.Item name="hours" label={t('training.col.hours')} rules={[{ required: true, message: t('training.required') }]}><InputNumber min={0.5} max={1000} step={0.5} style={{ width: 100 }} data-testid="tr-batch-hours" /></Form.Item>
          <Form.Item name="organiser" label={t('training.col.organiser')}><Input maxLength={100} /></Form.Item>
        </Space>
        <Form.Item name="teacherIds" label={<Space>{t('training.attendees')}<Button size="small" onClick={() => form.setFieldsValue({ teacherIds: teachers.map((x) => x.id) })} data-testid="tr-batch-all">{t('training.everyone')}</Button></Space>} rules={[{ required: true, message: t('training.required') }]}>
          <Select mode="multiple" maxTagCount="responsive" optionFilterProp="label" options={teachers.map((x) => ({ value: x.id, label: x.name }))} data-testid="tr-batch-teachers" />
        </Form.Item>
        <Form.Item name="note" label={t('training.col.note')}><Input maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function TrainingSettingsModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const formError = useFormError();
  useEffect(() => {
    if (open) api.call('training/settings', {}).then((s) => form.setFieldsValue({ cycleStart: dayjs(s.cycleStart), requiredHours: s.requiredHours }), () => undefined);
  }, [open, form]);
  const submit = async () => {
    try {
      const v = await form.validateFields();
      await api.call('training/saveSettings', { cycleStart: day(v.cycleStart), requiredHours: v.requiredHours });
      void message.success(t('training.settingsSaved'));
      onSaved();
      onClose();
    } catch (e) { formError(form, e); }
  };
  return (
    <Modal open={open} title={t('training.settings')} onCancel={onClose} onOk={() => void submit()}>
      <Form form={form} layout="vertical">
        <Typography.Paragraph type="secondary">{t('training.settingsHint')}</Typography.Paragraph>
        <Form.Item name="cycleStart" label={t('training.cycleStart')} rules={[{ required: true, message: t('training.required') }]}><DatePicker /></Form.Item>
        <Form.Item name="requiredHours" label={t('training.requiredHours')} rules={[{ required: true, message: t('training.required') }]}><InputNumber min={1} max={2000} precision={0} /></Form.Item>
      </Form>
    </Modal>
  );
}
