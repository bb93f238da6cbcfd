/**
 * The roll-over wizards: 学年升级 (a new school year from the newest one) and 学期升级 (the second term from the
 * first). Settings -> preview (nothing written: every change with counts and examples, blockers named) ->
 * commit (backup first, one transaction) -> done (the backup to restore for undo).
 */
import { App, Alert, Button, Checkbox, DatePicker, Form, InputNumber, Modal, Radio, Select, Space, Steps, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_RULES, type RolloverPreview, type RolloverResult, type Term } from '../../../../shared/contract';
import { GRADE_NAMES } from '../../../../shared/domain/constants';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError, useFormError } from '../../app/useApiError';

export type RolloverMode = 'year' | 'term';

interface YearForm {
  startYear: number; term1Start: dayjs.Dayjs; term1Weeks: number; term2Start: dayjs.Dayjs; term2Weeks: number; entryClasses: number;
  assignmentRule: (typeof ASSIGNMENT_RULES)[number]; copyGroups: boolean; copyTimetableSettings: boolean; copyStandards: boolean;
  copyQuotas: boolean; carryStrugglingFiles: boolean;
}
interface TermForm { fromTermId: number; toTermId: number; copyAssignments: boolean; copyTimetable: boolean; copyStandards: boolean; copyQuotas: boolean; carryStrugglingFiles: boolean }

export function RolloverWizard({ mode, open, onClose, defaultEntryClasses }: { mode: RolloverMode; open: boolean; onClose: () => void; defaultEntryClasses: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const formError = useFormError();
  const { terms, refresh } = useAppState();
  const [step, setStep] = useState(0);
  const [preview, setPreview] = useState<RolloverPreview | null>(null);
  const [result, setResult] = useState<RolloverResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  // The newest school year and its terms decide the defaults.
  const newest = useMemo(() => [...terms].sort((a, b) => b.startDate.localeCompare(a.startDate)), [terms]);
  const newestYearStart = newest.length ? Number(newest[0].schoolYearName.slice(0, 4)) : dayjs().year();
  const sameYear = newest.filter((x) => x.schoolYearId === newest[0]?.schoolYearId).sort((a, b) => a.termNo - b.termNo);
  const y = newestYearStart + 1;
  const yearDefaults: Partial<YearForm> = {
    startYear: y, term1Start: dayjs(`${y}-09-01`), term1Weeks: 20, term2Start: dayjs(`${y + 1}-02-22`), term2Weeks: 20,
    entryClasses: defaultEntryClasses, assignmentRule: '跟班走', copyGroups: true, copyTimetableSettings: true, copyStandards: true,
    copyQuotas: true, carryStrugglingFiles: true,
  };
  const termDefaults: Partial<TermForm> = {
    fromTermId: sameYear[0]?.id, toTermId: sameYear[1]?.id, copyAssignments: true, copyTimetable: true, copyStandards: true, copyQuotas: true, carryStrugglingFiles: true,
  };

  const input = () => {
    const v = form.getFieldsValue(true);
    if (mode === 'term') return v as TermForm;
    const f = v as YearForm;
    return { ...f, term1Start: f.term1Start?.format('YYYY-MM-DD'), term2Start: f.term2Start?.format('YYYY-MM-DD') };
  };
  const reset = () => { setStep(0); setPreview(null); setResult(null); form.resetFields(); };
  const close = () => { reset(); onClose(); };

  const doPreview = async () => {
    setBusy(true);
    try {
      await form.validateFields();
      const p = mode === 'year'
        ? await api.call('school-years/rolloverPreview', input() as never)
        : await api.call('school-years/termRolloverPreview', input() as never);
      setPreview(p);
      setStep(1);
    } catch (e) {
      formError(form, e);
    } finally {
      setBusy(false);
    }
  };
  const commit = async () => {
    setBusy(true);
    try {
      const r = mode === 'year' ? await api.call('school-years/rollover', input() as never) : await api.call('school-years/termRollover', input() as never);
      setResult(r);
      setStep(2);
      await refresh();
      void message.success(t('schoolYears.stepDone'));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const termOptions = (list: Term[]) => list.map((x) => ({ value: x.id, label: x.name }));
  // Once previewed, the title names what was previewed (after the commit the newest year is the new one).
  const title = mode === 'year'
    ? t('schoolYears.rolloverTitle', preview ? { from: preview.fromYear, to: preview.toYear } : { from: newest[0]?.schoolYearName ?? '', to: `${y}-${y + 1}学年` })
    : t('schoolYears.termRolloverTitle', preview ? { from: preview.fromYear, to: preview.toYear } : { from: sameYear[0]?.name ?? '', to: sameYear[1]?.name ?? '' });
  const levelName = (l: number | null) => (l === null ? '—' : t(`enum.grade.${l}`, { defaultValue: GRADE_NAMES[l] }));

  const footer = step === 0
    ? [<Button key="c" onClick={close}>{t('schoolYears.cancel')}</Button>, <Button key="p" type="primary" loading={busy} onClick={doPreview} data-testid="rollover-preview">{t('schoolYears.preview')}</Button>]
    : step === 1
      ? [<Button key="b" onClick={() => setStep(0)}>{t('schoolYears.back')}</Button>,
        <Button key="ok" type="primary" danger loading={busy} disabled={!!preview?.blockers.length} onClick={commit} data-testid="rollover-commit">{t('schoolYears.commit')}</Button>]
      : [<Button key="d" type="primary" onClick={close} data-testid="rollover-close">{t('schoolYears.close')}</Button>];

  return (
    <Modal open={open} title={title} onCancel={close} footer={footer} width={760} destroyOnHidden data-testid={`rollover-${mode}`}>
      <Steps size="small" current={step} style={{ marginBottom: 16 }}
        items={[{ title: t('schoolYears.stepSettings') }, { title: t('schoolYears.stepPreview') }, { title: t('schoolYears.stepDone') }]} />
      <div style={{ display: step === 0 ? 'block' : 'none' }}>
        <Form form={form} layout="horizontal" labelCol={{ span: 7 }} initialValues={mode === 'year' ? yearDefaults : termDefaults}>
          {mode === 'year' ? (
            <>
              <Form.Item name="startYear" label={t('schoolYears.startYear')} rules={[{ required: true }]}><InputNumber min={2000} max={2100} data-testid="ro-start-year" /></Form.Item>
              <Form.Item label={t('schoolYears.term1Start')} required>
                <Space>
                  <Form.Item name="term1Start" noStyle rules={[{ required: true }]}><DatePicker allowClear={false} data-testid="ro-term1" /></Form.Item>
                  <Form.Item name="term1Weeks" noStyle><InputNumber min={1} max={30} addonAfter={t('schoolYears.weeks')} /></Form.Item>
                </Space>
              </Form.Item>
              <Form.Item label={t('schoolYears.term2Start')} required>
                <Space>
                  <Form.Item name="term2Start" noStyle rules={[{ required: true }]}><DatePicker allowClear={false} data-testid="ro-term2" /></Form.Item>
                  <Form.Item name="term2Weeks" noStyle><InputNumber min={1} max={30} addonAfter={t('schoolYears.weeks')} /></Form.Item>
                </Space>
              </Form.Item>
              <Form.Item name="entryClasses" label={t('schoolYears.entryClasses')} extra={t('schoolYears.entryClassesHint')}><InputNumber min={0} max={40} data-testid="ro-entry" /></Form.Item>
              <Form.Item name="assignmentRule" label={t('schoolYears.assignmentRule')}>
                <Radio.Group options={ASSIGNMENT_RULES.map((r) => ({ value: r, label: t(`schoolYears.rule.${r}`) }))} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
              </Form.Item>
              {(['copyGroups', 'copyTimetableSettings', 'copyStandards', 'copyQuotas', 'carryStrugglingFiles'] as const).map((k) => (
                <Form.Item key={k} name={k} valuePropName="checked" wrapperCol={{ offset: 7 }} style={{ marginBottom: 4 }}><Checkbox>{t(`schoolYears.${k}`)}</Checkbox></Form.Item>
              ))}
            </>
          ) : (
            <>
              {!sameYear[1] && <Alert type="warning" showIcon message={t('schoolYears.noTerm2')} style={{ marginBottom: 12 }} />}
              <Form.Item name="fromTermId" label={t('schoolYears.fromTerm')} rules={[{ required: true }]}><Select options={termOptions(terms)} /></Form.Item>
              <Form.Item name="toTermId" label={t('schoolYears.toTerm')} rules={[{ required: true }]}><Select options={termOptions(terms)} /></Form.Item>
              {(['copyAssignments', 'copyTimetable', 'copyStandards', 'copyQuotas', 'carryStrugglingFiles'] as const).map((k) => (
                <Form.Item key={k} name={k} valuePropName="checked" wrapperCol={{ offset: 7 }} style={{ marginBottom: 4 }}><Checkbox>{t(`schoolYears.${k}`)}</Checkbox></Form.Item>
              ))}
            </>
          )}
        </Form>
      </div>
      {step === 1 && preview && (
        <div data-testid="rollover-preview-body">
          {preview.blockers.length > 0
            ? <Alert type="error" showIcon message={t('schoolYears.blocked')} description={preview.blockers.map((b) => t(`errors.${b.key}`, b.params ?? {})).join('；')} style={{ marginBottom: 12 }} />
            : <Alert type="info" showIcon message={t('schoolYears.nothingWritten')} description={t('schoolYears.commitHint')} style={{ marginBottom: 12 }} />}
          <Table size="small" pagination={false} rowKey="key" dataSource={preview.lines}
            columns={[
              { title: t('schoolYears.change'), dataIndex: 'key', render: (k: string) => t(`schoolYears.line.${k}`) },
              { title: t('schoolYears.count'), dataIndex: 'count', width: 70, align: 'right' },
              { title: t('schoolYears.examples'), dataIndex: 'examples', render: (xs: string[]) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{xs.map((x) => (ASSIGNMENT_RULES.includes(x as never) ? t(`schoolYears.rule.${x}`) : x)).join('；')}</Typography.Text> },
            ]} />
          {preview.cohorts.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 12 }}>{t('schoolYears.cohortPlan')}</Typography.Title>
              <Table size="small" pagination={false} rowKey="entryYear" dataSource={preview.cohorts}
                columns={[
                  { title: t('schoolYears.cohort'), dataIndex: 'entryYear', render: (year: number) => t('schoolYears.cohortName', { year }) },
                  { title: t('schoolYears.from'), dataIndex: 'fromLevel', render: levelName },
                  { title: t('schoolYears.to'), dataIndex: 'toLevel', render: (v: number | null, r) => (r.graduates ? <Tag color="gold">{t('schoolYears.graduates')}</Tag> : r.fromLevel === null ? <>{levelName(v)} <Tag color="green">{t('schoolYears.newCohort')}</Tag></> : levelName(v)) },
                  { title: t('schoolYears.classes'), dataIndex: 'classes', align: 'right' },
                  { title: t('schoolYears.students'), dataIndex: 'students', align: 'right' },
                ]} />
            </>
          )}
        </div>
      )}
      {step === 2 && result && (
        <Alert type="success" showIcon data-testid="rollover-done"
          message={t('schoolYears.done', { term: terms.find((x) => x.id === result.termIds[0])?.name ?? '' })}
          description={t('schoolYears.backupFile', { file: result.backupFile })} />
      )}
    </Modal>
  );
}
