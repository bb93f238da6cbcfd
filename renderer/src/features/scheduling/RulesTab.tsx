/**
 * 排课规则: every rule kind, hard ones first, each a card with its explanation, its school default (for the kinds
 * that have one) and the exceptions. Saved all at once; a refused save marks the rows and fields at fault.
 */
import { PlusOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULTED_KINDS, HARD_RULE_KINDS, isHardKind, KIND_SCOPES, SOFT_RULE_KINDS,
  type Rule, type RuleKind, type RuleParams, type RuleSet,
} from '../../../../shared/contract';
import { api } from '../../api/client';
import { translateErrorKey, useApiError } from '../../app/useApiError';
import { isAppErrorShape } from '../../../../shared/errors';
import { RuleRow, type RowErrors } from './RuleRow';
import type { T } from './text';

const NEW_PARAMS: Partial<Record<RuleKind, RuleParams>> = {
  subjectDailyMax: { max: 2 }, doublePeriods: { count: 1, grades: [] }, fixedEvent: { name: '', day: 1, periods: [] },
  combinedClasses: { count: 2, assignmentIds: [] }, spreadWeek: { minDays: 1 }, teacherDailyMax: { max: 4 }, teacherMaxConsecutive: { max: 3 }, teacherWish: { slots: [] },
};

/** Where the other hard constraints are edited. */
const ELSEWHERE_LINK = { unavailable: '#/timetable-settings', rooms: '#/timetable-settings', locked: '#/timetable', weekly: '#/assignments' } as const;

export default function RulesTab({ termId, ruleSet, onSaved }: { termId: number; ruleSet: RuleSet; onSaved: (r: RuleSet) => void }) {
  const { t: tt } = useTranslation();
  const t = tt as T;
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const [rules, setRules] = useState<Rule[]>(ruleSet.rules);
  const [base, setBase] = useState(ruleSet);
  const [errors, setErrors] = useState<Map<number, RowErrors>>(new Map());
  const [busy, setBusy] = useState(false);
  // A new rule set from the page (term change, reset) replaces the rows being edited.
  if (base !== ruleSet) { setBase(ruleSet); setRules(ruleSet.rules); setErrors(new Map()); }
  const dirty = useMemo(() => JSON.stringify(rules) !== JSON.stringify(ruleSet.rules), [rules, ruleSet.rules]);

  const change = useCallback((i: number, patch: Partial<Rule>) => {
    setRules((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setErrors((m) => { if (!m.has(i)) return m; const n = new Map(m); n.delete(i); return n; });
  }, []);
  const remove = (i: number) => { setRules((rs) => rs.filter((_, j) => j !== i)); setErrors(new Map()); };
  const add = (kind: RuleKind, school: boolean) => {
    const scopes = KIND_SCOPES[kind];
    const defaulted = DEFAULTED_KINDS.includes(kind);
    // An exception to a school default starts from the default's settings; a row of a list kind starts empty.
    const scope = school || !defaulted ? scopes[0] : scopes.find((s) => s !== 'school') ?? scopes[0];
    const def = defaulted ? rules.find((r) => r.kind === kind && r.scope === 'school') : undefined;
    setRules((rs) => [...rs, {
      kind, scope, scopeId: null, params: structuredClone(def?.params ?? NEW_PARAMS[kind] ?? {}),
      weight: isHardKind(kind) ? 100 : def?.weight ?? 50, enabled: true,
    }]);
  };

  const save = async () => {
    setBusy(true);
    try {
      onSaved(await api.call('scheduling/saveRules', { termId, rules }));
      void message.success(t('scheduling.rules.saved'));
    } catch (e) {
      if (isAppErrorShape(e) && e.issues?.some((i) => i.path[0] === 'rules' && typeof i.path[1] === 'number')) {
        const m = new Map<number, RowErrors>();
        for (const i of e.issues) {
          if (i.path[0] !== 'rules' || typeof i.path[1] !== 'number') continue;
          const field = [...i.path].reverse().find((x): x is string => typeof x === 'string' && x !== 'rules') ?? '';
          const row = m.get(i.path[1]) ?? {};
          row[field] = [...(row[field] ?? []), translateErrorKey(t, i.key, { row: i.path[1] + 1, ...i.params })];
          m.set(i.path[1], row);
        }
        setErrors(m);
        void message.error(t('scheduling.rules.fixErrors', { count: e.issues.length }));
        const first = Math.min(...m.keys());
        window.setTimeout(() => document.getElementById(`sch-rule-${first}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }), 50);
      } else showError(e);
    } finally { setBusy(false); }
  };
  const reset = () => modal.confirm({
    title: t('scheduling.rules.reset'), content: t('scheduling.rules.resetConfirm'), okButtonProps: { danger: true },
    onOk: async () => {
      try { onSaved(await api.call('scheduling/resetRules', { termId })); void message.success(t('scheduling.rules.resetDone')); } catch (e) { showError(e); }
    },
  });

  const kindCard = (kind: RuleKind) => {
    const rows = rules.map((r, i) => ({ r, i })).filter(({ r }) => r.kind === kind);
    const defaulted = DEFAULTED_KINDS.includes(kind);
    const defaults = defaulted ? rows.filter(({ r }) => r.scope === 'school') : [];
    const others = defaulted ? rows.filter(({ r }) => r.scope !== 'school') : rows;
    const canAdd = !(KIND_SCOPES[kind].length === 1 && KIND_SCOPES[kind][0] === 'school' && defaulted);
    return (
      <Card key={kind} size="small" className="sch-kind" data-testid={`sch-kind-${kind}`}
        title={<span className="sch-kind-title">{t(`scheduling.kinds.${kind}`)}</span>}
        extra={(
          <Space size={4}>
            {defaulted && defaults.length === 0 && <Button size="small" onClick={() => add(kind, true)}>{t('scheduling.rules.addDefault')}</Button>}
            {canAdd && <Button size="small" icon={<PlusOutlined />} onClick={() => add(kind, false)} data-testid={`sch-add-${kind}`}>{t('scheduling.rules.add')}</Button>}
          </Space>
        )}>
        <Typography.Paragraph type="secondary" className="sch-explain">{t(`scheduling.explain.${kind}`)}</Typography.Paragraph>
        {rows.length === 0 && <Typography.Text type="secondary" className="sch-none">{t('scheduling.rules.none')}</Typography.Text>}
        {defaults.map(({ r, i }) => <RuleRow key={i} rule={r} index={i} names={ruleSet.names} isDefault errors={errors.get(i)} onChange={(p) => change(i, p)} onDelete={() => remove(i)} />)}
        {defaulted && others.length > 0 && <div className="sch-override-label">{t('scheduling.rules.override')}</div>}
        {others.map(({ r, i }) => <RuleRow key={i} rule={r} index={i} names={ruleSet.names} isDefault={false} errors={errors.get(i)} onChange={(p) => change(i, p)} onDelete={() => remove(i)} />)}
      </Card>
    );
  };

  return (
    <div className="sch-tab">
      <div className="sch-toolbar">
        <Space wrap>
          <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void save()} data-testid="sch-save">{t('scheduling.rules.save')}</Button>
          <Button icon={<UndoOutlined />} onClick={reset} data-testid="sch-reset">{t('scheduling.rules.reset')}</Button>
          {dirty && <Tag color="orange" data-testid="sch-dirty">{t('scheduling.rules.dirty')}</Tag>}
        </Space>
      </div>
      <div className="sch-scroll">
        {!ruleSet.saved && <Alert type="info" showIcon className="sch-banner" title={t('scheduling.rules.unsaved')} description={t('scheduling.rules.unsavedHint')} data-testid="sch-unsaved" />}
        <div className="sch-section">
          <Typography.Title level={5} className="sch-section-title">{t('scheduling.rules.hard')}<Typography.Text type="secondary" className="sch-section-hint">{t('scheduling.rules.hardHint')}</Typography.Text></Typography.Title>
          {HARD_RULE_KINDS.map(kindCard)}
          {/* Hard constraints kept on their own pages since issue 4; the generator honours them all the same. */}
          <Card size="small" className="sch-card" title={t('scheduling.rules.elsewhere.title')} data-testid="sch-elsewhere">
            <ul className="sch-elsewhere">
              {(['unavailable', 'rooms', 'locked', 'weekly'] as const).map((k) => (
                <li key={k}>{t(`scheduling.rules.elsewhere.${k}`)} <a href={ELSEWHERE_LINK[k]}>{t(`scheduling.rules.elsewhere.${k}Page`)}</a></li>
              ))}
            </ul>
          </Card>
        </div>
        <div className="sch-section">
          <Typography.Title level={5} className="sch-section-title">{t('scheduling.rules.soft')}<Typography.Text type="secondary" className="sch-section-hint">{t('scheduling.rules.softHint')}</Typography.Text></Typography.Title>
          {SOFT_RULE_KINDS.map(kindCard)}
        </div>
      </div>
    </div>
  );
}
