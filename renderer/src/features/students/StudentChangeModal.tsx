/** 学籍变动: a dated change (转入, 转出, 休学, 复学, 分班调整, 留级) recorded in the student's history. */
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Student } from '../../../../shared/contract';
import { STUDENT_CHANGES } from '../../../../shared/domain/cohort';
import { api } from '../../api/client';
import { useFormError } from '../../app/useApiError';
import type { GridOption } from '../../components/GridEditors';

export function StudentChangeModal({ student, classes, onClose, onDone }: { student: Student | null; classes: GridOption[]; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formError = useFormError();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const change = Form.useWatch('change', form) as string | undefined;
  useEffect(() => {
    if (student) form.setFieldsValue({ change: undefined, date: dayjs(), classId: student.classId ?? undefined, note: '' });
  }, [student, form]);
  if (!student) return null;
  const needsClass = change !== undefined && !['转出', '休学'].includes(change);
  const ok = async () => {
    setBusy(true);
    try {
      const v = await form.validateFields();
      await api.call('students/change', { studentId: student.id, change: v.change, date: v.date.format('YYYY-MM-DD'), classId: needsClass ? v.classId ?? null : null, note: v.note || null });
      void message.success(t('studentHistory.changed', { name: student.name, change: t(`enum.enrollment.${v.change}`) }));
      onDone();
    } catch (e) {
      formError(form, e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('studentHistory.changeTitle', { name: student.name })} onCancel={onClose} onOk={ok} okButtonProps={{ loading: busy }} data-testid="student-change">
      <Form form={form} layout="vertical">
        <Form.Item name="change" label={t('studentHistory.changeKind')} rules={[{ required: true, message: t('errors.required') }]}>
          <Select options={STUDENT_CHANGES.map((c) => ({ value: c, label: t(`enum.enrollment.${c}`) }))} data-testid="change-kind" />
        </Form.Item>
        <Form.Item name="date" label={t('studentHistory.date')} rules={[{ required: true, message: t('errors.required') }]}><DatePicker allowClear={false} /></Form.Item>
        {needsClass && (
          <Form.Item name="classId" label={t('studentHistory.toClass')} rules={[{ required: true, message: t('errors.required') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={classes.filter((c) => !c.archived).map((c) => ({ value: c.value as number, label: c.label }))} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('studentHistory.note')}><Input maxLength={200} /></Form.Item>
      </Form>
    </Modal>
  );
}
