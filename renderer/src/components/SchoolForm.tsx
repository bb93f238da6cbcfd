/** The school profile form, shared by the first-run welcome (create) and the school page (edit). */
import { Form, Input, Select } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SchoolProfileInput } from '../../../shared/contract';
import { SCHOOL_TYPES } from '../../../shared/domain/constants';
import { useEnumOptions } from './lookups';

export function SchoolForm({ form, initial, compact }: { form: FormInstance<SchoolProfileInput>; initial?: Partial<SchoolProfileInput>; compact?: boolean }) {
  const { t } = useTranslation();
  const types = useEnumOptions('schoolType', SCHOOL_TYPES);
  return (
    <Form<SchoolProfileInput> form={form} layout="vertical" initialValues={{ type: '小学', ...initial }} requiredMark size={compact ? 'middle' : undefined}>
      <Form.Item name="name" label={t('fields.schoolName')} rules={[{ required: true, whitespace: true, message: t('errors.required') }]}>
        <Input maxLength={60} data-testid="school-name-input" placeholder={t('school.namePlaceholder')} />
      </Form.Item>
      <div className="jw-form-row">
        <Form.Item name="code" label={t('fields.schoolCode')}>
          <Input maxLength={30} data-testid="school-code-input" />
        </Form.Item>
        <Form.Item name="type" label={t('fields.schoolType')} rules={[{ required: true, message: t('errors.required') }]}>
          <Select options={types.map((o) => ({ value: o.value as string, label: o.label }))} data-testid="school-type-select" />
        </Form.Item>
      </div>
      <Form.Item name="address" label={t('fields.address')}>
        <Input maxLength={120} />
      </Form.Item>
      <div className="jw-form-row">
        <Form.Item name="principal" label={t('fields.principal')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="phone" label={t('fields.schoolPhone')}>
          <Input maxLength={30} />
        </Form.Item>
      </div>
    </Form>
  );
}
