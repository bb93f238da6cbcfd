/**
 * One rule row: its scope (what it applies to), the settings of its kind, the weight of a soft rule, on/off and
 * delete. A school default row keeps its scope. Errors from saving are shown on the fields and under the row.
 */
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Slider, Switch, Tag, Tooltip } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isHardKind, KIND_SCOPES, type Rule, type RuleNames, type RuleParams, type RuleScope } from '../../../../shared/contract';
import { matchesPerson } from '../../../../shared/domain/pinyin';
import { gradeLabel, type T } from './text';

export interface RowErrors { [field: string]: string[] }

export function RuleRow({ rule, index, names, isDefault, errors, onChange, onDelete }: {
  rule: Rule;
  /** Position in the saved list: the row number errors speak of. */
  index: number;
  names: RuleNames;
  isDefault: boolean;
  errors: RowErrors | undefined;
  onChange: (patch: Partial<Rule>) => void;
  onDelete: () => void;
}) {
  const { t: tt } = useTranslation();
  const t = tt as T;
  const hard = isHardKind(rule.kind);
  const p = rule.params;
  const setParams = (patch: Partial<RuleParams>) => onChange({ params: { ...p, ...patch } });
  const bad = (...fields: string[]) => (fields.some((f) => errors?.[f]?.length) ? 'error' as const : undefined);
  const messages = errors ? [...new Set(Object.values(errors).flat())] : [];
  const tid = `sch-rule-${rule.kind}-${index}`;

  const scopeIdOptions = useScopeOptions(rule.scope, names, t);
  const scopes = KIND_SCOPES[rule.kind].filter((s) => !isDefault || s === 'school');
  const periodOptions = names.periods.map((x) => ({ value: x.no, label: t('timetable.periodNo', { no: x.no }) }));
  const dayOptions = Array.from({ length: names.daysPerWeek }, (_, i) => ({ value: i + 1, label: t(`timetable.days.${i + 1}`) }));

  const num = (field: 'max' | 'count' | 'minDays', min: number, max: number, unit: string) => (
    <span className="sch-field">
      <span className="sch-label">{t(`scheduling.params.${field}`)}</span>
      <InputNumber size="small" min={min} max={max} precision={0} style={{ width: 64 }} value={p[field]} status={bad(field)} aria-label={t(`scheduling.params.${field}`)}
        onChange={(v) => setParams({ [field]: v ?? undefined })} data-testid={`${tid}-${field}`} />
      <span className="sch-label">{unit}</span>
    </span>
  );

  const params = (() => {
    switch (rule.kind) {
      case 'subjectDailyMax': case 'teacherDailyMax': case 'teacherMaxConsecutive':
        return num('max', 1, 14, t('scheduling.params.maxUnit'));
      case 'spreadWeek':
        return num('minDays', 1, 3, t('scheduling.params.minDaysUnit'));
      case 'doublePeriods':
        return (
          <>
            <span className="sch-field">
              <span className="sch-label">{t('scheduling.params.name')}</span>
              <Input size="small" style={{ width: 96 }} maxLength={20} aria-label={t('scheduling.params.name')} value={p.name ?? ''} status={bad('name')} onChange={(e) => setParams({ name: e.target.value || undefined })} />
            </span>
            {num('count', 1, 5, t('scheduling.params.countUnit'))}
            <span className="sch-field">
              <span className="sch-label">{t('scheduling.params.grades')}</span>
              <Select size="small" mode="multiple" style={{ width: 230 }} maxTagCount="responsive" placeholder={t('scheduling.rules.allGrades')} value={p.grades ?? []} status={bad('grades')}
                options={names.grades.map((g) => ({ value: g, label: gradeLabel(t, g) }))} onChange={(v: number[]) => setParams({ grades: v })} />
            </span>
          </>
        );
      case 'fixedEvent':
        return (
          <>
            <span className="sch-field">
              <span className="sch-label">{t('scheduling.params.name')}</span>
              <Input size="small" style={{ width: 110 }} maxLength={20} aria-label={t('scheduling.params.name')} placeholder={t('scheduling.rules.eventPlaceholder')} value={p.name ?? ''} status={bad('name')}
                onChange={(e) => setParams({ name: e.target.value })} data-testid={`${tid}-name`} />
            </span>
            <span className="sch-field">
              <span className="sch-label">{t('scheduling.params.day')}</span>
              <Select size="small" style={{ width: 84 }} value={p.day} options={dayOptions} status={bad('day')} onChange={(v: number) => setParams({ day: v })} data-testid={`${tid}-day`} />
            </span>
            <span className="sch-field">
              <span className="sch-label">{t('scheduling.params.periods')}</span>
              <Select size="small" mode="multiple" style={{ width: 230 }} maxTagCount="responsive" value={p.periods ?? []} options={periodOptions} status={bad('periods')}
                onChange={(v: number[]) => setParams({ periods: [...v].sort((a, b) => a - b) })} data-testid={`${tid}-periods`} />
            </span>
          </>
        );
      case 'combinedClasses':
        return (
          <>
            {num('count', 1, 10, t('scheduling.params.countUnit'))}
            <span className="sch-field">
              <span className="sch-label">{t('scheduling.params.assignmentIds')}</span>
              <Select size="small" mode="multiple" style={{ width: 360 }} maxTagCount="responsive" placeholder={t('scheduling.rules.combinedPick')} value={p.assignmentIds ?? []} status={bad('assignmentIds')}
                showSearch={{ optionFilterProp: 'label' }} options={names.assignments.map((a) => ({ value: a.id, label: a.label }))}
                onChange={(v: number[]) => setParams({ assignmentIds: v })} data-testid={`${tid}-assignments`} />
            </span>
          </>
        );
      default:
        return null;
    }
  })();

  return (
    <div className={`sch-row${isDefault ? ' sch-row-default' : ''}${rule.enabled ? '' : ' sch-row-off'}${messages.length ? ' sch-row-bad' : ''}`} id={`sch-rule-${index}`} data-testid={tid}>
      <span className="sch-rowno">#{index + 1}</span>
      <span className="sch-scope">
        {isDefault ? <Tag color="blue">{t('scheduling.rules.default')}</Tag> : scopes.length > 1 ? (
          <Select size="small" style={{ width: 124 }} value={rule.scope} status={bad('scope')} popupMatchSelectWidth={false}
            options={scopes.map((s) => ({ value: s, label: t(`scheduling.scopes.${s}`) }))}
            onChange={(s: RuleScope) => onChange({ scope: s, scopeId: null })} data-testid={`${tid}-scope`} />
        ) : <Tag>{t(`scheduling.scopes.${rule.scope}`)}</Tag>}
        {rule.scope !== 'school' && (
          <Select size="small" style={{ width: 170 }} value={rule.scopeId ?? undefined} placeholder={t('scheduling.rules.scopePick')} status={bad('scopeId')} popupMatchSelectWidth={false}
            showSearch={{ filterOption: (input, opt) => !!opt && (matchesPerson(String(opt.label), input) || String(opt.label).includes(input)) }}
            options={scopeIdOptions} onChange={(v: number) => onChange({ scopeId: v })} data-testid={`${tid}-scopeId`} />
        )}
      </span>
      <span className="sch-params">{params}</span>
      <span className="sch-tail">
        {hard ? <Tag color="red">{t('scheduling.rules.always')}</Tag> : (
          <span className="sch-field">
            <span className="sch-label">{t('scheduling.rules.weight')}</span>
            <Slider className="sch-slider" min={0} max={100} aria-label={t('scheduling.rules.weight')} value={rule.weight} onChange={(v: number) => onChange({ weight: v })} />
            <InputNumber size="small" min={0} max={100} precision={0} style={{ width: 58 }} aria-label={t('scheduling.rules.weight')} value={rule.weight} status={bad('weight')}
              onChange={(v) => onChange({ weight: v ?? 0 })} data-testid={`${tid}-weight`} />
          </span>
        )}
        <Tooltip title={t('scheduling.rules.enabled')}>
          <Switch size="small" checked={rule.enabled} onChange={(v) => onChange({ enabled: v })} data-testid={`${tid}-enabled`} />
        </Tooltip>
        {isDefault ? <span className="sch-nodelete" /> : (
          <Tooltip title={t('scheduling.rules.delete')}>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onDelete} aria-label={t('scheduling.rules.delete')} data-testid={`${tid}-delete`} />
          </Tooltip>
        )}
      </span>
      {rule.kind === 'teacherWish' && (
        <div className="sch-full">
          <WishGrid names={names} slots={p.slots ?? []} bad={!!bad('slots')} onChange={(slots) => setParams({ slots })} testId={`${tid}-slots`} />
        </div>
      )}
      {messages.length > 0 && <div className="sch-full sch-errors" data-testid={`${tid}-errors`}>{messages.join('；')}</div>}
    </div>
  );
}

function useScopeOptions(scope: RuleScope, names: RuleNames, t: T) {
  return useMemo(() => {
    switch (scope) {
      case 'subject': return names.subjects.map((s) => ({ value: s.id, label: s.name }));
      case 'teacher': return names.teachers.map((s) => ({ value: s.id, label: s.name }));
      case 'class': return names.classes.map((s) => ({ value: s.id, label: s.name }));
      case 'group': return names.groups.map((s) => ({ value: s.id, label: s.name }));
      case 'grade': return names.grades.map((g) => ({ value: g, label: gradeLabel(t, g) }));
      default: return [];
    }
  }, [scope, names, t]);
}

/** A small days x periods grid: click a cell to mark a time the teacher would rather not teach. */
function WishGrid({ names, slots, bad, onChange, testId }: {
  names: RuleNames; slots: { day: number; period: number }[]; bad: boolean; onChange: (s: { day: number; period: number }[]) => void; testId: string;
}) {
  const { t } = useTranslation();
  const days = Array.from({ length: names.daysPerWeek }, (_, i) => i + 1);
  const on = (d: number, p: number) => slots.some((s) => s.day === d && s.period === p);
  const toggle = (d: number, p: number) => onChange(on(d, p) ? slots.filter((s) => !(s.day === d && s.period === p)) : [...slots, { day: d, period: p }].sort((a, b) => a.day - b.day || a.period - b.period));
  return (
    <div className="sch-wish">
      <span className="sch-label">{t('scheduling.params.slots')}</span>
      <table className={`sch-wish-grid${bad ? ' is-bad' : ''}`} data-testid={testId}>
        <thead><tr><th />{days.map((d) => <th key={d}>{t(`timetable.days.${d}`)}</th>)}</tr></thead>
        <tbody>
          {names.periods.map((p) => (
            <tr key={p.no}>
              <th>{p.no}</th>
              {days.map((d) => (
                <td key={d} className={on(d, p.no) ? 'is-on' : undefined} onClick={() => toggle(d, p.no)} data-slot={`d${d}p${p.no}`}>{on(d, p.no) ? '✕' : ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <span className="sch-hint">{t('scheduling.rules.wishHint')}</span>
    </div>
  );
}
