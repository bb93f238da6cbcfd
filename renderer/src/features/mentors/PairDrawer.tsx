/**
 * One pair: its duties counted in the chosen term (pro rata to today), the bound evaluation with the confirm
 * step, the activity log (add, attach, delete), the observations counted for it (entered on the observations
 * page, found here by observer and observed teacher), and the printouts (agreement PDF and Word, assessment, certificate).
 */
import { DeleteOutlined, DownloadOutlined, EditOutlined, FileWordOutlined, PaperClipOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Empty, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Upload } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS, type ActivityKind, type DutyProgress, type MentorActivity, type PairDetail, type PairObservation } from '../../../../shared/contract';
import { api, readUpload, saveFile } from '../../api/client';
import { useApiError, useFormError } from '../../app/useApiError';
import { attachmentFileProblem, ATTACHMENT_FILE_TYPES, downloadAttachment } from '../../components/attachments';
import { printReport } from '../../components/printReport';
import { dutyColor, fmt1, LEVEL_COLOR } from './common';
import { PairFormModal } from './PairFormModal';

export function PairDrawer({ pairId, termId, onClose, onChanged }: { pairId: number | null; termId: number; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const formError = useFormError();
  const [detail, setDetail] = useState<PairDetail | null>(null);
  const [viewTerm, setViewTerm] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as ActivityKind | undefined;

  const load = useCallback(async (id: number, term: number | null) => {
    try {
      const d = await api.call('mentors/get', { id, termId: term ?? undefined });
      setDetail(d);
      setViewTerm(d.progress?.termId ?? null);
      setComment(d.progress?.assessment?.comment ?? '');
    } catch (e) { showError(e); }
  }, [showError]);

  useEffect(() => {
    setDetail(null);
    if (pairId) void load(pairId, termId);
  }, [pairId, termId, load]);

  const changed = async () => { if (pairId) await load(pairId, viewTerm); onChanged(); };

  const run = async (key: string, f: () => Promise<unknown>) => {
    setBusy(key);
    try { await f(); } catch (e) { showError(e); } finally { setBusy(null); }
  };
  const print = (reportId: string, extra: Record<string, number> = {}) => run(reportId, async () => {
    if (await printReport(reportId, { pairId: pairId!, ...extra })) void message.success(t('mentors.printed'));
  });

  const addActivity = async () => {
    try {
      const v = await form.validateFields();
      await api.call('mentors/saveActivity', {
        pairId: pairId!, kind: v.kind, date: v.date.format('YYYY-MM-DD'), title: v.title, score: v.kind === 'reportLesson' ? v.score ?? null : null,
        note: v.note ?? null, upload: file ? await readUpload(file) : undefined,
      });
      form.resetFields(['title', 'score', 'note']);
      setFile(null);
      void message.success(t('mentors.activitySaved'));
      await changed();
    } catch (e) { formError(form, e); }
  };

  const pickFile = (f: File) => {
    const p = attachmentFileProblem(f);
    if (p) void message.error(t(p.key, p.params));
    else setFile(f);
    return false;
  };

  const p = detail?.pair;
  const g = detail?.progress;
  const e = g?.evaluation;
  const a = g?.assessment;

  return (
    <Drawer open={pairId !== null} onClose={onClose} size={860} title={p ? `${p.mentorName} — ${p.apprenticeName}` : t('mentors.title')} data-testid="mt-drawer"
      extra={p && (
        <Space wrap>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="mt-edit">{t('mentors.edit')}</Button>
          <Popconfirm title={t('mentors.deleteConfirm')} onConfirm={() => run('delete', async () => { await api.call('mentors/delete', { id: p.id }); onChanged(); onClose(); })}>
            <Button danger icon={<DeleteOutlined />} data-testid="mt-delete">{t('mentors.delete')}</Button>
          </Popconfirm>
        </Space>
      )}>
      {!detail || !p ? <Empty /> : (
        <div className="mt-drawer">
          <Descriptions size="small" column={3} bordered items={[
            { key: 's', label: t('mentors.col.subject'), children: p.subjectName ?? '—' },
            { key: 'p', label: t('mentors.col.period'), children: `${p.startDate} ～ ${p.endDate}`, span: 2 },
            { key: 'st', label: t('mentors.col.status'), children: t(`mentors.status.${p.status}`) },
            { key: 'g', label: t('mentors.goals'), children: p.goals ?? '—', span: 2 },
          ]} />
          <Space wrap className="mt-section">
            <Button icon={<PrinterOutlined />} loading={busy === 'mentor-agreement'} onClick={() => void print('mentor-agreement')} data-testid="mt-print-agreement">{t('mentors.printAgreement')}</Button>
            <Button icon={<FileWordOutlined />} loading={busy === 'docx'} onClick={() => void run('docx', async () => { if (await saveFile(await api.call('mentors/agreementDocx', { id: p.id }))) void message.success(t('mentors.printed')); })} data-testid="mt-agreement-docx">{t('mentors.agreementDocx')}</Button>
            <Button icon={<PrinterOutlined />} disabled={!viewTerm} loading={busy === 'mentor-assessment'} onClick={() => void print('mentor-assessment', { termId: viewTerm! })} data-testid="mt-print-assessment">{t('mentors.printAssessment')}</Button>
            <Button icon={<PrinterOutlined />} loading={busy === 'mentor-certificate'} onClick={() => void print('mentor-certificate')} data-testid="mt-print-certificate">{t('mentors.printCertificate')}</Button>
          </Space>

          <div className="mt-section">
            <Space>
              <h4>{t('mentors.progressTitle')}</h4>
              <Select size="small" style={{ width: 240 }} value={viewTerm ?? undefined} onChange={(v) => void load(p.id, v)} data-testid="mt-term"
                options={detail.terms.map((x) => ({ value: x.id, label: x.name }))} placeholder={t('mentors.pickTerm')} />
            </Space>
            {!g ? <Alert type="info" title={t('mentors.notInTerm')} /> : (
              <Table<DutyProgress> size="small" pagination={false} rowKey="key" dataSource={g.duties} data-testid="mt-progress"
                columns={[
                  { title: t('mentors.dutyCol'), dataIndex: 'key', render: (k: DutyProgress['key']) => t(`mentors.duty.${k}`) },
                  { title: t('mentors.owner'), dataIndex: 'owner', width: 64, render: (o: string) => t(`mentors.ownerName.${o}`) },
                  { title: t('mentors.window'), width: 190, render: (_v, d) => `${d.window.from} ～ ${d.window.to}` },
                  { title: t('mentors.doneTarget'), width: 90, render: (_v, d) => <Tag color={dutyColor(d)}>{d.done} / {d.target}</Tag> },
                  { title: t('mentors.dueSoFar'), dataIndex: 'dueSoFar', width: 80 },
                  { title: t('mentors.state'), width: 110, render: (_v, d) => (d.met ? t('mentors.met') : d.endingSoon ? t('mentors.endingSoon') : t(`mentors.quota.${d.status}`)) },
                ]} />
            )}
          </div>

          {g && e && (
            <div className="mt-section" data-testid="mt-evaluation">
              <h4>{t('mentors.evaluation')}</h4>
              <div className="mt-eval">
                <div>{t('mentors.part.progress')}：<b>{fmt1(e.parts.progress)}</b></div>
                <div>{t('mentors.part.reportLessons')}：<b>{fmt1(e.parts.reportLessons)}</b></div>
                <div>{t('mentors.part.apprenticeDuties')}：<b>{fmt1(e.parts.apprenticeDuties)}</b></div>
                <div>{t('mentors.part.mentorDuties')}：<b>{fmt1(e.parts.mentorDuties)}</b></div>
              </div>
              <p style={{ marginTop: 8 }}>
                {t('mentors.apprenticeScore')} <b data-testid="mt-apprentice-score">{fmt1(e.apprenticeScore)}</b> {e.apprenticeLevel && <Tag color={LEVEL_COLOR[e.apprenticeLevel]}>{e.apprenticeLevel}</Tag>}
                {'　'}{t('mentors.mentorScore')} <b data-testid="mt-mentor-score">{fmt1(e.mentorScore)}</b> {e.mentorLevel && <Tag color={LEVEL_COLOR[e.mentorLevel]}>{e.mentorLevel}</Tag>}
                {e.capped && <Tag color="orange">{t('mentors.capped')}</Tag>}
              </p>
              {a && <Alert type="success" showIcon title={t('mentors.confirmedAt', { at: a.confirmedAt.slice(0, 10), who: a.operator, a: a.apprenticeLevel ?? '—', m: a.mentorLevel ?? '—' })} data-testid="mt-confirmed" />}
              <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                <Input value={comment} onChange={(ev) => setComment(ev.target.value)} maxLength={1000} placeholder={t('mentors.commentPlaceholder')} data-testid="mt-comment" />
                <Button type="primary" loading={busy === 'assess'} data-testid="mt-assess"
                  onClick={() => void run('assess', async () => { await api.call('mentors/assess', { pairId: p.id, termId: viewTerm!, comment }); void message.success(t('mentors.assessed')); await changed(); })}>
                  {a ? t('mentors.reassess') : t('mentors.assess')}
                </Button>
              </Space.Compact>
            </div>
          )}

          <div className="mt-section">
            <h4>{t('mentors.activities')}</h4>
            <Form form={form} layout="inline" initialValues={{ kind: 'guidance', date: dayjs() }} data-testid="mt-activity-form" style={{ rowGap: 8 }}>
              <Form.Item name="kind"><Select style={{ width: 110 }} data-testid="mt-act-kind" options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`mentors.activity.${k}`) }))} /></Form.Item>
              <Form.Item name="date" rules={[{ required: true, message: t('mentors.required') }]}><DatePicker style={{ width: 130 }} data-testid="mt-act-date" /></Form.Item>
              <Form.Item name="title" rules={[{ required: true, message: t('mentors.required') }]}><Input style={{ width: 200 }} maxLength={100} placeholder={t('mentors.activityTitle')} data-testid="mt-act-title" /></Form.Item>
              {kind === 'reportLesson' && <Form.Item name="score"><InputNumber min={0} max={100} style={{ width: 90 }} placeholder={t('mentors.score')} data-testid="mt-act-score" /></Form.Item>}
              <Form.Item name="note"><Input style={{ width: 150 }} maxLength={2000} placeholder={t('mentors.note')} /></Form.Item>
              <Form.Item>
                <Upload accept={ATTACHMENT_FILE_TYPES.map((x) => `.${x}`).join(',')} showUploadList={false} beforeUpload={pickFile} maxCount={1}>
                  <Button icon={<UploadOutlined />}>{file ? file.name : t('mentors.attach')}</Button>
                </Upload>
              </Form.Item>
              <Form.Item><Button type="primary" onClick={() => void addActivity()} data-testid="mt-act-add">{t('mentors.addActivity')}</Button></Form.Item>
            </Form>
            <Table<MentorActivity> size="small" pagination={false} rowKey="id" dataSource={detail.activities} style={{ marginTop: 8 }} data-testid="mt-activities"
              columns={[
                { title: t('mentors.date'), dataIndex: 'date', width: 100 },
                { title: t('mentors.kind'), dataIndex: 'kind', width: 90, render: (k: ActivityKind) => t(`mentors.activity.${k}`) },
                { title: t('mentors.activityTitle'), dataIndex: 'title' },
                { title: t('mentors.score'), dataIndex: 'score', width: 60 },
                { title: t('mentors.attachment'), dataIndex: 'attachment', width: 70, render: (x: MentorActivity['attachment']) => x && <Button size="small" type="link" icon={<PaperClipOutlined />} onClick={() => void downloadAttachment(x).catch(showError)} /> },
                { title: '', width: 50, render: (_v, r) => <Popconfirm title={t('mentors.deleteActivityConfirm')} onConfirm={() => void run('del', async () => { await api.call('mentors/deleteActivity', { id: r.id }); await changed(); })}><Button size="small" type="text" danger icon={<DeleteOutlined />} /></Popconfirm> },
              ]} />
          </div>

          <div className="mt-section">
            <h4>{t('mentors.observations')}</h4>
            <Alert type="info" showIcon title={t('mentors.observationsHint')} style={{ marginBottom: 8 }} action={<Button size="small" href="#/observations" icon={<DownloadOutlined rotate={-90} />}>{t('mentors.toObservations')}</Button>} />
            <Table<PairObservation> size="small" pagination={false} rowKey="id" dataSource={detail.observations} data-testid="mt-observations"
              columns={[
                { title: t('mentors.date'), dataIndex: 'date', width: 100 },
                { title: t('mentors.direction'), dataIndex: 'duty', width: 110, render: (d: string) => t(`mentors.dutyShort.${d}`) },
                { title: t('mentors.lesson'), render: (_v, o) => [o.className, o.subjectName, o.topic].filter(Boolean).join(' ') },
                { title: t('mentors.total'), dataIndex: 'total', width: 60 },
                { title: t('mentors.level'), dataIndex: 'level', width: 60 },
              ]} />
          </div>
        </div>
      )}
      <PairFormModal open={editing} pair={p ?? null} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); void changed(); }} />
    </Drawer>
  );
}
