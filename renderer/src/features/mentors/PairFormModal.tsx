/** Create or edit a pair: mentor, apprentice, subject, period, goals, status, signing date, the duties (school default for a new pair). */
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAIR_STATUSES, type MentorPair, type PairInput, type Subject } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useFormError } from '../../app/useApiError';
import { PersonSelect, useTeachers } from '../../components/pickers';
import { DutiesEditor } from './DutiesEditor';

export function PairFormModal({ open, pair, onClose, onSaved }: { open: boolean; pair: MentorPair | null; onClose: () => void; onSaved: (p: MentorPair) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { currentTerm } = useAppState();
  const [form] = Form.useForm();
  const formError = useFormError();
  const teachers = useTeachers();
  const [subjects, setSubjects] = useState<Subject[]>([]);
  const [saving, setSaving] = useState(false);
  const people = useMemo(() => teachers.map((x) => ({ id: x.id, name: x.name, hint: [x.subjectName, x.backboneLevel && x.backboneLevel !== '无' ? `${x.backboneLevel}骨干` : null].filter(Boolean).join('，') })), [teachers]);

  useEffect(() => {
    if (!open) return;
    api.call('school/listSubjects', {}).then((s) => setSubjects(s.filter((x) => !x.archived)), () => undefined);
    if (pair) {
      form.setFieldsValue({ ...pair, startDate: dayjs(pair.startDate), endDate: dayjs(pair.endDate), signedOn: pair.signedOn ? dayjs(pair.signedOn) : null });
    } else {
      form.resetFields();
      api.call('mentors/settings', {}).then((s) => form.setFieldsValue({ duties: s.duties }), () => undefined);
      // A new pair runs for the school year by default: from this term's start to a year later.
      if (currentTerm) form.setFieldsValue({ startDate: dayjs(currentTerm.startDate), endDate: dayjs(currentTerm.startDate).add(1, 'year').subtract(1, 'day'), status: '进行中' });
    }
  }, [open, pair, form, currentTerm]);

  const onMentor = (id: number | null) => {
    const m = teachers.find((x) => x.id === id);
    if (m?.subjectId && !form.getFieldValue('subjectId')) form.setFieldsValue({ subjectId: m.subjectId });
  };

  const submit = async () => {
    setSaving(true);
    try {
      const v = await form.validateFields();
      const input: PairInput = {
        id: pair?.id, mentorId: v.mentorId, apprenticeId: v.apprenticeId, subjectId: v.subjectId ?? null,
        startDate: v.startDate.format('YYYY-MM-DD'), endDate: v.endDate.format('YYYY-MM-DD'), goals: v.goals ?? null,
        status: v.status ?? '进行中', signedOn: v.signedOn ? v.signedOn.format('YYYY-MM-DD') : null, duties: v.duties,
      };
      const saved = await api.call('mentors/save', input);
      void message.success(t('mentors.saved'));
      onSaved(saved);
    } catch (e) {
      formError(form, e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={pair ? t('mentors.edit') : t('mentors.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} width={640} okButtonProps={{ 'data-testid': 'mt-form-ok' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="mt-form">
        <div className="mt-form-row" style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="mentorId" label={t('mentors.col.mentor')} rules={[{ required: true, message: t('mentors.required') }]} style={{ flex: 1 }}>
            <PersonSelect people={people} testId="mt-form-mentor" style={{ width: '100%' }} onChange={(id) => { form.setFieldsValue({ mentorId: id }); onMentor(id); }} />
          </Form.Item>
          <Form.Item name="apprenticeId" label={t('mentors.col.apprentice')} rules={[{ required: true, message: t('mentors.required') }]} style={{ flex: 1 }}>
            <PersonSelect people={people} testId="mt-form-apprentice" style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="subjectId" label={t('mentors.col.subject')} style={{ flex: 1 }}>
            <Select allowClear data-testid="mt-form-subject" options={subjects.map((s) => ({ value: s.id, label: s.name }))} optionFilterProp="label" showSearch />
          </Form.Item>
          <Form.Item name="startDate" label={t('mentors.startDate')} rules={[{ required: true, message: t('mentors.required') }]}>
            <DatePicker data-testid="mt-form-start" />
          </Form.Item>
          <Form.Item name="endDate" label={t('mentors.endDate')} rules={[{ required: true, message: t('mentors.required') }]}>
            <DatePicker data-testid="mt-form-end" />
          </Form.Item>
        </div>
        <Form.Item name="goals" label={t('mentors.goals')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="mt-form-goals" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="status" label={t('mentors.col.status')} style={{ width: 140 }}>
            <Select options={PAIR_STATUSES.map((s) => ({ value: s, label: t(`mentors.status.${s}`) }))} />
          </Form.Item>
          <Form.Item name="signedOn" label={t('mentors.signedOn')}>
            <DatePicker />
          </Form.Item>
        </div>
        <Form.Item name="duties" label={t('mentors.duties')}>
          <DutiesEditor />
        </Form.Item>
      </Form>
    </Modal>
  );
}
