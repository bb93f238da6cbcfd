/**
 * 候选名单: students suggested by an exam under configurable rules (subjects, pass %, bottom share, minimum
 * subjects) and by teachers' nominations. The office ticks who gets a file and confirms (确认建档); a student who
 * already has an open file is marked and cannot be picked again.
 */
import { CheckOutlined, SaveOutlined, SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Student, Term } from '../../../../shared/contract';
import type { Exam } from '../../../../shared/contract';
import type { Candidate, CandidateRules, StrugglingSettings } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { PersonSelect } from '../../components/pickers';
import type { Lookups } from './common';

export function CandidatesTab({ term, lookups, settings, onSettings, onConfirmed, onOpen }: {
  term: Term; lookups: Lookups; settings: StrugglingSettings | null;
  onSettings: (s: StrugglingSettings) => void; onConfirmed: () => void; onOpen: (fileId: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [exams, setExams] = useState<Exam[]>([]);
  const [examId, setExamId] = useState<number | null>(null);
  const [examsLoaded, setExamsLoaded] = useState(false);
  const [rules, setRules] = useState<CandidateRules | null>(null);
  const [rows, setRows] = useState<Candidate[] | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [nominating, setNominating] = useState(false);

  useEffect(() => {
    api.call('exams/list', { termId: term.id }).then((list) => {
      const scored = list.filter((e) => e.mode === 'score').sort((a, b) => b.date.localeCompare(a.date));
      setExams(scored);
      setExamId((cur) => cur ?? scored[0]?.id ?? null);
      setExamsLoaded(true);
    }, showError);
  }, [term.id, showError]);
  useEffect(() => { if (settings && !rules) setRules(settings.rules); }, [settings, rules]);

  const exam = exams.find((e) => e.id === examId) ?? null;

  const query = useCallback(async () => {
    if (!rules) return;
    setBusy(true);
    try {
      setRows(await api.call('struggling/candidates', { termId: term.id, examId: examId ?? undefined, rules }));
      setSelected([]);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }, [term.id, examId, rules, showError]);

  // First load: once both the rules and the exam list are known (else the first query could run without the exam).
  useEffect(() => { if (rules && examsLoaded && rows === null) void query(); }, [rules, examsLoaded, rows, query]);

  const saveRules = async () => {
    if (!settings || !rules) return;
    try {
      onSettings(await api.call('struggling/saveSettings', { ...settings, rules }));
      void message.success(t('struggling.cand.rulesSaved'));
    } catch (e) {
      showError(e);
    }
  };

  const confirm = async () => {
    if (!rows) return;
    const picked = rows.filter((c) => selected.includes(c.studentId));
    setBusy(true);
    try {
      const r = await api.call('struggling/confirm', {
        termId: term.id,
        examId: picked.some((c) => c.sources.includes('exam')) ? examId : null,
        students: picked.map((c) => ({
          studentId: c.studentId,
          subjectIds: [...new Set([...c.failedSubjectIds, ...c.bottomSubjectIds])],
          nominationIds: c.nominationIds,
        })),
      });
      void message.success(t('struggling.cand.confirmed', { created: r.created.length, skipped: r.skipped.length }));
      onConfirmed();
      await query();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const subjectName = useMemo(() => new Map(lookups.subjects.map((s) => [s.id, s.name])), [lookups.subjects]);
  const names = (ids: number[]) => ids.map((id) => subjectName.get(id) ?? `#${id}`).join('、');
  const setRule = <K extends keyof CandidateRules>(k: K, v: CandidateRules[K]) => setRules((r) => (r ? { ...r, [k]: v } : r));

  return (
    <div className="sf-cand">
      <div className="sf-rules" data-testid="sf-rules">
        <Space wrap align="end">
          <label className="sf-field">
            <span>{t('struggling.cand.exam')}</span>
            <Select
              style={{ width: 220 }} allowClear placeholder={t('struggling.cand.noExam')} value={examId ?? undefined}
              onChange={(v) => { setExamId(v ?? null); setRows(null); }} data-testid="sf-exam"
              options={exams.map((e) => ({ value: e.id, label: `${e.name}（${e.date}）` }))}
            />
          </label>
          <label className="sf-field">
            <span>{t('struggling.cand.subjects')}</span>
            <Select
              mode="multiple" style={{ minWidth: 200 }} allowClear placeholder={t('struggling.cand.allSubjects')}
              value={rules?.subjectIds ?? []} onChange={(v) => setRule('subjectIds', v)}
              options={(exam?.subjects ?? []).map((s) => ({ value: s.subjectId, label: s.subjectName }))}
            />
          </label>
          <label className="sf-field">
            <span>{t('struggling.cand.passPct')}</span>
            <InputNumber min={1} max={100} placeholder={t('struggling.cand.byExam')} value={rules?.passPct ?? null} onChange={(v) => setRule('passPct', v ?? null)} suffix="%" style={{ width: 120 }} />
          </label>
          <label className="sf-field">
            <span>{t('struggling.cand.bottomPct')}</span>
            <InputNumber min={0} max={100} placeholder={t('struggling.cand.byExam')} value={rules?.bottomPct ?? null} onChange={(v) => setRule('bottomPct', v ?? null)} suffix="%" style={{ width: 120 }} />
          </label>
          <label className="sf-field">
            <span>{t('struggling.cand.minFailed')}</span>
            <InputNumber min={1} max={30} value={rules?.minFailedSubjects ?? 1} onChange={(v) => setRule('minFailedSubjects', v ?? 1)} style={{ width: 80 }} />
          </label>
          <label className="sf-field">
            <span>{t('struggling.cand.minBottom')}</span>
            <InputNumber min={1} max={30} value={rules?.minBottomSubjects ?? 1} onChange={(v) => setRule('minBottomSubjects', v ?? 1)} style={{ width: 80 }} />
          </label>
          <Button type="primary" icon={<SearchOutlined />} onClick={query} loading={busy} data-testid="sf-cand-query">{t('struggling.cand.query')}</Button>
          <Tooltip title={t('struggling.cand.saveRulesHint')}>
            <Button icon={<SaveOutlined />} onClick={saveRules} disabled={!rules}>{t('struggling.cand.saveRules')}</Button>
          </Tooltip>
        </Space>
      </div>
      <div className="sf-cand-bar">
        <Space>
          <Button icon={<UserAddOutlined />} onClick={() => setNominating(true)} data-testid="sf-nominate">{t('struggling.cand.nominate')}</Button>
          <Button type="primary" icon={<CheckOutlined />} disabled={!selected.length} loading={busy} onClick={confirm} data-testid="sf-cand-confirm">
            {t('struggling.cand.confirm', { count: selected.length })}
          </Button>
        </Space>
        <span className="sf-muted">{t('struggling.cand.count', { count: rows?.length ?? 0 })}</span>
      </div>
      <Table<Candidate>
        size="small" rowKey="studentId" loading={rows === null || busy} dataSource={rows ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="sf-candidates" scroll={{ y: 'calc(100vh - 380px)' }}
        rowSelection={{
          selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]),
          getCheckboxProps: (c) => ({ disabled: c.openFileId !== null }),
        }}
        columns={[
          { key: 'name', title: t('struggling.col.studentName'), dataIndex: 'studentName', width: 100 },
          { key: 'class', title: t('struggling.col.className'), dataIndex: 'className', width: 110 },
          {
            key: 'sources', title: t('struggling.cand.sources'), width: 130,
            render: (_, c) => c.sources.map((s) => <Tag key={s} color={s === 'exam' ? 'blue' : 'purple'}>{t(`struggling.cand.source.${s}`)}</Tag>),
          },
          { key: 'failed', title: t('struggling.cand.failed'), render: (_, c) => names(c.failedSubjectIds) },
          { key: 'bottom', title: t('struggling.cand.bottom'), render: (_, c) => names(c.bottomSubjectIds) },
          {
            key: 'scores', title: t('struggling.cand.scores'),
            render: (_, c) => c.scores.map((s) => `${s.subjectName} ${s.score ?? '—'}`).join('  '),
          },
          {
            key: 'open', title: t('struggling.cand.openFile'), width: 110,
            render: (_, c) => c.openFileId !== null && (
              <Tag color="orange" style={{ cursor: 'pointer' }} onClick={() => onOpen(c.openFileId!)} data-testid="sf-cand-has-file">{t('struggling.cand.hasFile')}</Tag>
            ),
          },
        ]}
      />
      <NominateModal
        open={nominating} term={term} lookups={lookups} onClose={() => setNominating(false)}
        onDone={() => { setNominating(false); void query(); }}
      />
    </div>
  );
}

/** A teacher's nomination: class -> student, the nominating teacher, subjects and a reason. */
function NominateModal({ open, term, lookups, onClose, onDone }: {
  open: boolean; term: Term; lookups: Lookups; onClose: () => void; onDone: () => void;
}) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [form] = Form.useForm<{ classId: number; studentId: number; teacherId: number | null; subjectIds: number[]; reason: string }>();
  const classId = Form.useWatch('classId', form);
  const [students, setStudents] = useState<Student[]>([]);
  useEffect(() => {
    if (!classId) { setStudents([]); return; }
    api.call('students/list', { classId }).then(setStudents, showError);
  }, [classId, showError]);
  const people = useMemo(() => lookups.teachers.map((x) => ({ id: x.id, name: x.name, hint: x.subjectName })), [lookups.teachers]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api.call('struggling/nominate', { termId: term.id, studentId: v.studentId, teacherId: v.teacherId ?? null, subjectIds: v.subjectIds ?? [], reason: v.reason || null });
      form.resetFields();
      onDone();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Modal open={open} title={t('struggling.cand.nominate')} onCancel={onClose} onOk={submit} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        <Space wrap>
          <Form.Item name="classId" label={t('struggling.col.className')} rules={[{ required: true }]}>
            <Select style={{ width: 150 }} options={lookups.classes.map((c) => ({ value: c.id, label: c.name }))} onChange={() => form.setFieldValue('studentId', undefined)} />
          </Form.Item>
          <Form.Item name="studentId" label={t('struggling.col.studentName')} rules={[{ required: true }]}>
            <Select style={{ width: 150 }} showSearch={{ optionFilterProp: 'label' }} options={students.filter((s) => !s.archived).map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
          <Form.Item name="teacherId" label={t('struggling.cand.nominatedBy')}>
            <PersonSelect people={people} allowClear style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item name="subjectIds" label={t('struggling.col.subjects')}>
          <Select mode="multiple" options={lookups.subjects.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('struggling.cand.reason')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
