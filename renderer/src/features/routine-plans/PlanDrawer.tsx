/**
 * The lesson-plan form (教案) in a drawer: every plan field of domain.md and one attached file (docx, pdf, jpg or
 * png, at most 30 MB). A picked file replaces the stored one on save; 删除附件 drops it. Wrong types and sizes
 * are refused here with a clear message before anything is sent.
 */
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment, Teacher } from '../../../../shared/contract';
import { LESSON_TYPES, type LessonPlan, type LessonType } from '../../../../shared/contract';
import { api, readUpload } from '../../api/client';
import { ATTACHMENT_FILE_TYPES as PLAN_FILE_TYPES, ATTACHMENT_MAX_MB as PLAN_FILE_MAX_MB, attachmentFileProblem as planFileProblem, downloadAttachment } from '../../components/attachments';
import { useApiError } from '../../app/useApiError';
import type { GridOption } from '../../components/DataGrid';
import { PersonSelect } from '../../components/pickers';
import { formatSize, teachingWeekOf } from './common';

export { downloadAttachment };

interface Values {
  teacherId?: number; subjectId?: number; classId?: number;
  topic?: string; lessonType: LessonType; periods: number; week?: number | null; date?: Dayjs | null;
  objectives?: string; keyPoints?: string; difficultPoints?: string; aids?: string; process?: string;
  boardDesign?: string; homeworkDesign?: string; reflection?: string; secondRound?: string;
}

export function PlanDrawer({ open, plan, defaults, termId, termStart, teachingWeeks, teachers, subjects, classes, assignments, onClose, onSaved }: {
  open: boolean;
  /** The plan being edited; null for a new one. */
  plan: LessonPlan | null;
  defaults: Partial<Values>;
  termId: number; termStart: string; teachingWeeks: number;
  teachers: Teacher[]; subjects: GridOption[]; classes: GridOption[]; assignments: Assignment[];
  onClose: () => void;
  onSaved: (p: LessonPlan) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [removeAttachment, setRemoveAttachment] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setFile(null);
    setRemoveAttachment(false);
    form.resetFields();
    form.setFieldsValue(plan ? { ...plan, date: plan.date ? dayjs(plan.date) : null } as unknown as Values : { lessonType: '新授', periods: 1, ...defaults });
  }, [open, plan, defaults, form]);

  const people = useMemo(() => teachers.map((x) => ({ id: x.id, name: x.name, hint: x.subjectName })), [teachers]);
  const active = (opts: GridOption[]) => opts.filter((o) => !o.archived);

  function onValuesChange(changed: Partial<Values>, all: Values) {
    // A teacher with one assignment this term: subject and class follow.
    if ('teacherId' in changed && all.teacherId) {
      const mine = assignments.filter((a) => a.teacherId === all.teacherId);
      if (mine.length === 1) form.setFieldsValue({ subjectId: mine[0].subjectId, classId: mine[0].classId });
    }
    if ('date' in changed && all.date) form.setFieldsValue({ week: teachingWeekOf(all.date.format('YYYY-MM-DD'), termStart, teachingWeeks) });
  }

  function pick(f: File): boolean {
    const problem = planFileProblem(f);
    if (problem) {
      void message.error(t(problem.key, problem.params));
      return false;
    }
    setFile(f);
    setRemoveAttachment(false);
    return false; // never let antd upload by itself: the file rides in routine-plans/saveLessonPlan
  }

  async function submit() {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const saved = await api.call('routine-plans/saveLessonPlan', {
        id: plan?.id,
        termId,
        teacherId: v.teacherId!, subjectId: v.subjectId!, classId: v.classId!,
        topic: v.topic!, lessonType: v.lessonType, periods: v.periods,
        week: v.week ?? null, date: v.date ? v.date.format('YYYY-MM-DD') : null,
        objectives: v.objectives, keyPoints: v.keyPoints, difficultPoints: v.difficultPoints, aids: v.aids, process: v.process,
        boardDesign: v.boardDesign, homeworkDesign: v.homeworkDesign, reflection: v.reflection, secondRound: v.secondRound,
        upload: file ? await readUpload(file) : undefined,
        removeAttachment: !file && removeAttachment,
      });
      void message.success(t('routine.plans.saved', { topic: saved.topic }));
      onSaved(saved);
    } catch (e) {
      showError(e, { fieldLabel: (f) => t(`routine.plans.fields.${f}`, { defaultValue: f }) });
    } finally {
      setSaving(false);
    }
  }

  const required = [{ required: true, message: t('routine.required') }];
  const stored = plan?.attachment && !removeAttachment ? plan.attachment : null;
  const area = (name: keyof Values, rows = 3) => (
    <Form.Item name={name} label={t(`routine.plans.fields.${name}`)}>
      <Input.TextArea autoSize={{ minRows: rows, maxRows: 12 }} data-testid={`plan-${name}`} />
    </Form.Item>
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t(plan ? 'routine.plans.editTitle' : 'routine.plans.addTitle')}
      size={640}
      className="jw-rt-drawer"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('routine.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={submit} data-testid="plan-save">{t('routine.save')}</Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onValuesChange={onValuesChange} data-testid="plan-form">
        <div className="jw-form-row">
          <Form.Item name="teacherId" label={t('routine.fields.teacher')} rules={required}>
            <PersonSelect people={people} testId="plan-teacher" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="topic" label={t('routine.plans.fields.topic')} rules={required}>
            <Input maxLength={100} data-testid="plan-topic" />
          </Form.Item>
          <Form.Item name="subjectId" label={t('routine.fields.subject')} rules={required}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={active(subjects)} data-testid="plan-subject" />
          </Form.Item>
          <Form.Item name="classId" label={t('routine.fields.class')} rules={required}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={active(classes)} data-testid="plan-class" />
          </Form.Item>
          <Form.Item name="lessonType" label={t('routine.plans.fields.lessonType')}>
            <Select options={LESSON_TYPES.map((l) => ({ value: l, label: t(`routine.enum.lessonType.${l}`) }))} />
          </Form.Item>
          <Form.Item name="periods" label={t('routine.plans.fields.periods')}>
            <InputNumber min={1} max={20} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="date" label={t('routine.plans.fields.date')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="week" label={t('routine.plans.fields.week')}>
            <InputNumber min={1} max={30} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        {area('objectives')}
        <div className="jw-form-row">
          {area('keyPoints', 2)}
          {area('difficultPoints', 2)}
        </div>
        <Form.Item name="aids" label={t('routine.plans.fields.aids')}><Input maxLength={500} /></Form.Item>
        {area('process', 5)}
        {area('boardDesign', 2)}
        {area('homeworkDesign', 2)}
        {area('reflection', 2)}
        {area('secondRound', 2)}
        <Form.Item label={t('routine.plans.fields.attachment')} extra={t('routine.plans.fileHint', { max: PLAN_FILE_MAX_MB })}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {file && (
              <div className="jw-rt-file" data-testid="plan-file-picked">
                <PaperClipOutlined />
                <span className="jw-rt-file-name">{file.name}</span>
                <span className="jw-muted">{formatSize(file.size)} · {t('routine.plans.fileNew')}</span>
                <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => setFile(null)} />
              </div>
            )}
            {!file && stored && (
              <div className="jw-rt-file" data-testid="plan-file-stored">
                <PaperClipOutlined />
                <span className="jw-rt-file-name">{stored.fileName}</span>
                <span className="jw-muted">{formatSize(stored.size)}</span>
                <Button size="small" type="text" icon={<DownloadOutlined />} onClick={() => downloadAttachment(stored).catch(showError)} />
                <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => setRemoveAttachment(true)} data-testid="plan-file-remove" />
              </div>
            )}
            <Upload accept={PLAN_FILE_TYPES.map((x) => `.${x}`).join(',')} showUploadList={false} beforeUpload={pick} maxCount={1}>
              <Button icon={<UploadOutlined />} data-testid="plan-file-pick">{t(stored || file ? 'routine.plans.replaceFile' : 'routine.plans.pickFile')}</Button>
            </Upload>
          </Space>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
