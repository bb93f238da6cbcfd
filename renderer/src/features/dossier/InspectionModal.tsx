/** New or edited inspection: name, visit date, the school years of evidence, and (new only) where its indicators come from. */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Radio, Select, Space, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FRAMEWORKS, type InspectionSummary, type SchoolYear } from '../../../../shared/contract';
import { api, readUpload } from '../../api/client';
import { useFormError } from '../../app/useApiError';

export function InspectionModal({ open, editing, inspections, onClose, onSaved }: {
  open: boolean; editing: InspectionSummary | null; inspections: InspectionSummary[]; onClose: () => void; onSaved: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const formError = useFormError();
  const [years, setYears] = useState<SchoolYear[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const source = Form.useWatch('source', form) as string | undefined;
  useEffect(() => {
    if (!open) return;
    setFile(null);
    void api.call('school/listYears', {}).then((ys) => {
      setYears(ys);
      if (editing) form.setFieldsValue({ name: editing.name, visitDate: dayjs(editing.visitDate), schoolYearIds: editing.schoolYearIds });
      else form.setFieldsValue({ name: '', visitDate: null, schoolYearIds: [...ys].sort((a, b) => b.startYear - a.startYear).slice(0, 3).map((y) => y.id), source: 'builtin', builtin: FRAMEWORKS[0].key });
    });
  }, [open, editing, form]);
  const submit = async () => {
    setSaving(true);
    try {
      const v = await form.validateFields();
      let framework;
      if (!editing) {
        if (v.source === 'copy') framework = { kind: 'copy' as const, inspectionId: v.copyFrom };
        else if (v.source === 'excel') {
          if (!file) { form.setFields([{ name: 'source', errors: [t('dossier.form.pickExcel')] }]); return; }
          framework = { kind: 'excel' as const, upload: await readUpload(file) };
        } else framework = { kind: 'builtin' as const, key: v.builtin };
      }
      const r = await api.call('dossier/save', { id: editing?.id, name: v.name, visitDate: v.visitDate.format('YYYY-MM-DD'), schoolYearIds: v.schoolYearIds, framework });
      void message.success(t('dossier.saved'));
      onSaved(r.id);
    } catch (e) { formError(form, e); } finally { setSaving(false); }
  };
  return (
    <Modal open={open} title={editing ? t('dossier.edit') : t('dossier.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} width={620}
      okButtonProps={{ 'data-testid': 'ds-form-ok' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="ds-form">
        <Form.Item name="name" label={t('dossier.form.name')} rules={[{ required: true, message: t('dossier.required') }]}>
          <Input maxLength={100} placeholder={t('dossier.form.namePlaceholder')} data-testid="ds-form-name" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="visitDate" label={t('dossier.form.visitDate')} rules={[{ required: true, message: t('dossier.required') }]}>
            <DatePicker data-testid="ds-form-date" />
          </Form.Item>
          <Form.Item name="schoolYearIds" label={t('dossier.form.years')} rules={[{ required: true, message: t('dossier.required') }]} extra={t('dossier.form.yearsHint')}>
            <Select mode="multiple" style={{ minWidth: 320 }} options={years.map((y) => ({ value: y.id, label: y.name }))} data-testid="ds-form-years" />
          </Form.Item>
        </Space>
        {!editing && (
          <>
            <Form.Item name="source" label={t('dossier.form.source')}>
              <Radio.Group data-testid="ds-form-source">
                <Radio value="builtin">{t('dossier.form.builtin')}</Radio>
                <Radio value="copy" disabled={!inspections.length}>{t('dossier.form.copy')}</Radio>
                <Radio value="excel">{t('dossier.form.excel')}</Radio>
              </Radio.Group>
            </Form.Item>
            {source === 'builtin' && (
              <Form.Item name="builtin" label={t('dossier.form.framework')}>
                <Select options={FRAMEWORKS.map((f) => ({ value: f.key, label: `${f.name}（${f.document}）` }))} data-testid="ds-form-framework" />
              </Form.Item>
            )}
            {source === 'copy' && (
              <Form.Item name="copyFrom" label={t('dossier.form.copyFrom')} rules={[{ required: true, message: t('dossier.required') }]}>
                <Select options={inspections.map((i) => ({ value: i.id, label: `${i.name}（${t('dossier.rev', { rev: i.frameworkRev })}）` }))} />
              </Form.Item>
            )}
            {source === 'excel' && (
              <Form.Item label={t('dossier.form.excelFile')} extra={t('dossier.form.excelHint')}>
                <Upload accept=".xlsx,.xls,.csv" showUploadList={false} maxCount={1} beforeUpload={(f) => { setFile(f); return false; }}>
                  <Button icon={<UploadOutlined />} data-testid="ds-form-excel">{t('dossier.form.pickExcel')}</Button>
                </Upload>
                {file && <Typography.Text style={{ marginLeft: 8 }}>{file.name}</Typography.Text>}
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
