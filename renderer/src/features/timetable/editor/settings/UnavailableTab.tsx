/**
 * 教师不排课时间: pick a teacher (pinyin initials work) and click the slots they cannot teach (a part-time
 * teacher's days, a leader's fixed meeting), with a reason; saved per teacher with timetable/unavailableSave.
 */
import { SaveOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Card, Empty, Select, Space, Spin, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Teacher, TimetableSettings, Unavailable } from '../../../../../../shared/contract';
import { matchesPerson } from '../../../../../../shared/domain/pinyin';
import { compareZh } from '../../../../../../shared/domain/text';
import { api } from '../../../../api/client';
import { useApiError } from '../../../../app/useApiError';
import { TimetableGrid } from '../../../../components/timetable/TimetableGrid';

const REASONS = ['外出学习', '行政会议', '兼职', '送教下乡', '哺乳期'];
type Slots = Map<string, string | null>;
const key = (day: number, period: number) => `${day}:${period}`;

export function UnavailableTab({ termId }: { termId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [teachers, setTeachers] = useState<Teacher[]>([]);
  const [settings, setSettings] = useState<TimetableSettings | null>(null);
  const [all, setAll] = useState<Unavailable[]>([]);
  const [teacherId, setTeacherId] = useState<number | null>(null);
  const [slots, setSlots] = useState<Slots>(new Map());
  const [reason, setReason] = useState('');
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    try {
      const [ts, s, u] = await Promise.all([
        api.call('teachers/list', {}), api.call('timetable/getSettings', { termId }), api.call('timetable/unavailableList', { termId }),
      ]);
      setTeachers([...ts].sort((a, b) => compareZh(a.name, b.name)));
      setSettings(s);
      setAll(u);
    } catch (e) {
      showError(e);
    }
  }, [termId, showError]);
  useEffect(() => void load(), [load]);

  // Switching teacher loads that teacher's saved slots.
  useEffect(() => {
    setSlots(new Map(all.filter((u) => u.teacherId === teacherId).map((u) => [key(u.day, u.period), u.reason])));
    setDirty(false);
  }, [teacherId, all]);

  const byTeacher = useMemo(() => {
    const m = new Map<number, { name: string; count: number }>();
    for (const u of all) m.set(u.teacherId, { name: u.teacherName, count: (m.get(u.teacherId)?.count ?? 0) + 1 });
    return [...m].sort((a, b) => compareZh(a[1].name, b[1].name));
  }, [all]);

  if (!settings) return <div className="jw-center"><Spin /></div>;

  const toggle = (day: number, period: number) => {
    if (!teacherId) return;
    const next = new Map(slots);
    if (next.has(key(day, period))) next.delete(key(day, period));
    else next.set(key(day, period), reason.trim() || null);
    setSlots(next);
    setDirty(true);
  };

  const save = async () => {
    if (!teacherId) return;
    setSaving(true);
    try {
      const list = [...slots].map(([k, r]) => {
        const [day, period] = k.split(':').map(Number);
        return { day, period, reason: r };
      });
      const saved = await api.call('timetable/unavailableSave', { termId, teacherId, slots: list });
      setAll([...all.filter((u) => u.teacherId !== teacherId), ...saved]);
      setDirty(false);
      void message.success(t('common.saved'));
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="jw-tt-unavail">
      <Card size="small" title={t('timetable.unavailable.teacher')}>
        <Select
          showSearch={{ filterOption: (input, option) => !!option && matchesPerson(String(option.label), input) }}
          style={{ width: '100%' }}
          value={teacherId ?? undefined}
          onChange={(v) => setTeacherId(v)}
          placeholder={t('timetable.unavailable.pickTeacher')}
          options={teachers.map((x) => ({ value: x.id, label: x.name }))}
          data-testid="tts-unavail-teacher"
        />
        <div className="jw-tt-hint" style={{ marginTop: 12 }}>{t('timetable.unavailable.withSlots')}</div>
        <div className="jw-tt-unavail-list">
          {byTeacher.length === 0 && <span className="jw-tt-hint">{t('timetable.unavailable.noneYet')}</span>}
          {byTeacher.map(([id, v]) => (
            <Button key={id} size="small" type={id === teacherId ? 'primary' : 'text'} onClick={() => setTeacherId(id)}>
              {v.name} <Tag style={{ marginLeft: 6 }}>{t('timetable.unavailable.slotCount', { count: v.count })}</Tag>
            </Button>
          ))}
        </div>
      </Card>
      <Card
        size="small"
        title={teacherId ? t('timetable.unavailable.gridTitle', { name: teachers.find((x) => x.id === teacherId)?.name ?? '' }) : t('timetable.unavailable.title')}
        extra={teacherId && (
          <Space>
            <AutoComplete
              size="small" style={{ width: 180 }} value={reason} onChange={setReason} options={REASONS.map((r) => ({ value: r }))}
              placeholder={t('timetable.unavailable.reason')} data-testid="tts-unavail-reason"
            />
            <Button size="small" onClick={() => { setSlots(new Map()); setDirty(true); }} disabled={slots.size === 0}>{t('timetable.unavailable.clearAll')}</Button>
            <Button size="small" type="primary" icon={<SaveOutlined />} onClick={save} loading={saving} disabled={!dirty} data-testid="tts-unavail-save">{t('common.save')}</Button>
          </Space>
        )}
      >
        {!teacherId ? <Empty description={t('timetable.unavailable.pickFirst')} /> : (
          <>
            <TimetableGrid
              settings={settings}
              compact
              hideBreaks
              hideTimes
              cellProps={(d, p) => ({
                className: slots.has(key(d, p)) ? 'is-off' : '',
                onClick: () => toggle(d, p),
                'data-testid': `tts-slot-${d}-${p}`,
                'data-off': slots.has(key(d, p)) ? '1' : '0',
              })}
              renderCell={(d, p) => (slots.has(key(d, p)) ? (slots.get(key(d, p)) || t('timetable.unavailable.off')) : null)}
            />
            <div className="jw-tt-hint" style={{ marginTop: 8 }}>{t('timetable.unavailable.hint')}</div>
          </>
        )}
      </Card>
    </div>
  );
}
