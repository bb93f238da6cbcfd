/**
 * Days per week, periods (morning/afternoon, start time; end times computed from the lesson length of each
 * section the school teaches), breaks (早读/大课间/午休) and lesson lengths. Checked here with the same rules core
 * uses (validateSettings), and every problem is shown at its field.
 */
import { DeleteOutlined, PlusOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Card, Input, InputNumber, Radio, Select, Space, Spin, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TimetableSettingsSchema, type BreakDef, type PeriodDef, type TimetableSettings } from '../../../../../../shared/contract';
import type { FieldIssue } from '../../../../../../shared/errors';
import { isAppErrorShape } from '../../../../../../shared/errors';
import { sectionsOf, validateSettings, type Section } from '../../../../../../shared/domain/timetable/settings';
import { api } from '../../../../api/client';
import { useApiError } from '../../../../app/useApiError';
import { translateErrorKey, type T } from '../../../../app/formatError';
import { TimetableGrid } from '../../../../components/timetable/TimetableGrid';
import { addMinutes } from '../../../../components/timetable/time';

const BREAK_NAMES = ['早读', '大课间', '眼保健操', '午休', '课外活动'];

/** Path of an issue as a field key: periods.2.start, breaks.0.end, lessonMinutes.primary. */
const pathKey = (path: (string | number)[]) => path.join('.');

function issuesOf(draft: TimetableSettings, sections: Section[]): FieldIssue[] {
  const parsed = TimetableSettingsSchema.safeParse(draft);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), key: i.message && /^[a-zA-Z]\w*$/.test(i.message) ? i.message : 'invalid' }));
  }
  return validateSettings(parsed.data, sections);
}

export function ScheduleTab({ termId }: { termId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [saved, setSaved] = useState<TimetableSettings | null>(null);
  const [draft, setDraft] = useState<TimetableSettings | null>(null);
  const [sections, setSections] = useState<Section[]>(['primary', 'middle']);
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    try {
      const [s, profile] = await Promise.all([api.call('timetable/getSettings', { termId }), api.call('school/getProfile', {})]);
      setSaved(s);
      setDraft(s);
      if (profile) setSections(sectionsOf(profile.type));
      setServerIssues([]);
      setTouched(false);
    } catch (e) {
      showError(e);
    }
  }, [termId, showError]);
  useEffect(() => void load(), [load]);

  const issues = useMemo(() => (draft && touched ? issuesOf(draft, sections) : []), [draft, sections, touched]);
  const errors = useMemo(() => {
    const m = new Map<string, string>();
    for (const i of [...issues, ...serverIssues]) {
      const k = pathKey(i.path);
      if (!m.has(k)) m.set(k, translateErrorKey(t as T, i.key, i.params));
    }
    return m;
  }, [issues, serverIssues, t]);

  if (!draft || !saved) return <div className="jw-center"><Spin /></div>;

  const update = (patch: Partial<TimetableSettings>) => {
    setDraft({ ...draft, ...patch });
    setTouched(true);
    setServerIssues([]);
  };
  const setPeriod = (i: number, patch: Partial<PeriodDef>) => update({ periods: draft.periods.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const setBreak = (i: number, patch: Partial<BreakDef>) => update({ breaks: draft.breaks.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  const longest = Math.max(...sections.map((s) => draft.lessonMinutes[s]));
  const addPeriod = () => {
    const last = draft.periods[draft.periods.length - 1];
    const start = last ? addMinutes(last.start, longest + 10) || last.start : '08:00';
    update({ periods: [...draft.periods, { no: draft.periods.length + 1, part: last?.part ?? 'morning', start }] });
  };
  // Numbers follow the order of the rows, so removing a row renumbers the ones below it.
  const removePeriod = (i: number) => update({
    periods: draft.periods.filter((_, j) => j !== i).map((p, j) => ({ ...p, no: j + 1 })),
    breaks: draft.breaks.map((b) => (b.afterPeriod > i ? { ...b, afterPeriod: b.afterPeriod - 1 } : b)),
  });

  const err = (k: string) => errors.get(k);
  const fieldError = (k: string) => (err(k) ? <div className="jw-tt-field-error" data-testid={`tts-error-${k}`}>{err(k)}</div> : null);
  const status = (k: string) => (err(k) ? ('error' as const) : undefined);

  const save = async () => {
    setTouched(true);
    const found = issuesOf(draft, sections);
    if (found.length) {
      void message.error(t('timetable.settings.fixErrors', { count: found.length }));
      return;
    }
    setSaving(true);
    try {
      const s = await api.call('timetable/saveSettings', { ...draft, termId });
      setSaved(s);
      setDraft(s);
      setTouched(false);
      void message.success(t('common.saved'));
    } catch (e) {
      if (isAppErrorShape(e) && e.issues?.length) setServerIssues(e.issues);
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const afterOptions = [
    { value: 0, label: t('timetable.settings.beforeFirst') },
    ...draft.periods.map((p) => ({ value: p.no, label: t('timetable.settings.afterPeriod', { no: p.no }) })),
  ];

  return (
    <div className="jw-tt-settings">
      <Space orientation="vertical" size={14} style={{ width: '100%' }}>
        <Card size="small" title={t('timetable.settings.week')}>
          <Space size={24} wrap>
            <Space>
              <span>{t('timetable.settings.daysPerWeek')}</span>
              <Radio.Group
                value={draft.daysPerWeek}
                onChange={(e) => update({ daysPerWeek: e.target.value as 5 | 6 })}
                options={[{ value: 5, label: t('timetable.settings.days5') }, { value: 6, label: t('timetable.settings.days6') }]}
                optionType="button"
                data-testid="tts-days"
              />
            </Space>
            {(['primary', 'middle'] as const).filter((s) => sections.includes(s)).map((s) => (
              <Space key={s} orientation="vertical" size={0}>
                <Space>
                  <span>{t(`timetable.settings.minutes.${s}`)}</span>
                  <InputNumber
                    min={20} max={90} value={draft.lessonMinutes[s]} style={{ width: 90 }} suffix={t('timetable.settings.minuteUnit')}
                    status={status(`lessonMinutes.${s}`)} aria-label={t(`timetable.settings.minutes.${s}`)}
                    onChange={(v) => update({ lessonMinutes: { ...draft.lessonMinutes, [s]: v ?? 0 } })}
                    data-testid={`tts-minutes-${s}`}
                  />
                </Space>
                {fieldError(`lessonMinutes.${s}`)}
              </Space>
            ))}
          </Space>
        </Card>

        <Card size="small" title={t('timetable.settings.periods')} extra={<Button size="small" icon={<PlusOutlined />} onClick={addPeriod} disabled={draft.periods.length >= 14} data-testid="tts-add-period">{t('timetable.settings.addPeriod')}</Button>}>
          <table className="jw-tt-form-table" data-testid="tts-periods">
            <thead>
              <tr>
                <th style={{ width: 64 }}>{t('timetable.settings.no')}</th>
                <th style={{ width: 100 }}>{t('timetable.settings.part')}</th>
                <th style={{ width: 170 }}>{t('timetable.settings.start')}</th>
                {sections.map((s) => <th key={s}>{t(`timetable.settings.end.${s}`)}</th>)}
                <th style={{ width: 40 }} />
              </tr>
            </thead>
            <tbody>
              {draft.periods.map((p, i) => (
                <tr key={i}>
                  <td>{t('timetable.periodNo', { no: p.no })}{fieldError(`periods.${i}.no`)}</td>
                  <td>
                    <Select size="small" value={p.part} style={{ width: 84 }} status={status(`periods.${i}.part`)} onChange={(v) => setPeriod(i, { part: v })}
                      options={[{ value: 'morning', label: t('timetable.part.morning') }, { value: 'afternoon', label: t('timetable.part.afternoon') }]} />
                    {fieldError(`periods.${i}.part`)}
                  </td>
                  <td>
                    <Input size="small" value={p.start} style={{ width: 80 }} status={status(`periods.${i}.start`)} maxLength={5} aria-label={`${p.no} ${t('timetable.settings.start')}`}
                      onChange={(e) => setPeriod(i, { start: e.target.value.replace('：', ':').trim() })} data-testid={`tts-period-start-${i}`} />
                    {fieldError(`periods.${i}.start`)}
                  </td>
                  {sections.map((s) => <td key={s} className="jw-tt-computed">{addMinutes(p.start, draft.lessonMinutes[s]) || '—'}</td>)}
                  <td>
                    <Tooltip title={t('timetable.settings.remove')}>
                      <Button size="small" type="text" icon={<DeleteOutlined />} disabled={draft.periods.length <= 1} onClick={() => removePeriod(i)} />
                    </Tooltip>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {fieldError('periods')}
        </Card>

        <Card size="small" title={t('timetable.settings.breaks')} extra={
          <Button size="small" icon={<PlusOutlined />} disabled={draft.breaks.length >= 10} data-testid="tts-add-break"
            onClick={() => update({ breaks: [...draft.breaks, { name: '', afterPeriod: Math.min(2, draft.periods.length), start: '', end: '' }] })}>
            {t('timetable.settings.addBreak')}
          </Button>
        }>
          <table className="jw-tt-form-table" data-testid="tts-breaks">
            <thead>
              <tr>
                <th style={{ width: 120 }}>{t('timetable.settings.breakName')}</th>
                <th style={{ width: 130 }}>{t('timetable.settings.position')}</th>
                <th>{t('timetable.settings.start')}</th>
                <th>{t('timetable.settings.endTime')}</th>
                <th style={{ width: 40 }} />
              </tr>
            </thead>
            <tbody>
              {draft.breaks.map((b, i) => (
                <tr key={i}>
                  <td>
                    <AutoComplete size="small" value={b.name} style={{ width: 104 }} status={status(`breaks.${i}.name`)}
                      options={BREAK_NAMES.map((n) => ({ value: n }))} onChange={(v) => setBreak(i, { name: v })} />
                    {fieldError(`breaks.${i}.name`)}
                  </td>
                  <td>
                    <Select size="small" value={b.afterPeriod} style={{ width: 116 }} status={status(`breaks.${i}.afterPeriod`)} options={afterOptions}
                      onChange={(v) => setBreak(i, { afterPeriod: v })} />
                    {fieldError(`breaks.${i}.afterPeriod`)}
                  </td>
                  <td>
                    <Input size="small" value={b.start} style={{ width: 80 }} maxLength={5} placeholder="00:00" status={status(`breaks.${i}.start`)}
                      onChange={(e) => setBreak(i, { start: e.target.value.replace('：', ':').trim() })} />
                    {fieldError(`breaks.${i}.start`)}
                  </td>
                  <td>
                    <Input size="small" value={b.end} style={{ width: 80 }} maxLength={5} placeholder="00:00" status={status(`breaks.${i}.end`)}
                      onChange={(e) => setBreak(i, { end: e.target.value.replace('：', ':').trim() })} />
                    {fieldError(`breaks.${i}.end`)}
                  </td>
                  <td>
                    <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => update({ breaks: draft.breaks.filter((_, j) => j !== i) })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>

        <Space>
          <Button type="primary" icon={<SaveOutlined />} onClick={save} loading={saving} disabled={!dirty} data-testid="tts-save">{t('common.save')}</Button>
          <Button icon={<UndoOutlined />} onClick={() => { setDraft(saved); setTouched(false); setServerIssues([]); }} disabled={!dirty}>{t('timetable.settings.revert')}</Button>
          {errors.size > 0 && <span className="jw-tt-field-error">{t('timetable.settings.fixErrors', { count: errors.size })}</span>}
        </Space>
      </Space>

      <Card size="small" title={t('timetable.settings.preview')}>
        <TimetableGrid
          settings={draft}
          gradeLevel={sections.includes('middle') ? 7 : 1}
          compact
          renderCell={() => null}
          data-testid="tts-preview"
        />
        <div className="jw-tt-hint" style={{ marginTop: 8 }}>
          {sections.map((s) => t(`timetable.settings.dayLength.${s}`, {
            from: draft.periods[0]?.start ?? '', to: addMinutes(draft.periods[draft.periods.length - 1]?.start ?? '', draft.lessonMinutes[s]),
          })).join('　')}
        </div>
      </Card>
    </div>
  );
}
