/**
 * #/routine-standards (检查标准): the term's three check rubrics (plan check, homework check, monthly sheet) with
 * weights that must sum to 100 and grade bands, the homework norms (subject x grades x times marked a week), the
 * national load rules with their configurable limits, and the observation quotas (听课任务, the observations feature's
 * observations/getQuotas|saveQuotas). Everything is a draft until 保存; 恢复默认 puts the defaults back after a confirm.
 */
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Empty, InputNumber, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HOMEWORK_TYPES, RUBRIC_KINDS, type HomeworkNorm, type LoadRules, type RoutineStandards, type RubricKind,
} from '../../../../shared/contract';
import { DEFAULT_QUOTAS, type QuotaSettings } from '../../../../shared/contract';
import { TEACHER_ROLES } from '../../../../shared/domain/constants';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError } from '../../app/useApiError';
import { DataGrid, type GridColumn } from '../../components/DataGrid';
import { useSubjectOptions, useTeacherOptions } from '../../components/lookups';
import { Page } from '../../components/Page';
import { useRoutineOptions } from './common';
import { RubricEditor, weightSum, type RubricDraft } from './RubricEditor';

interface NormRow extends HomeworkNorm { id: number }
interface RoleRow { id: number; role: string; perTerm: number; defaultPerTerm: number | null }
interface OverrideRow { id: number; teacherId: number; teacherName?: string; perTerm: number; note: string | null }

interface Draft {
  rubrics: RubricDraft[];
  norms: NormRow[];
  loadRules: LoadRules;
  quotas: { roles: RoleRow[]; overrides: OverrideRow[] } | null;
}

let seq = 0;
const nextId = () => ++seq;

function toDraft(s: RoutineStandards, q: QuotaSettings | null): Draft {
  return {
    rubrics: s.rubrics.map((r) => ({ ...r, items: r.items.map((i) => ({ ...i, id: nextId() })) })),
    norms: s.homeworkNorms.map((n) => ({ ...n, id: nextId() })),
    loadRules: s.loadRules,
    quotas: q && {
      roles: q.roles.map((r) => ({ id: nextId(), role: r.role, perTerm: r.perTerm, defaultPerTerm: DEFAULT_QUOTAS[r.role] ?? null })),
      overrides: q.overrides.map((o) => ({ id: nextId(), teacherId: o.teacherId, teacherName: o.teacherName, perTerm: o.perTerm, note: o.note })),
    },
  };
}

/** What of the quotas is saved (roles and overrides, without the local ids). */
const quotasKey = (d: Draft) => JSON.stringify(d.quotas && {
  roles: d.quotas.roles.map((r) => [r.role, r.perTerm]),
  overrides: d.quotas.overrides.map((o) => [o.teacherId, o.perTerm, o.note ?? null]),
});

/** Local CRUD for a draft list shown in a DataGrid (rows get a local id; nothing is written until 保存). */
function useDraftList<R extends { id: number }>(rows: R[], version: number, set: (rows: R[]) => void, fix: (r: R) => R = (r) => r) {
  const ref = useRef(rows);
  ref.current = rows;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useCallback(async () => ref.current, [version]);
  const upsert = useCallback(
    (list: R[], row: R): [R[], R] => {
      const saved = fix({ ...row, id: row.id || nextId() });
      return [list.some((x) => x.id === saved.id) ? list.map((x) => (x.id === saved.id ? saved : x)) : [...list, saved], saved];
    },
    [fix],
  );
  const save = useCallback(async (row: R) => {
    const [list, saved] = upsert(ref.current, row);
    set(list);
    return saved;
  }, [upsert, set]);
  const saveMany = useCallback(async (rows: R[]) => {
    let list = ref.current;
    const out: R[] = [];
    for (const r of rows) {
      const [l, saved] = upsert(list, r);
      list = l;
      out.push(saved);
    }
    set(list);
    return out;
  }, [upsert, set]);
  const remove = useCallback(async (row: R) => set(ref.current.filter((x) => x.id !== row.id)), [set]);
  return { load, save, saveMany, remove };
}

function NormsTab({ draft, version, setDraft }: { draft: Draft; version: number; setDraft: (f: (d: Draft) => Draft) => void }) {
  const { t } = useTranslation();
  const [subjects] = useSubjectOptions();
  const opts = useRoutineOptions();
  const gradeOptions = useMemo(() => Array.from({ length: 9 }, (_, i) => ({ value: i + 1, label: t('routine.gradeN', { n: i + 1 }) })), [t]);
  const columns = useMemo<GridColumn<NormRow>[]>(
    () => [
      { field: 'subjectId', header: t('routine.fields.subject'), kind: 'select', options: subjects, required: true, width: 130 },
      { field: 'gradeFrom', header: t('routine.standards.gradeFrom'), kind: 'select', options: gradeOptions, required: true, width: 110 },
      { field: 'gradeTo', header: t('routine.standards.gradeTo'), kind: 'select', options: gradeOptions, required: true, width: 110 },
      { field: 'homeworkType', header: t('routine.fields.homeworkType'), kind: 'select', options: opts.homeworkTypes, nullable: true, width: 120, colDef: { valueFormatter: (p) => (p.value ? opts.homeworkTypes.find((o) => o.value === p.value)?.label ?? String(p.value) : t('routine.standards.anyType')) } },
      { field: 'minPerWeek', header: t('routine.standards.minPerWeek'), kind: 'number', required: true, width: 120 },
      { field: 'maxPerWeek', header: t('routine.standards.maxPerWeek'), kind: 'number', width: 120 },
      { field: 'note', header: t('routine.standards.note'), width: 260 },
    ],
    [t, subjects, gradeOptions, opts.homeworkTypes],
  );
  const setNorms = useCallback((norms: NormRow[]) => setDraft((d) => ({ ...d, norms })), [setDraft]);
  const fix = useCallback((r: NormRow): NormRow => ({
    ...r,
    subjectName: subjects.find((s) => s.value === r.subjectId)?.label ?? r.subjectName,
    homeworkType: r.homeworkType ?? null, maxPerWeek: r.maxPerWeek ?? null, note: r.note ?? null,
  }), [subjects]);
  const list = useDraftList(draft.norms, version, setNorms, fix);
  const rules = draft.loadRules;
  const setRules = (patch: Partial<LoadRules>) => setDraft((d) => ({ ...d, loadRules: { ...d.loadRules, ...patch } }));

  return (
    <>
      <div className="jw-panel jw-rt-rules" data-testid="load-rules">
        <Typography.Text strong>{t('routine.standards.loadRulesTitle')}</Typography.Text>
        <ol>
          <li>
            {t('routine.standards.ruleNoWrittenA')}
            <InputNumber size="small" min={0} max={9} value={rules.noWrittenUpToGrade} onChange={(v) => setRules({ noWrittenUpToGrade: v ?? 0 })} data-testid="rule-no-written" aria-label={t('routine.standards.ruleNoWrittenA')} />
            {t('routine.standards.ruleNoWrittenB')}
            <Checkbox.Group
              style={{ marginLeft: 8 }}
              value={rules.writtenTypes}
              onChange={(v) => setRules({ writtenTypes: v as LoadRules['writtenTypes'] })}
              options={HOMEWORK_TYPES.map((h) => ({ value: h, label: t(`routine.enum.homeworkType.${h}`) }))}
            />
          </li>
          <li>
            {t('routine.standards.rulePrimaryA')}
            <InputNumber size="small" min={0} max={300} value={rules.primaryMaxMinutes} onChange={(v) => setRules({ primaryMaxMinutes: v ?? 0 })} data-testid="rule-primary" aria-label={t('routine.standards.rulePrimaryA')} />
            {t('routine.standards.ruleMinutes')}
          </li>
          <li>
            {t('routine.standards.ruleMiddleA')}
            <InputNumber size="small" min={0} max={300} value={rules.middleMaxMinutes} onChange={(v) => setRules({ middleMaxMinutes: v ?? 0 })} data-testid="rule-middle" aria-label={t('routine.standards.ruleMiddleA')} />
            {t('routine.standards.ruleMinutes')}
          </li>
        </ol>
        <div className="jw-rt-note">{t('routine.standards.loadRulesSource')}</div>
      </div>
      <div className="jw-rt-fill">
        <DataGrid<NormRow> id="homework-norms" fit columns={columns} load={list.load} save={list.save} saveMany={list.saveMany} remove={list.remove} newRow={() => ({ gradeFrom: 1, gradeTo: 9, minPerWeek: 2 })} />
      </div>
    </>
  );
}

function QuotasTab({ draft, version, setDraft }: { draft: Draft; version: number; setDraft: (f: (d: Draft) => Draft) => void }) {
  const { t } = useTranslation();
  const [teachers] = useTeacherOptions();
  const quotas = draft.quotas!;
  const roleOptions = useMemo(() => TEACHER_ROLES.map((r) => ({ value: r, label: r })), []);
  const roleColumns = useMemo<GridColumn<RoleRow>[]>(
    () => [
      { field: 'role', header: t('routine.quotas.role'), kind: 'select', options: roleOptions, required: true, width: 140, colDef: { editable: (p) => !p.data?.id } },
      { field: 'perTerm', header: t('routine.quotas.perTerm'), kind: 'number', required: true, width: 130 },
      { field: 'defaultPerTerm', header: t('routine.quotas.default'), kind: 'number', editable: false, width: 100 },
    ],
    [t, roleOptions],
  );
  const overrideColumns = useMemo<GridColumn<OverrideRow>[]>(
    () => [
      { field: 'teacherId', header: t('routine.fields.teacher'), kind: 'select', options: teachers, people: true, required: true, width: 140 },
      { field: 'perTerm', header: t('routine.quotas.perTerm'), kind: 'number', required: true, width: 130 },
      { field: 'note', header: t('routine.standards.note'), width: 260 },
    ],
    [t, teachers],
  );
  const setRoles = useCallback((roles: RoleRow[]) => setDraft((d) => ({ ...d, quotas: { ...d.quotas!, roles } })), [setDraft]);
  const setOverrides = useCallback((overrides: OverrideRow[]) => setDraft((d) => ({ ...d, quotas: { ...d.quotas!, overrides } })), [setDraft]);
  const fixRole = useCallback((r: RoleRow): RoleRow => ({ ...r, defaultPerTerm: DEFAULT_QUOTAS[r.role as keyof typeof DEFAULT_QUOTAS] ?? null }), []);
  const roles = useDraftList(quotas.roles, version, setRoles, fixRole);
  const overrides = useDraftList(quotas.overrides, version, setOverrides, useCallback((r: OverrideRow) => ({ ...r, note: r.note ?? null }), []));
  return (
    <div className="jw-rt-fill" style={{ flexDirection: 'row', gap: 12 }}>
      <div style={{ flex: '0 0 520px', display: 'flex', flexDirection: 'column' }}>
        <DataGrid<RoleRow> id="quota-roles" fit columns={roleColumns} load={roles.load} save={roles.save} saveMany={roles.saveMany} />
      </div>
      <div style={{ flex: 1, display: 'flex', flexDirection: 'column', minWidth: 0 }}>
        <DataGrid<OverrideRow> id="quota-overrides" fit columns={overrideColumns} load={overrides.load} save={overrides.save} saveMany={overrides.saveMany} remove={overrides.remove} />
      </div>
    </div>
  );
}

export default function StandardsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { currentTerm } = useAppState();
  const termId = currentTerm?.id;
  const [draft, setDraftState] = useState<Draft | null>(null);
  const [version, setVersion] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [tab, setTab] = useState<string>('planCheck');
  const [busy, setBusy] = useState(false);
  // The quotas as loaded: saved again only when changed (saving marks every role as set by the school).
  const loadedQuotas = useRef('');

  const apply = useCallback((s: RoutineStandards, q: QuotaSettings | null) => {
    const d = toDraft(s, q);
    loadedQuotas.current = quotasKey(d);
    setDraftState(d);
    setVersion((v) => v + 1);
    setDirty(false);
  }, []);

  const loadAll = useCallback(async () => {
    if (!termId) return;
    try {
      const [s, q] = await Promise.all([
        api.call('routine-plans/getStandards', { termId }),
        api.call('observations/getQuotas', { termId }).catch(() => null),
      ]);
      apply(s, q);
    } catch (e) {
      showError(e);
    }
  }, [termId, apply, showError]);

  useEffect(() => {
    void loadAll();
  }, [loadAll]);

  const setDraft = useCallback((f: (d: Draft) => Draft) => {
    setDraftState((d) => (d ? f(d) : d));
    setDirty(true);
  }, []);
  const setRubric = useCallback((kind: RubricKind) => (r: RubricDraft) => setDraft((d) => ({ ...d, rubrics: d.rubrics.map((x) => (x.kind === kind ? r : x)) })), [setDraft]);
  const rubricSetters = useMemo(() => Object.fromEntries(RUBRIC_KINDS.map((k) => [k, setRubric(k)])) as Record<RubricKind, (r: RubricDraft) => void>, [setRubric]);

  async function save() {
    if (!draft || !termId) return;
    // The weights are each item's maximum score: every rubric must add up to 100 before anything is written.
    const wrong = draft.rubrics.find((r) => Math.abs(weightSum(r.items) - 100) > 0.001);
    if (wrong) {
      setTab(wrong.kind);
      void message.error({ key: 'rubric-sum', content: t('routine.standards.sumRefused', { rubric: t(`routine.rubricKinds.${wrong.kind}`), sum: weightSum(wrong.items) }) });
      return;
    }
    setBusy(true);
    try {
      const s = await api.call('routine-plans/saveStandards', {
        termId,
        rubrics: draft.rubrics.map((r) => ({
          kind: r.kind, mode: r.mode, bands: r.bands,
          items: r.items.map(({ key, name, maxScore, description }) => ({ key, name, maxScore, description })),
        })),
        homeworkNorms: draft.norms.map(({ subjectId, gradeFrom, gradeTo, homeworkType, minPerWeek, maxPerWeek, note }) => ({ subjectId, gradeFrom, gradeTo, homeworkType, minPerWeek, maxPerWeek, note })),
        loadRules: draft.loadRules,
      });
      const q = draft.quotas && quotasKey(draft) !== loadedQuotas.current
        ? await api.call('observations/saveQuotas', {
          termId,
          roles: draft.quotas.roles.map((r) => ({ role: r.role as (typeof TEACHER_ROLES)[number], perTerm: r.perTerm })),
          overrides: draft.quotas.overrides.map((o) => ({ teacherId: o.teacherId, perTerm: o.perTerm, note: o.note })),
        })
        : null;
      apply(s, q ?? (draft.quotas ? await api.call('observations/getQuotas', { termId }) : null));
      void message.success(t('routine.standards.saved'));
    } catch (e) {
      showError(e, { fieldLabel: (f) => t(`routine.standards.fieldLabels.${f}`, { defaultValue: f }) });
    } finally {
      setBusy(false);
    }
  }

  async function resetDefaults() {
    if (!termId) return;
    setBusy(true);
    try {
      const s = await api.call('routine-plans/resetStandards', { termId });
      let q: QuotaSettings | null = null;
      if (draft?.quotas) {
        q = await api.call('observations/saveQuotas', {
          termId,
          roles: TEACHER_ROLES.map((role) => ({ role, perTerm: DEFAULT_QUOTAS[role] })),
          overrides: draft.quotas.overrides.map((o) => ({ teacherId: o.teacherId, perTerm: o.perTerm, note: o.note })),
        });
      }
      apply(s, q);
      void message.success(t('routine.standards.resetDone'));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }

  if (!termId) {
    return (
      <Page title={t('nav.routineStandards')}>
        <Empty description={t('routine.noTerm')} />
      </Page>
    );
  }

  const items = draft
    ? [
      ...draft.rubrics.map((r) => {
        const bad = Math.abs(weightSum(r.items) - 100) > 0.001;
        return {
          key: r.kind,
          label: <span data-testid={`tab-${r.kind}`}>{t(`routine.rubricKinds.${r.kind}`)}{bad && <Tag color="error" style={{ marginLeft: 6 }}>{weightSum(r.items)}</Tag>}</span>,
          children: <RubricEditor rubric={r} version={version} onChange={rubricSetters[r.kind]} />,
        };
      }),
      { key: 'norms', label: <span data-testid="tab-norms">{t('routine.standards.tabNorms')}</span>, children: <NormsTab draft={draft} version={version} setDraft={setDraft} /> },
      {
        key: 'quotas',
        label: <span data-testid="tab-quotas">{t('routine.standards.tabQuotas')}</span>,
        children: draft.quotas
          ? <QuotasTab draft={draft} version={version} setDraft={setDraft} />
          : <div className="jw-panel"><Empty description={t('routine.quotas.unavailable')} /></div>,
      },
    ]
    : [];

  return (
    <Page
      title={t('nav.routineStandards')}
      subtitle={t('routine.standards.subtitle', { term: currentTerm?.name })}
      extra={
        <Space>
          {dirty && <Tag color="warning" data-testid="standards-dirty">{t('routine.standards.unsaved')}</Tag>}
          <Popconfirm title={t('routine.standards.resetConfirm')} onConfirm={resetDefaults} okButtonProps={{ 'data-testid': 'reset-ok' } as Record<string, string>}>
            <Button icon={<UndoOutlined />} disabled={busy || !draft} data-testid="standards-reset">{t('routine.standards.reset')}</Button>
          </Popconfirm>
          <Button type="primary" icon={<SaveOutlined />} loading={busy} disabled={!draft} onClick={save} data-testid="standards-save">
            {t('routine.standards.save')}
          </Button>
        </Space>
      }
    >
      {draft ? (
        <Tabs className="jw-rt-tabs" activeKey={tab} onChange={setTab} items={items} destroyOnHidden />
      ) : (
        <div className="jw-panel"><Empty description={t('routine.loading')} /></div>
      )}
    </Page>
  );
}
