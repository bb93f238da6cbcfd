/**
 * One student's file (一生一案) in a drawer: basics, causes by dimension (sensitive ones marked), the six-in-place
 * plan beside the score curve, dated entries, status with history and the term summary. Opening it calls
 * 'struggling/get', which core writes to the audit log; later edits update the drawer without re-opening.
 */
import { LockOutlined, PrinterOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Descriptions, Drawer, Empty, Form, Input, Select, Space, Spin, Tag, Timeline, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CAUSE_DIMENSIONS, SENSITIVE_DIMENSIONS, STRUGGLING_STATUSES,
  type CauseDimension, type ScoreCurve, type SixInPlace, type StrugglingFile, type StrugglingStatus,
} from '../../../../shared/contract';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { PersonSelect } from '../../components/pickers';
import { ScoreCurveChart } from './Charts';
import { EntrySection } from './EntrySection';
import { printPdf, STATUS_COLOR, today, type Lookups } from './common';

const PLAN_FIELDS: (keyof SixInPlace)[] = ['time', 'place', 'content', 'teacher', 'measures', 'check'];

interface Values {
  subjectIds: number[]; teacherId: number | null; headTeacherId: number | null;
  goal: string | null; measures: string | null; summary: string | null;
  plan: SixInPlace;
  causes: Record<string, { on: boolean; note: string | null }>;
}

function toValues(f: StrugglingFile): Values {
  const causes: Values['causes'] = {};
  for (const d of CAUSE_DIMENSIONS) {
    const c = f.causes.find((x) => x.dimension === d);
    causes[d] = { on: !!c, note: c?.note ?? null };
  }
  return {
    subjectIds: f.subjectIds, teacherId: f.teacherId, headTeacherId: f.headTeacherId,
    goal: f.goal, measures: f.measures, summary: f.summary, plan: { ...f.plan }, causes,
  };
}

const blank = (s: string | null | undefined) => (s && s.trim() ? s : null);

export function FileDrawer({ fileId, lookups, onClose, onChanged }: {
  fileId: number | null; lookups: Lookups; onClose: () => void; onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<StrugglingFile | null>(null);
  const [curve, setCurve] = useState<ScoreCurve | null>(null);
  const [saving, setSaving] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [nextStatus, setNextStatus] = useState<StrugglingStatus | null>(null);
  const [statusDate, setStatusDate] = useState(today());
  const [statusNote, setStatusNote] = useState('');
  const causesOn = Form.useWatch('causes', form);

  const load = useCallback(async (id: number) => {
    try {
      const f = await api.call('struggling/get', { id });
      setFile(f);
      form.setFieldsValue(toValues(f));
      setNextStatus(null);
      setStatusNote('');
      setStatusDate(today());
      setCurve(await api.call('struggling/scoreCurve', { studentId: f.studentId }));
    } catch (e) {
      showError(e);
    }
  }, [form, showError]);

  useEffect(() => {
    setFile(null);
    setCurve(null);
    if (fileId !== null) void load(fileId);
  }, [fileId, load]);

  const people = useMemo(() => lookups.teachers.map((x) => ({ id: x.id, name: x.name, hint: x.subjectName })), [lookups.teachers]);

  const save = async () => {
    if (!file) return;
    const v = await form.validateFields();
    setSaving(true);
    try {
      const saved = await api.call('struggling/save', {
        id: file.id,
        subjectIds: v.subjectIds ?? [],
        teacherId: v.teacherId ?? null,
        headTeacherId: v.headTeacherId ?? null,
        causes: CAUSE_DIMENSIONS.filter((d) => v.causes?.[d]?.on).map((d) => ({ dimension: d, note: blank(v.causes[d].note) })),
        goal: blank(v.goal), measures: blank(v.measures), summary: blank(v.summary),
        plan: Object.fromEntries(PLAN_FIELDS.map((k) => [k, blank(v.plan?.[k])])) as unknown as SixInPlace,
      });
      setFile(saved);
      form.setFieldsValue(toValues(saved));
      void message.success(t('struggling.saved'));
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  const applyStatus = async () => {
    if (!file || !nextStatus) return;
    try {
      await api.call('struggling/setStatus', { id: file.id, status: nextStatus, date: statusDate, note: blank(statusNote) });
      void message.success(t('struggling.statusChanged', { status: t(`struggling.status.${nextStatus}`) }));
      onChanged();
      await load(file.id); // the history comes with the whole file
    } catch (e) {
      showError(e);
    }
  };

  const print = async () => {
    if (!file) return;
    setPrinting(true);
    try {
      if (await printPdf('struggling-file', { fileId: file.id })) void message.success(t('struggling.printed'));
    } catch (e) {
      showError(e);
    } finally {
      setPrinting(false);
    }
  };

  const close = () => {
    if (form.isFieldsTouched()) {
      modal.confirm({ title: t('struggling.discardConfirm'), onOk: onClose });
      return;
    }
    onClose();
  };

  const entryChanged = (entries: StrugglingFile['entries']) => {
    if (!file) return;
    const tutoring = entries.filter((e) => e.kind === 'tutoring');
    setFile({ ...file, entries, tutoringCount: tutoring.length, lastTutoringOn: tutoring.map((e) => e.date).sort().at(-1) ?? null });
    onChanged();
  };

  return (
    <Drawer
      open={fileId !== null}
      onClose={close}
      size={1120}
      destroyOnHidden
      title={file ? (
        <Space>
          <span data-testid="sf-file-title">{t('struggling.fileTitle', { name: file.studentName })}</span>
          <Tag color={STATUS_COLOR[file.status]} data-testid="sf-file-status">{t(`struggling.status.${file.status}`)}</Tag>
        </Space>
      ) : t('struggling.loading')}
      extra={file && (
        <Space>
          <Tooltip title={t('struggling.printFileHint')}>
            <Button icon={<PrinterOutlined />} loading={printing} onClick={print} data-testid="sf-print-file">{t('struggling.printFile')}</Button>
          </Tooltip>
          <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={save} data-testid="sf-save">{t('struggling.save')}</Button>
        </Space>
      )}
    >
      {!file ? <Spin /> : (
        <div className="sf-file" data-testid="sf-file">
          <Descriptions size="small" column={4} bordered>
            <Descriptions.Item label={t('struggling.col.studentName')}>{file.studentName}</Descriptions.Item>
            <Descriptions.Item label={t('struggling.col.studentNo')}>{file.studentNo}</Descriptions.Item>
            <Descriptions.Item label={t('struggling.gender')}>{file.gender ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('struggling.col.className')}>{file.className ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('struggling.term')}>{file.termLabel}</Descriptions.Item>
            <Descriptions.Item label={t('struggling.col.source')}>{t(`struggling.source.${file.source}`)}</Descriptions.Item>
            <Descriptions.Item label={t('struggling.col.openedOn')}>{file.openedOn}</Descriptions.Item>
            <Descriptions.Item label={t('struggling.leftBehind')}>{file.leftBehind ? t('common.yes') : t('common.no')}</Descriptions.Item>
          </Descriptions>

          <Form<Values> form={form} layout="vertical" className="sf-form">
            <div className="sf-row3">
              <Form.Item name="subjectIds" label={t('struggling.col.subjects')}>
                <Select mode="multiple" options={lookups.subjects.map((s) => ({ value: s.id, label: s.name }))} data-testid="sf-subjects" />
              </Form.Item>
              <Form.Item name="teacherId" label={t('struggling.col.teacher')}>
                <PersonSelect people={people} allowClear testId="sf-teacher" style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="headTeacherId" label={t('struggling.col.headTeacher')}>
                <PersonSelect people={people} allowClear testId="sf-head-teacher" style={{ width: '100%' }} />
              </Form.Item>
            </div>

            <h4>{t('struggling.causes')}</h4>
            <div className="sf-causes" data-testid="sf-causes">
              {CAUSE_DIMENSIONS.map((d: CauseDimension) => {
                const sensitive = SENSITIVE_DIMENSIONS.includes(d);
                return (
                  <div key={d} className={sensitive ? 'sf-cause sf-sensitive' : 'sf-cause'} data-testid={`sf-cause-${d}`}>
                    <Form.Item name={['causes', d, 'on']} valuePropName="checked" noStyle>
                      <Checkbox>
                        {t(`struggling.dimension.${d}`)}
                        {sensitive && (
                          <Tooltip title={t('struggling.sensitiveHint')}>
                            <LockOutlined className="sf-lock" data-testid="sf-lock" />
                          </Tooltip>
                        )}
                      </Checkbox>
                    </Form.Item>
                    <Form.Item name={['causes', d, 'note']} noStyle>
                      <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} disabled={!causesOn?.[d]?.on} placeholder={t('struggling.causeNote')} />
                    </Form.Item>
                  </div>
                );
              })}
              <div className="sf-sensitive-note"><LockOutlined /> {t('struggling.sensitiveHint')}</div>
            </div>

            <div className="sf-row2">
              <Form.Item name="goal" label={t('struggling.goal')}>
                <Input.TextArea rows={2} maxLength={1000} data-testid="sf-goal" />
              </Form.Item>
              <Form.Item name="measures" label={t('struggling.measures')}>
                <Input.TextArea rows={2} maxLength={2000} data-testid="sf-measures" />
              </Form.Item>
            </div>

            <div className="sf-plan-wrap">
              <div>
                <h4>{t('struggling.plan.title')}</h4>
                <div className="sf-plan">
                  {PLAN_FIELDS.map((k) => (
                    <Form.Item key={k} name={['plan', k]} label={t(`struggling.plan.${k}`)}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={k === 'teacher' ? 100 : 500} />
                    </Form.Item>
                  ))}
                </div>
              </div>
              <div className="sf-curve">
                <h4>{t('struggling.curve')}</h4>
                {curve && curve.exams.length > 0
                  ? <ScoreCurveChart curve={curve} testId="sf-score-curve" />
                  : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('struggling.noScores')} data-testid="sf-no-scores" />}
              </div>
            </div>

          {(['tutoring', 'contact', 'review'] as const).map((kind) => (
            <EntrySection
              key={kind} fileId={file.id} kind={kind} entries={file.entries} defaultWho={kind === 'review' ? null : file.teacherName}
              onAdded={(e) => entryChanged([...file.entries, e])}
              onDeleted={(id) => entryChanged(file.entries.filter((x) => x.id !== id))}
            />
          ))}

          <div className="sf-section" data-testid="sf-status">
            <div className="sf-section-head"><h4>{t('struggling.statusTitle')}</h4></div>
            <Space wrap>
              <Select<StrugglingStatus>
                style={{ width: 130 }} placeholder={t('struggling.newStatus')} value={nextStatus ?? undefined} onChange={setNextStatus}
                options={STRUGGLING_STATUSES.filter((s) => s !== file.status).map((s) => ({ value: s, label: t(`struggling.status.${s}`) }))}
                data-testid="sf-status-select"
              />
              <Input type="date" value={statusDate} onChange={(e) => setStatusDate(e.target.value)} style={{ width: 150 }} data-testid="sf-status-date" />
              <Input value={statusNote} onChange={(e) => setStatusNote(e.target.value)} maxLength={500} placeholder={t('struggling.statusNote')} style={{ width: 300 }} data-testid="sf-status-note" />
              <Button type="primary" ghost disabled={!nextStatus || !statusDate} onClick={applyStatus} data-testid="sf-status-apply">{t('struggling.applyStatus')}</Button>
            </Space>
            <Timeline
              className="sf-history"
              items={file.statusHistory.map((h) => ({
                color: h.to === '已转化' ? 'green' : h.to === '转出' ? 'gray' : 'blue',
                content: `${h.date}  ${h.from ? `${t(`struggling.status.${h.from}`)} → ` : ''}${t(`struggling.status.${h.to}`)}${h.note ? `（${h.note}）` : ''} · ${h.operator}`,
              }))}
            />
          </div>

          <div className="sf-section">
            <div className="sf-section-head"><h4>{t('struggling.summary')}</h4></div>
            <Form.Item name="summary" noStyle>
              <Input.TextArea rows={3} maxLength={3000} placeholder={t('struggling.summaryHint')} data-testid="sf-summary" />
            </Form.Item>
          </div>
          </Form>
        </div>
      )}
    </Drawer>
  );
}
