/** The school defaults: the duties a new pair's agreement starts with, the evaluation weights, the warning weeks. */
import { App, Form, InputNumber, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useFormError } from '../../app/useApiError';
import { DutiesEditor } from './DutiesEditor';

const WEIGHTS = ['progress', 'reportLessons', 'duties', 'mentorFromApprentice', 'mentorOwnDuties'] as const;

export function SettingsModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const formError = useFormError();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (open) api.call('mentors/settings', {}).then((s) => form.setFieldsValue(s), () => undefined);
  }, [open, form]);
  const submit = async () => {
    setSaving(true);
    try {
      const v = await form.validateFields();
      await api.call('mentors/saveSettings', v);
      void message.success(t('mentors.settingsSaved'));
      onSaved();
      onClose();
    } catch (e) {
      formError(form, e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={t('mentors.settings')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} width={620} okButtonProps={{ 'data-testid': 'mt-settings-ok' } as never}>
      <Form form={form} layout="vertical">
        <Form.Item name="duties" label={t('mentors.defaultDuties')}><DutiesEditor /></Form.Item>
        <Typography.Paragraph type="secondary">{t('mentors.weightsHint')}</Typography.Paragraph>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
          {WEIGHTS.map((k) => (
            <Form.Item key={k} name={['weights', k]} label={t(`mentors.weight.${k}`)} rules={[{ required: true, message: t('mentors.required') }]}>
              <InputNumber min={0} max={100} style={{ width: 96 }} data-testid={`mt-weight-${k}`} />
            </Form.Item>
          ))}
          <Form.Item name="warnWeeks" label={t('mentors.warnWeeks')} rules={[{ required: true, message: t('mentors.required') }]}>
            <InputNumber min={0} max={10} precision={0} style={{ width: 96 }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
