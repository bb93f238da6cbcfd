/**
 * The pickers of a report's parameters, drawn from what the report declares (ReportInfo.params) and the one
 * table of parameter kinds (REPORT_PARAM_KINDS): a month with a started check, an exam, a struggling-student
 * file, classes, teachers, rooms, grades, dates, switches. Any page that prints a report can use it.
 */
import { DatePicker, Form, Select, Switch, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REPORT_PARAM_KINDS, type Exam, type MonthlyCheckMonth, type ReportInfo, type ReportParamKey, type ReportParams, type Room,
  type PairRow, type SchoolClass, type StrugglingFileRow, type Teacher,
} from '../../../../shared/contract';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError } from '../../app/useApiError';
import { matchesPerson } from '../../../../shared/domain/pinyin';

interface Sources {
  classes: SchoolClass[]; teachers: Teacher[]; rooms: Room[]; months: MonthlyCheckMonth[]; exams: Exam[]; files: StrugglingFileRow[]; pairs: PairRow[];
}
const EMPTY: Sources = { classes: [], teachers: [], rooms: [], months: [], exams: [], files: [], pairs: [] };

/** Loads what the declared parameters need to offer, once per report and term. */
function useSources(report: ReportInfo | null, termId: number | undefined): Sources {
  const showError = useApiError();
  const [src, setSrc] = useState<Sources>(EMPTY);
  const kinds = useMemo(() => new Set((report?.params ?? []).map((k) => REPORT_PARAM_KINDS[k].kind)), [report]);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const next: Sources = { ...EMPTY };
      if (kinds.has('classes') || kinds.has('grades')) next.classes = [...await api.call('school/listClasses', { includeArchived: false })].sort((a, b) => a.gradeLevel - b.gradeLevel || a.classNo - b.classNo);
      if (kinds.has('teachers')) next.teachers = await api.call('teachers/list', { includeArchived: false });
      if (kinds.has('rooms')) next.rooms = await api.call('timetable/listRooms', { includeArchived: false });
      if (kinds.has('month') && termId) next.months = await api.call('monthly-check/months', { termId });
      if (kinds.has('exam')) next.exams = await api.call('exams/list', termId ? { termId } : {});
      if (kinds.has('struggleFile')) next.files = await api.call('struggling/list', termId ? { termId } : {});
      if (kinds.has('mentorPair') && termId) next.pairs = (await api.call('mentors/list', { termId })).pairs;
      if (live) setSrc(next);
    };
    load().catch((e) => { if (live) showError(e); });
    return () => { live = false; };
  }, [kinds, termId, showError]);
  return src;
}

/** Sensible first values: the latest started month, the latest exam. */
export function defaultParams(report: ReportInfo, src: Sources): ReportParams {
  const p: ReportParams = {};
  if (report.params.includes('month')) p.month = [...src.months].reverse().find((m) => m.started)?.month;
  if (report.params.includes('examId')) p.examId = [...src.exams].sort((a, b) => b.date.localeCompare(a.date))[0]?.id;
  return p;
}

/** The declared parameters still missing. */
export function missingParams(report: ReportInfo, values: ReportParams): ReportParamKey[] {
  return (report.required ?? []).filter((k) => values[k] === undefined || values[k] === null);
}

export function ReportParamsForm({ report, values, onChange }: {
  report: ReportInfo;
  values: ReportParams;
  onChange: (next: ReportParams) => void;
}) {
  const { t } = useTranslation();
  const { currentTerm } = useAppState();
  const src = useSources(report, currentTerm?.id);
  // Fill the defaults once the sources for this report are in.
  useEffect(() => {
    const d = defaultParams(report, src);
    const add = Object.fromEntries(Object.entries(d).filter(([k, v]) => v !== undefined && values[k as ReportParamKey] === undefined));
    if (Object.keys(add).length) onChange({ ...values, ...add });
  }, [report, src, values, onChange]);

  const set = (k: ReportParamKey, v: unknown) => onChange({ ...values, [k]: v === undefined || (Array.isArray(v) && !v.length) ? undefined : v });
  const label = (k: ReportParamKey) => t(`tools.reports.param.${k}`);
  const required = new Set(report.required ?? []);
  const grades = [...new Set(src.classes.map((c) => c.gradeLevel))];

  return (
    <Form layout="inline" className="jw-reports-form" data-testid="report-params">
      {report.params.map((k) => {
        const kind = REPORT_PARAM_KINDS[k].kind;
        const itemLabel = kind === 'switch' && t(`tools.reports.paramHint.${k}`, { defaultValue: '' })
          ? <Tooltip title={t(`tools.reports.paramHint.${k}`)}>{label(k)}</Tooltip> : label(k);
        const common = { 'data-testid': `report-param-${k}`, 'aria-label': label(k) };
        let control: React.ReactNode = null;
        switch (kind) {
          case 'term':
            control = currentTerm ? <Tag color="blue" style={{ marginInlineEnd: 0 }}>{currentTerm.name}</Tag> : <Typography.Text type="warning">{t('tools.reports.noTerm')}</Typography.Text>;
            break;
          case 'classes':
            control = <Select {...common} mode="multiple" allowClear style={{ width: 240 }} maxTagCount="responsive" placeholder={t('tools.reports.classesAll')}
              value={values.classIds ?? []} onChange={(v) => set(k, v)} optionFilterProp="label" options={src.classes.map((c) => ({ value: c.id, label: c.name }))} />;
            break;
          case 'teachers':
            control = <Select {...common} mode="multiple" allowClear style={{ width: 220 }} maxTagCount="responsive" placeholder={t('tools.reports.teachersAll')}
              value={values.teacherIds ?? []} onChange={(v) => set(k, v)} showSearch={{ filterOption: (input, o) => matchesPerson(String(o?.label ?? ''), input) }}
              options={src.teachers.map((x) => ({ value: x.id, label: x.name }))} />;
            break;
          case 'rooms':
            control = <Select {...common} mode="multiple" allowClear style={{ width: 200 }} maxTagCount="responsive" placeholder={t('tools.reports.roomsAll')}
              value={values.roomIds ?? []} onChange={(v) => set(k, v)} optionFilterProp="label" options={src.rooms.map((r) => ({ value: r.id, label: r.name }))} />;
            break;
          case 'grades':
            control = <Select {...common} mode="multiple" allowClear style={{ width: 180 }} placeholder={t('tools.reports.gradesAll')}
              value={values.gradeLevels ?? []} onChange={(v) => set(k, v)} options={grades.map((g) => ({ value: g, label: t(`tools.reports.grade`, { level: g }) }))} />;
            break;
          case 'date':
            control = <DatePicker {...common} allowClear value={values[k] ? dayjs(values[k] as string) : null} onChange={(d) => set(k, d ? d.format('YYYY-MM-DD') : undefined)} />;
            break;
          case 'switch':
            control = <Switch {...common} checked={!!values[k]} onChange={(v) => set(k, v)} />;
            break;
          case 'choice':
            control = <Select {...common} allowClear style={{ width: 160 }} value={values[k] as string | undefined} onChange={(v) => set(k, v)}
              options={(REPORT_PARAM_KINDS[k].choices ?? []).map((c) => ({ value: c, label: t(`tools.reports.choices.${k}.${c}`) }))} />;
            break;
          case 'month':
            control = <Select {...common} style={{ width: 150 }} status={required.has(k) && !values.month ? 'warning' : undefined} placeholder={t('tools.reports.pickMonth')}
              value={values.month} onChange={(v) => set(k, v)}
              options={src.months.map((m) => ({ value: m.month, disabled: !m.started, label: m.started ? m.month : t('tools.reports.monthNotStarted', { month: m.month }) }))} />;
            break;
          case 'exam':
            control = <Select {...common} style={{ width: 240 }} placeholder={t('tools.reports.pickExam')} value={values.examId} onChange={(v) => set(k, v)}
              optionFilterProp="label" showSearch options={src.exams.map((e) => ({ value: e.id, label: `${e.date} ${e.name}` }))} />;
            break;
          case 'struggleFile':
            control = <Select {...common} style={{ width: 260 }} placeholder={t('tools.reports.pickFile')} value={values.fileId} onChange={(v) => set(k, v)}
              showSearch={{ filterOption: (input, o) => matchesPerson(String(o?.label ?? ''), input) }}
              options={src.files.map((f) => ({ value: f.id, label: `${f.studentName}（${f.className ?? ''}，${f.subjectNames.join('、')}）` }))} />;
            break;
          case 'mentorPair':
            control = <Select {...common} style={{ width: 240 }} placeholder={t('tools.reports.pickPair')} value={values.pairId} onChange={(v) => set(k, v)}
              showSearch={{ filterOption: (input, o) => matchesPerson(String(o?.label ?? ''), input) }}
              options={src.pairs.map((p) => ({ value: p.id, label: `${p.mentorName}—${p.apprenticeName}（${p.subjectName ?? ''}）` }))} />;
            break;
        }
        return <Form.Item key={k} label={itemLabel} required={required.has(k)}>{control}</Form.Item>;
      })}
    </Form>
  );
}
