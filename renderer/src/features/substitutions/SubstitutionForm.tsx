/**
 * The add-entry dialog of the substitution log. Picking date, period and class fills in the subject and the
 * original teacher from the timetable lesson at that weekday/period (still editable: the day may have been
 * changed before). For 调课 the lesson it swaps with is picked the same way.
 */
import { Alert, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolClass, Subject, Teacher } from '../../../../shared/contract';
import { SUBSTITUTION_KINDS, type Lesson, type TimetableData } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { PersonSelect, weekdayOf } from '../../components/pickers';

type Kind = (typeof SUBSTITUTION_KINDS)[number];
interface Values {
  kind: Kind;
  date?: Dayjs;
  period?: number;
  classId?: number;
  subjectId?: number;
  originalTeacherId?: number | null;
  substituteTeacherId?: number | null;
  reason?: string;
  swapDate?: Dayjs;
  swapPeriod?: number;
  swapSubjectId?: number;
  swapTeacherId?: number | null;
}

/** The class's lesson on that date's weekday at that period, if the timetable has one. */
function lessonAt(data: TimetableData, classId?: number, date?: Dayjs, period?: number): Lesson | null {
  if (!classId || !date || !period) return null;
  const day = weekdayOf(date.format('YYYY-MM-DD'));
  return data.lessons.find((l) => l.classId === classId && l.day === day && l.period === period) ?? null;
}

export function SubstitutionForm({ open, termId, data, classes, subjects, teachers, onClose, onSaved }: {
  open: boolean; termId: number; data: TimetableData; classes: SchoolClass[]; subjects: Subject[]; teachers: Teacher[];
  onClose: () => void; onSaved: () => void;
}) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [noLesson, setNoLesson] = useState<'main' | 'swap' | null>(null);
  const kind = Form.useWatch('kind', form);

  const people = useMemo(() => teachers.map((x) => ({ id: x.id, name: x.name, hint: x.subjectName })), [teachers]);
  const periodOptions = useMemo(
    () => [...data.settings.periods].sort((a, b) => a.no - b.no).map((p) => ({ value: p.no, label: t('timetableViews.periodN', { n: p.no }) })),
    [data.settings.periods, t],
  );
  const classOptions = useMemo(() => classes.filter((c) => !c.archived).map((c) => ({ value: c.id, label: c.name })), [classes]);
  const subjectOptions = useMemo(() => subjects.filter((s) => !s.archived).map((s) => ({ value: s.id, label: s.name })), [subjects]);

  function onValuesChange(changed: Partial<Values>, all: Values) {
    if ('date' in changed || 'period' in changed || 'classId' in changed) {
      const l = lessonAt(data, all.classId, all.date, all.period);
      if (l) form.setFieldsValue({ subjectId: l.subjectId, originalTeacherId: l.teacherId });
      setNoLesson(!l && all.classId && all.date && all.period ? 'main' : null);
    }
    if ('swapDate' in changed || 'swapPeriod' in changed || 'classId' in changed) {
      const l = lessonAt(data, all.classId, all.swapDate, all.swapPeriod);
      if (l) form.setFieldsValue({ swapSubjectId: l.subjectId, swapTeacherId: l.teacherId });
      else if (all.kind === '调课' && all.classId && all.swapDate && all.swapPeriod) setNoLesson('swap');
    }
  }

  async function submit() {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await api.call('substitutions/save', {
        termId,
        kind: v.kind,
        date: v.date!.format('YYYY-MM-DD'),
        period: v.period!,
        classId: v.classId!,
        subjectId: v.subjectId!,
        originalTeacherId: v.originalTeacherId ?? null,
        substituteTeacherId: v.kind === '停课' ? null : v.substituteTeacherId ?? null,
        reason: v.reason ?? null,
        swapWith: v.kind === '调课' && v.swapDate && v.swapPeriod && v.swapSubjectId
          ? { date: v.swapDate.format('YYYY-MM-DD'), period: v.swapPeriod, subjectId: v.swapSubjectId, teacherId: v.swapTeacherId ?? null }
          : null,
      });
      form.resetFields();
      setNoLesson(null);
      onSaved();
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  }

  const required = [{ required: true, message: t('substitutions.required') }];
  return (
    <Modal
      open={open}
      title={t('substitutions.addTitle')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okText={t('substitutions.save')}
      cancelText={t('substitutions.cancel')}
      okButtonProps={{ 'data-testid': 'sub-save' } as Record<string, string>}
      width={620}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="horizontal" labelCol={{ span: 6 }} initialValues={{ kind: '代课' }} onValuesChange={onValuesChange} data-testid="sub-form">
        <Form.Item name="kind" label={t('substitutions.kind')} rules={required}>
          <Select data-testid="sub-kind" options={SUBSTITUTION_KINDS.map((k) => ({ value: k, label: t(`substitutions.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('substitutions.when')} required>
          <Space>
            <Form.Item name="date" noStyle rules={required}>
              <DatePicker data-testid="sub-date" />
            </Form.Item>
            <Form.Item name="period" noStyle rules={required}>
              <Select data-testid="sub-period" style={{ width: 110 }} options={periodOptions} placeholder={t('substitutions.period')} />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item name="classId" label={t('substitutions.class')} rules={required}>
          <Select data-testid="sub-class" showSearch={{ optionFilterProp: 'label' }} options={classOptions} />
        </Form.Item>
        {noLesson === 'main' && <Alert type="warning" showIcon title={t('substitutions.noLesson')} style={{ marginBottom: 12 }} />}
        <Form.Item name="subjectId" label={t('substitutions.subject')} rules={required}>
          <Select data-testid="sub-subject" showSearch={{ optionFilterProp: 'label' }} options={subjectOptions} />
        </Form.Item>
        <Form.Item name="originalTeacherId" label={t('substitutions.originalTeacher')}>
          <PersonSelect people={people} allowClear testId="sub-original" style={{ width: '100%' }} />
        </Form.Item>
        {kind !== '停课' && (
          <Form.Item name="substituteTeacherId" label={t(kind === '补课' ? 'substitutions.teacherMakeUp' : 'substitutions.substitute')} rules={kind === '代课' ? required : undefined}>
            <PersonSelect people={people} allowClear testId="sub-substitute" style={{ width: '100%' }} />
          </Form.Item>
        )}
        {kind === '调课' && (
          <>
            <Form.Item label={t('substitutions.swapWith')} required>
              <Space>
                <Form.Item name="swapDate" noStyle rules={required}>
                  <DatePicker data-testid="sub-swap-date" />
                </Form.Item>
                <Form.Item name="swapPeriod" noStyle rules={required}>
                  <Select data-testid="sub-swap-period" style={{ width: 110 }} options={periodOptions} placeholder={t('substitutions.period')} />
                </Form.Item>
              </Space>
            </Form.Item>
            {noLesson === 'swap' && <Alert type="warning" showIcon title={t('substitutions.noLesson')} style={{ marginBottom: 12 }} />}
            <Form.Item name="swapSubjectId" label={t('substitutions.swapSubject')} rules={required}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={subjectOptions} />
            </Form.Item>
            <Form.Item name="swapTeacherId" label={t('substitutions.swapTeacher')}>
              <PersonSelect people={people} allowClear style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="reason" label={t('substitutions.reason')}>
          <Input maxLength={100} data-testid="sub-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
