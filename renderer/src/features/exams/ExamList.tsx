/**
 * The term's exams as a table, and the exam form (name, kind, date, grades, subjects with full marks, mode).
 * Core refuses paper scores for grades 1-2 (errors.exams.lowerPrimaryNoPaper): that message is shown at the
 * grades field.
 */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXAM_KINDS, EXAM_MODES, type Exam, type ExamInput, type ExamKind, type ExamMode } from '../../../../shared/contract';
import { api } from '../../api/client';
import { formFieldErrors, useApiError } from '../../app/useApiError';
import type { T } from '../../app/formatError';
import type { Lookups } from './lookups';
import { schoolDay } from '../../../../shared/domain/dates';

interface FormValues {
  name: string; kind: ExamKind; date: string; mode: ExamMode; gradeIds: number[]; subjectIds: number[];
  fullMarks: Record<string, number | null>; note?: string;
}

const FORM_FIELDS = ['name', 'kind', 'date', 'mode', 'gradeIds'];
const today = () => schoolDay();

export function ExamList({ exams, lookups, termId, onChanged, onOpen }: {
  exams: Exam[]; lookups: Lookups; termId: number; onChanged: () => Promise<void>; onOpen: (id: number, tab: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [editing, setEditing] = useState<Exam | 'new' | null>(null);

  const remove = async (e: Exam) => {
    try {
      await api.call('exams/delete', { id: e.id });
      void message.success(t('exams.deleted', { name: e.name }));
      await onChanged();
    } catch (err) {
      showError(err);
    }
  };

  const gradeName = (id: number) => lookups.grades.find((g) => g.id === id)?.name ?? String(id);

  return (
    <div className="ex-panel">
      <div className="ex-bar" style={{ marginBottom: 10 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="exam-new">{t('exams.newExam')}</Button>
      </div>
      <Table<Exam>
        size="small"
        rowKey="id"
        data-testid="exam-list"
        dataSource={exams}
        pagination={false}
        locale={{ emptyText: t('exams.noExams') }}
        columns={[
          { title: t('exams.fields.name'), dataIndex: 'name' },
          { title: t('exams.fields.kind'), dataIndex: 'kind', width: 80 },
          { title: t('exams.fields.date'), dataIndex: 'date', width: 110 },
          { title: t('exams.fields.grades'), dataIndex: 'gradeIds', width: 120, onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (ids: number[]) => ids.map(gradeName).join('、') },
          {
            title: t('exams.fields.subjects'), dataIndex: 'subjects',
            render: (_: unknown, e) => e.subjects.map((s) => (e.mode === 'score' ? `${s.subjectName}(${s.fullMarks})` : s.subjectName)).join('、'),
          },
          { title: t('exams.fields.mode'), dataIndex: 'mode', width: 90, render: (m: ExamMode) => <Tag>{t(`exams.modes.${m}`)}</Tag> },
          { title: t('exams.students'), dataIndex: 'students', width: 80, align: 'right' },
          { title: t('exams.cells'), dataIndex: 'cells', width: 90, align: 'right' },
          {
            title: t('exams.actions'), key: 'actions', width: 300,
            render: (_: unknown, e) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => onOpen(e.id, 'scores')}>{t('exams.tabs.scores')}</Button>
                <Button size="small" onClick={() => onOpen(e.id, 'import')}>{t('exams.tabs.import')}</Button>
                <Button size="small" onClick={() => onOpen(e.id, 'analysis')}>{t('exams.tabs.analysis')}</Button>
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(e)} aria-label={t('exams.edit')} />
                <Popconfirm title={t('exams.deleteConfirm', { name: e.name, cells: e.cells })} onConfirm={() => remove(e)}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('exams.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <ExamForm
          exam={editing === 'new' ? null : editing}
          lookups={lookups}
          termId={termId}
          onClose={() => setEditing(null)}
          onSaved={async (e) => {
            setEditing(null);
            await onChanged();
            onOpen(e.id, 'list');
          }}
        />
      )}
    </div>
  );
}

function ExamForm({ exam, lookups, termId, onClose, onSaved }: {
  exam: Exam | null; lookups: Lookups; termId: number; onClose: () => void; onSaved: (e: Exam) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const subjectIds = Form.useWatch('subjectIds', form) ?? [];
  const mode = Form.useWatch('mode', form) ?? 'score';

  const initial: FormValues = exam
    ? {
      name: exam.name, kind: exam.kind, date: exam.date, mode: exam.mode, gradeIds: exam.gradeIds,
      subjectIds: exam.subjects.map((s) => s.subjectId),
      fullMarks: Object.fromEntries(exam.subjects.map((s) => [String(s.subjectId), s.fullMarks])), note: exam.note ?? '',
    }
    : { name: '', kind: '期中', date: today(), mode: 'score', gradeIds: [], subjectIds: [], fullMarks: {}, note: '' };

  const submit = async () => {
    const v = await form.validateFields();
    const input: ExamInput = {
      id: exam?.id, termId, name: v.name, kind: v.kind, date: v.date, mode: v.mode, gradeIds: v.gradeIds,
      subjects: v.subjectIds.map((id) => ({ subjectId: id, fullMarks: v.mode === 'score' ? v.fullMarks?.[String(id)] ?? 100 : null })),
      note: v.note || null,
    };
    setBusy(true);
    try {
      const saved = await api.call('exams/save', input);
      void message.success(t('exams.saved', { name: saved.name }));
      await onSaved(saved);
    } catch (e) {
      const fields = formFieldErrors(t as T, e).filter((f) => FORM_FIELDS.includes(f.name));
      if (!fields.length) showError(e);
      // The lower-primary refusal arrives on gradeIds: shown under the grades, where the full text fits.
      else form.setFields(fields.map((f) => ({ name: f.name as keyof FormValues, errors: f.errors })));
    } finally {
      setBusy(false);
    }
  };

  const subjectName = (id: number) => lookups.subjects.find((s) => s.id === id)?.name ?? String(id);

  return (
    <Modal
      open
      width={640}
      title={exam ? t('exams.editExam') : t('exams.newExam')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('exams.save')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'exam-form-save' } as React.ComponentProps<typeof Button>}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} data-testid="exam-form"
        onValuesChange={(changed: Partial<FormValues>) => {
          // Switching to levels answers the lower-primary refusal shown at the grades.
          if ('mode' in changed) form.setFields([{ name: 'gradeIds', errors: [] }]);
        }}
      >
        <Form.Item name="name" label={t('exams.fields.name')} rules={[{ required: true, message: t('exams.required') }]}>
          <Input data-testid="exam-form-name" maxLength={60} placeholder={t('exams.namePlaceholder')} />
        </Form.Item>
        <Space size={12} style={{ display: 'flex' }} align="start">
          <Form.Item name="kind" label={t('exams.fields.kind')} rules={[{ required: true }]}>
            <Select data-testid="exam-form-kind" style={{ width: 120 }} options={EXAM_KINDS.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Form.Item name="date" label={t('exams.fields.date')} rules={[{ required: true, message: t('exams.required') }]}>
            <Input type="date" data-testid="exam-form-date" style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="mode" label={t('exams.fields.mode')}>
            <Radio.Group data-testid="exam-form-mode" options={EXAM_MODES.map((m) => ({ value: m, label: t(`exams.modes.${m}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="gradeIds" label={t('exams.fields.grades')} rules={[{ required: true, message: t('exams.required') }]}>
          <Select data-testid="exam-form-grades" mode="multiple" options={lookups.grades.map((g) => ({ value: g.id, label: g.name }))} />
        </Form.Item>
        <Form.Item name="subjectIds" label={t('exams.fields.subjects')} rules={[{ required: true, message: t('exams.required') }]}>
          <Select
            data-testid="exam-form-subjects"
            mode="multiple"
            optionFilterProp="label"
            options={lookups.subjects.filter((s) => !s.archived).map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        {mode === 'score' && subjectIds.length > 0 && (
          <div className="ex-bar" style={{ marginBottom: 8 }}>
            {subjectIds.map((id) => (
              <Form.Item key={id} name={['fullMarks', String(id)]} label={t('exams.fullMarksOf', { subject: subjectName(id) })} initialValue={100}
                rules={[{ required: true, message: t('exams.required') }]} style={{ marginBottom: 0 }}>
                <InputNumber data-testid={`exam-form-full-${id}`} min={1} max={1000} style={{ width: 110 }} />
              </Form.Item>
            ))}
          </div>
        )}
        {mode === 'level' && <div className="ex-bar" style={{ color: '#8c8c8c', marginBottom: 8 }}>{t('exams.levelHint')}</div>}
        <Form.Item name="note" label={t('exams.fields.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
