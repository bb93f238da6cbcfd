/**
 * The add/edit dialog of an observation (听课记录). Quick entry from the timetable: pick a date and the observed
 * teacher (or a class), the week's lessons show on the shared TimetableGrid, and a click on a lesson fills in
 * class, subject, teacher and period (observations/fromLesson). A click on another weekday moves the date within
 * that week. The six rubric scores show a running total and the level.
 */
import { Alert, type ButtonProps, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Segmented, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Observation, ObservationInput, SchoolClass, Subject, Teacher, Term } from '../../../../shared/contract';
import type { Lesson, TimetableData } from '../../../../shared/contract';
import {
  LEVELS, OBSERVATION_ITEMS, OBSERVATION_KINDS, levelForTotal, observationTotal, type Level, type ObservationKind, type ObservationScores,
} from '../../../../shared/domain/routine/observation';
import { termEnd } from '../../../../shared/domain/timetable/taught';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { TimetableGrid } from '../../components/timetable';
import { PersonSelect, weekdayOf } from '../../components/pickers';
import { LEVEL_COLOR } from '../../components/routine-levels';

const OBSERVER_KEY = 'jiaowu.observations.lastObserver';

interface Values {
  date?: Dayjs;
  period?: number | null;
  classId?: number | null;
  subjectId?: number | null;
  teacherId?: number | null;
  observerId?: number | null;
  topic?: string;
  kind: ObservationKind;
  scores: ObservationScores;
  level?: Level | null;
  comments?: string;
  suggestions?: string;
}

const ISO = 'YYYY-MM-DD';

export function ObservationForm({ open, term, editing, timetable, teachers, classes, subjects, onClose, onSaved }: {
  open: boolean; term: Term; editing: Observation | null; timetable: TimetableData | null;
  teachers: Teacher[]; classes: SchoolClass[]; subjects: Subject[];
  onClose: () => void; onSaved: (o: Observation) => void;
}) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // Quick entry: whose week to show.
  const [pickBy, setPickBy] = useState<'teacher' | 'class'>('teacher');
  const [pickTeacher, setPickTeacher] = useState<number | null>(null);
  const [pickClass, setPickClass] = useState<number | null>(null);
  const [picked, setPicked] = useState<string | null>(null);

  const date = Form.useWatch('date', form);
  const scores = Form.useWatch('scores', form);
  const total = useMemo(() => observationTotal(scores ?? {}), [scores]);
  const running = useMemo(
    () => OBSERVATION_ITEMS.reduce((s, it) => s + (scores?.[it.key] ?? 0), 0),
    [scores],
  );

  useEffect(() => {
    if (!open) return;
    setPicked(null);
    if (editing) {
      form.setFieldsValue({
        date: dayjs(editing.date), period: editing.period, classId: editing.classId, subjectId: editing.subjectId,
        teacherId: editing.teacherId, observerId: editing.observerId, topic: editing.topic ?? '', kind: editing.kind,
        scores: { ...editing.scores }, level: editing.level, comments: editing.comments ?? '', suggestions: editing.suggestions ?? '',
      });
      setPickTeacher(editing.teacherId);
    } else {
      form.resetFields();
      const lastObserver = Number(localStorage.getItem(OBSERVER_KEY)) || null;
      const today = dayjs().format(ISO);
      const last = termEnd(term.startDate, term.teachingWeeks);
      form.setFieldsValue({
        date: dayjs(today < term.startDate ? term.startDate : today > last ? last : today),
        kind: '推门课',
        observerId: teachers.some((x) => x.id === lastObserver) ? lastObserver : null,
        scores: {},
      });
      setPickTeacher(null);
      setPickClass(null);
    }
  }, [open, editing, form, term.startDate, term.teachingWeeks, teachers]);

  const people = useMemo(() => teachers.map((x) => ({ id: x.id, name: x.name, hint: x.subjectName })), [teachers]);
  const classOptions = useMemo(() => classes.filter((c) => !c.archived).map((c) => ({ value: c.id, label: c.name })), [classes]);
  const subjectOptions = useMemo(() => subjects.filter((s) => !s.archived).map((s) => ({ value: s.id, label: s.name })), [subjects]);
  const periodOptions = useMemo(
    () => [...(timetable?.settings.periods ?? [])].sort((a, b) => a.no - b.no).map((p) => ({ value: p.no, label: t('monthly.obs.periodN', { n: p.no }) })),
    [timetable, t],
  );

  const iso = date ? date.format(ISO) : null;
  const weekday = iso ? weekdayOf(iso) : null;
  const weekLessons = useMemo(() => {
    if (!timetable) return new Map<string, Lesson[]>();
    const mine = timetable.lessons.filter((l) => (pickBy === 'teacher' ? l.teacherId === pickTeacher : l.classId === pickClass));
    const m = new Map<string, Lesson[]>();
    for (const l of mine) {
      const k = `${l.day}-${l.period}`;
      m.set(k, [...(m.get(k) ?? []), l]);
    }
    return m;
  }, [timetable, pickBy, pickTeacher, pickClass]);
  const todayCount = weekday ? [...weekLessons.keys()].filter((k) => k.startsWith(`${weekday}-`)).length : 0;
  const hasPick = pickBy === 'teacher' ? !!pickTeacher : !!pickClass;

  async function pickLesson(l: Lesson) {
    if (!iso || !weekday) return;
    // Same week, the weekday clicked.
    const target = dayjs(iso).add(l.day - weekday, 'day').format(ISO);
    try {
      const p = await api.call('observations/fromLesson', { termId: term.id, date: target, period: l.period, classId: l.classId });
      form.setFieldsValue({
        date: dayjs(p.date), period: p.period, classId: p.classId, subjectId: p.subjectId ?? null, teacherId: p.teacherId ?? null,
      });
      setPicked(`${l.day}-${l.period}`);
    } catch (e) {
      showError(e);
    }
  }

  async function submit() {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const input: ObservationInput = {
      id: editing?.id,
      termId: term.id,
      date: v.date!.format(ISO),
      period: v.period ?? null,
      classId: v.classId ?? null,
      subjectId: v.subjectId ?? null,
      teacherId: v.teacherId!,
      observerId: v.observerId!,
      topic: v.topic || null,
      kind: v.kind,
      scores: Object.fromEntries(OBSERVATION_ITEMS.map((it) => [it.key, v.scores?.[it.key] ?? null])) as ObservationInput['scores'],
      level: total == null ? v.level ?? null : null,
      comments: v.comments || null,
      suggestions: v.suggestions || null,
    };
    setSaving(true);
    try {
      const saved = await api.call('observations/save', input);
      localStorage.setItem(OBSERVER_KEY, String(v.observerId));
      onSaved(saved);
    } catch (e) {
      showError(e, { fieldLabel: (f) => t(`monthly.obs.col.${f}`, { defaultValue: f }) });
    } finally {
      setSaving(false);
    }
  }

  const level = total != null ? levelForTotal(total) : null;
  const lastDay = termEnd(term.startDate, term.teachingWeeks);

  return (
    <Modal
      open={open}
      title={editing ? t('monthly.obs.editTitle') : t('monthly.obs.addTitle')}
      width={1040}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      okButtonProps={{ loading: saving, 'data-testid': 'obs-save' } as ButtonProps}
      forceRender
      maskClosable={false}
      styles={{ body: { maxHeight: 'calc(100vh - 200px)', overflow: 'auto' } }}
    >
      <Form form={form} layout="vertical" data-testid="obs-form" requiredMark>
        {/* ---- quick entry from the timetable ---- */}
        <div className="obs-quick" data-testid="obs-quick">
          <Space wrap align="center" style={{ marginBottom: 8 }}>
            <Form.Item name="date" label={t('monthly.obs.col.date')} rules={[{ required: true, message: t('monthly.obs.required') }]} style={{ marginBottom: 0 }}>
              <DatePicker
                data-testid="obs-date"
                allowClear={false}
                disabledDate={(d) => d.format(ISO) < term.startDate || d.format(ISO) > lastDay}
              />
            </Form.Item>
            <Segmented
              data-testid="obs-pick-by"
              value={pickBy}
              onChange={(v) => setPickBy(v as 'teacher' | 'class')}
              options={[{ value: 'teacher', label: t('monthly.obs.byTeacher') }, { value: 'class', label: t('monthly.obs.byClass') }]}
              style={{ marginTop: 22 }}
            />
            {pickBy === 'teacher' ? (
              <PersonSelect people={people} value={pickTeacher} onChange={setPickTeacher} placeholder={t('monthly.obs.pickTeacher')} testId="obs-pick-teacher" style={{ marginTop: 22 }} />
            ) : (
              <Select
                data-testid="obs-pick-class"
                showSearch={{ optionFilterProp: 'label' }}
                value={pickClass ?? undefined}
                onChange={(v) => setPickClass(v ?? null)}
                options={classOptions}
                placeholder={t('monthly.obs.pickClass')}
                style={{ width: 200, marginTop: 22 }}
              />
            )}
          </Space>
          {!timetable ? (
            <Alert type="info" showIcon message={t('monthly.obs.noTimetable')} />
          ) : !hasPick ? (
            <Typography.Text type="secondary">{t('monthly.obs.quickHint')}</Typography.Text>
          ) : (
            <>
              <Typography.Text type={todayCount ? 'secondary' : 'warning'} style={{ display: 'block', marginBottom: 6 }} data-testid="obs-day-count">
                {todayCount
                  ? t('monthly.obs.dayLessons', { n: todayCount, day: t(`timetable.days.${weekday}`) })
                  : t('monthly.obs.noLessonsThatDay', { day: weekday ? t(`timetable.days.${weekday}`) : '' })}
              </Typography.Text>
              <TimetableGrid
                compact
                hideBreaks
                hideTimes
                className="obs-grid"
                data-testid="obs-timetable"
                settings={timetable.settings}
                cellProps={(d, p) => {
                  const list = weekLessons.get(`${d}-${p}`);
                  const cls = [d === weekday ? 'obs-today' : '', list ? 'obs-has' : '', picked === `${d}-${p}` ? 'is-selected' : ''].filter(Boolean).join(' ');
                  return {
                    className: cls,
                    'data-testid': list ? `obs-lesson-d${d}p${p}` : undefined,
                    onClick: list ? () => void pickLesson(list[0]) : undefined,
                  };
                }}
                renderCell={(d, p) => {
                  const list = weekLessons.get(`${d}-${p}`);
                  if (!list) return null;
                  return (
                    <div className="jw-tt-lesson">
                      <div className="jw-tt-subject">{list[0].subjectName}</div>
                      <div className="jw-tt-teacher">{pickBy === 'teacher' ? list.map((l) => l.className).join('、') : list[0].teacherName}</div>
                    </div>
                  );
                }}
              />
            </>
          )}
        </div>

        <Divider style={{ margin: '12px 0' }} />
        <Row gutter={12}>
          <Col span={4}>
            <Form.Item name="period" label={t('monthly.obs.col.period')}>
              <Select data-testid="obs-period" allowClear options={periodOptions} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="classId" label={t('monthly.obs.col.className')}>
              <Select data-testid="obs-class" allowClear showSearch={{ optionFilterProp: 'label' }} options={classOptions} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="subjectId" label={t('monthly.obs.col.subjectName')}>
              <Select data-testid="obs-subject" allowClear showSearch={{ optionFilterProp: 'label' }} options={subjectOptions} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="teacherId" label={t('monthly.obs.col.teacherName')} rules={[{ required: true, message: t('monthly.obs.required') }]}>
              <PersonSelect people={people} testId="obs-teacher" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item
              name="observerId"
              label={t('monthly.obs.col.observerName')}
              rules={[
                { required: true, message: t('monthly.obs.required') },
                ({ getFieldValue }) => ({
                  validator: (_, v) => (v && v === getFieldValue('teacherId') ? Promise.reject(new Error(t('monthly.obs.observerIsObserved'))) : Promise.resolve()),
                }),
              ]}
            >
              <PersonSelect people={people} testId="obs-observer" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="topic" label={t('monthly.obs.col.topic')}>
              <Input data-testid="obs-topic" maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="kind" label={t('monthly.obs.col.kind')} rules={[{ required: true }]}>
              <Select data-testid="obs-kind" options={OBSERVATION_KINDS.map((k) => ({ value: k, label: t(`monthly.kinds.${k}`) }))} />
            </Form.Item>
          </Col>
        </Row>

        {/* ---- rubric ---- */}
        <div className="obs-rubric">
          {OBSERVATION_ITEMS.map((it) => (
            <Form.Item key={it.key} name={['scores', it.key]} label={`${t(`monthly.obs.items.${it.key}`)}（${it.max}）`} className="obs-score">
              <InputNumber data-testid={`obs-score-${it.key}`} min={0} max={it.max} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          ))}
          <div className="obs-total">
            <div className="obs-total-label">{t('monthly.obs.col.total')}</div>
            <div className="obs-total-value" data-testid="obs-total">{total ?? (running ? `${running}…` : '—')}</div>
            {level ? (
              <Tag color={LEVEL_COLOR[level]} data-testid="obs-level">{t(`monthly.levels.${level}`)}</Tag>
            ) : (
              <Form.Item name="level" noStyle>
                <Select data-testid="obs-level-select" allowClear placeholder={t('monthly.obs.levelByHand')} options={LEVELS.map((l) => ({ value: l, label: t(`monthly.levels.${l}`) }))} style={{ width: 120 }} />
              </Form.Item>
            )}
          </div>
        </div>

        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="comments" label={t('monthly.obs.col.comments')}>
              <Input.TextArea data-testid="obs-comments" rows={3} maxLength={2000} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="suggestions" label={t('monthly.obs.col.suggestions')}>
              <Input.TextArea data-testid="obs-suggestions" rows={3} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
