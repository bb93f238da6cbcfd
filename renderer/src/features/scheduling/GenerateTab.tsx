/**
 * 生成课表: the options, the feasibility check, the search as a job (its best so far shown live, stop keeps it),
 * then the draft (DraftView). A running job survives leaving the page: its id is kept for this browser tab.
 */
import { CaretRightOutlined, PauseOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, InputNumber, Progress, Radio, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EFFORTS, type Draft, type Effort, type FeasibilityCheck, type GenerateResult, type JobStatus, type Rule, type RuleNames, type TimetableSettings } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { useJob } from '../dossier';
import { DraftView } from './DraftView';
import { gradeLabel, reasonText, seconds, type T } from './text';

const pollJob = (jobId: string) => api.call('scheduling/job', { jobId });
const JOB_KEY = 'jiaowu.scheduling.job';
const STATE_COLOR = { running: 'processing', done: 'success', failed: 'error', cancelled: 'default' } as const;

export default function GenerateTab({ termId, names, rules, settings }: { termId: number; names: RuleNames; rules: Rule[]; settings: TimetableSettings | null }) {
  const { t: tt } = useTranslation();
  const t = tt as T;
  const { message } = App.useApp();
  const showError = useApiError();
  const [mode, setMode] = useState<'generate' | 'repair'>('generate');
  const [grade, setGrade] = useState<number | null>(null);
  const [keep, setKeep] = useState<'none' | 'locked' | 'placed'>('locked');
  const [seed, setSeed] = useState(1);
  const [effort, setEffort] = useState<Effort>('normal');
  const [check, setCheck] = useState<FeasibilityCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [last, setLast] = useState<JobStatus<GenerateResult> | null>(null);

  const loadDraft = useCallback(async () => { setDraft(await api.call('scheduling/draft', { termId })); }, [termId]);
  useEffect(() => { void loadDraft().catch(showError); }, [loadDraft, showError]);

  const { job, start } = useJob<GenerateResult>(pollJob, (s) => {
    sessionStorage.removeItem(JOB_KEY);
    setLast(s);
    if (s.state === 'done' && s.result) {
      if (s.result.draftId != null) void message.success(t('scheduling.gen.finished', { hard: s.result.hard, soft: s.result.soft }));
      void loadDraft().then(() => document.querySelector('[data-testid="sch-draft-summary"]')?.scrollIntoView({ block: 'start', behavior: 'smooth' })).catch(showError);
    } else if (s.state === 'cancelled') void loadDraft().catch(showError);
    else if (s.error) showError(s.error);
  });
  // Back on the page while a job still runs: follow it again.
  useEffect(() => {
    const id = sessionStorage.getItem(JOB_KEY);
    if (id) api.call('scheduling/job', { jobId: id }).then((s) => { if (s.state === 'running') start(s); else sessionStorage.removeItem(JOB_KEY); }, () => sessionStorage.removeItem(JOB_KEY));
  }, [start]);
  const running = job?.state === 'running';
  const shown = running ? job : last ?? job;

  const runCheck = async () => {
    setChecking(true);
    try { setCheck(await api.call('scheduling/check', { termId, grade })); } catch (e) { showError(e); } finally { setChecking(false); }
  };
  const startJob = async () => {
    setLast(null);
    setCheck(null);
    try {
      const s = await api.call('scheduling/start', { termId, mode, grade, keep, seed, effort });
      sessionStorage.setItem(JOB_KEY, s.id);
      start(s);
    } catch (e) { showError(e); }
  };
  const stop = () => { if (job) void api.call('scheduling/stop', { jobId: job.id }).catch(showError); };

  const m = shown?.metrics ?? {};
  const result = shown?.state !== 'running' ? shown?.result ?? null : null;
  const reasons = check && !check.feasible ? check.reasons : result?.reasons ?? [];

  return (
    <div className="sch-tab">
      <div className="sch-scroll">
        <Card size="small" title={t('scheduling.gen.options')} className="sch-card">
          <div className="sch-options">
            <div className="sch-opt sch-opt-mode">
              <span className="sch-opt-label">{t('scheduling.gen.mode')}</span>
              <div>
                <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} optionType="button" data-testid="sch-mode"
                  options={(['generate', 'repair'] as const).map((v) => ({ value: v, label: t(`scheduling.gen.modes.${v}`) }))} />
                <div className="sch-hint sch-mode-hint">{t(`scheduling.gen.modeHint.${mode}`)}</div>
              </div>
            </div>
            <div className="sch-opt">
              <span className="sch-opt-label">{t('scheduling.gen.scope')}</span>
              <Select style={{ width: 140 }} value={grade ?? 0} onChange={(v: number) => setGrade(v || null)} data-testid="sch-grade"
                options={[{ value: 0, label: t('scheduling.gen.wholeSchool') }, ...names.grades.map((g) => ({ value: g, label: gradeLabel(t, g) }))]} />
            </div>
            <div className="sch-opt">
              <span className="sch-opt-label">{t('scheduling.gen.keep')}</span>
              <Select style={{ width: 160 }} value={keep} onChange={setKeep} popupMatchSelectWidth={false} data-testid="sch-keep"
                options={(['none', 'locked', 'placed'] as const).map((v) => ({ value: v, label: t(`scheduling.gen.keeps.${v}`) }))} />
            </div>
            <div className="sch-opt">
              <span className="sch-opt-label">{t('scheduling.gen.seed')}</span>
              <InputNumber style={{ width: 90 }} aria-label={t('scheduling.gen.seed')} min={0} max={2_147_483_647} precision={0} value={seed} onChange={(v) => setSeed(v ?? 1)} data-testid="sch-seed" />
            </div>
            <div className="sch-opt">
              <span className="sch-opt-label">{t('scheduling.gen.effort')}</span>
              <Radio.Group value={effort} onChange={(e) => setEffort(e.target.value)} optionType="button" data-testid="sch-effort"
                options={EFFORTS.map((v) => ({ value: v, label: t(`scheduling.gen.efforts.${v}`) }))} />
            </div>
          </div>
          <Space wrap className="sch-actions">
            <Button icon={<SafetyOutlined />} loading={checking} disabled={running} onClick={() => void runCheck()} data-testid="sch-check">{t('scheduling.gen.check')}</Button>
            <Button type="primary" icon={<CaretRightOutlined />} loading={running} onClick={() => void startJob()} data-testid="sch-start">{t('scheduling.gen.start')}</Button>
            {running && <Button danger icon={<PauseOutlined />} onClick={stop} title={t('scheduling.gen.stopHint')} data-testid="sch-stop">{t('scheduling.gen.stop')}</Button>}
            {running && <Typography.Text type="secondary">{t('scheduling.gen.stopHint')}</Typography.Text>}
          </Space>
        </Card>

        {check?.feasible && (
          <Alert type="success" showIcon className="sch-card" title={t('scheduling.gen.feasible', { activities: check.activities, lessons: check.lessons })} data-testid="sch-check-result" />
        )}
        {reasons.length > 0 && (
          <Alert type={check ? 'error' : 'warning'} showIcon className="sch-card" data-testid={check ? 'sch-check-result' : 'sch-reasons'}
            title={check ? t('scheduling.gen.infeasible') : t('scheduling.gen.reasonsTitle')}
            description={<ul className="sch-reasons">{reasons.map((r, i) => <li key={i}>{reasonText(t, r)}</li>)}</ul>} />
        )}

        {shown && (running || shown.state !== 'done' || shown.result?.draftId == null) && (
          <Card size="small" className="sch-card" data-testid="sch-progress"
            title={<Space>{shown.state === 'running' ? t(`scheduling.phase.${shown.phase.replace(/^scheduling\.phase\./, '')}`, { defaultValue: t('scheduling.gen.running') }) : t('scheduling.gen.lastRun')}<Tag color={STATE_COLOR[shown.state]} data-testid="sch-job-state">{t(`scheduling.gen.states.${shown.state}`)}</Tag></Space>}>
            <Progress percent={shown.state === 'done' ? 100 : shown.total ? Math.min(99, Math.floor((shown.done / shown.total) * 100)) : 0} status={shown.state === 'running' ? 'active' : shown.state === 'done' ? 'success' : 'exception'} />
            <div className="sch-metrics">
              <Statistic title={t('scheduling.gen.metrics.hard')} value={m.hard ?? result?.hard ?? '—'} valueStyle={{ color: (m.hard ?? result?.hard ?? 0) > 0 ? '#cf1322' : '#389e0d' }} />
              <Statistic title={t('scheduling.gen.metrics.soft')} value={m.soft ?? result?.soft ?? '—'} />
              <Statistic title={t('scheduling.gen.metrics.iterations')} value={(m.iterations ?? result?.iterations ?? 0).toLocaleString()} />
              <Statistic title={t('scheduling.gen.metrics.elapsed')} value={seconds(result?.ms ?? m.ms)} />
            </div>
            {(result?.feasibleMs ?? m.feasibleMs) != null && <Typography.Text type="secondary">{t('scheduling.gen.feasibleAt', { s: seconds(result?.feasibleMs ?? m.feasibleMs) })}</Typography.Text>}
            {shown.state === 'failed' && shown.error && <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('scheduling.gen.failed')} description={t(`errors.${shown.error.key}`, { ...shown.error.params, defaultValue: t('errors.internal', { detail: shown.error.key }) })} />}
          </Card>
        )}

        {draft ? (
          <DraftView termId={termId} draft={draft} names={names} rules={rules} settings={settings} onChanged={() => void loadDraft().catch(showError)} />
        ) : !running && <Typography.Paragraph type="secondary" className="sch-card">{t('scheduling.gen.noDraft')}</Typography.Paragraph>}
      </div>
    </div>
  );
}
