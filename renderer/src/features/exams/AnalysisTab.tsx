/**
 * The analysis of one exam: per grade and subject a class table (应考, 实考, 参考率, 平均分, 与年级差, 及格率,
 * 优秀率, 低分率, 最高, 最低, 标准差) with the grade row and the spread between classes (CV); charts of rates by
 * class, the score distribution and a class's trend across exams; printouts (PDF, Word, and the rank list only
 * when the office enabled it in settings).
 */
import { FilePdfOutlined, FileWordOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Segmented, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassSubjectStats, Exam, ExamAnalysis, GradeAnalysis, SubjectGradeAnalysis, SubjectStats, TrendSeries } from '../../../../shared/contract';
import { fmtScore, pct } from '../../../../shared/domain/exams/analysis';
import { api, saveFile } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { Chart, histogramOption, ratesOption, trendOption } from './Chart';

type StatRow = SubjectStats & { key: string; className: string; classId?: number; diffFromGrade: number | null; total?: boolean };

const signed = (x: number | null) => (x === null ? '—' : `${x > 0 ? '+' : ''}${fmtScore(x)}`);

export function AnalysisTab({ exam }: { exam: Exam }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [analysis, setAnalysis] = useState<ExamAnalysis | null>(null);
  const [allowRank, setAllowRank] = useState(false);
  const [gradeId, setGradeId] = useState<number | null>(null);
  const [printing, setPrinting] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [a, s] = await Promise.all([api.call('exams/analysis', { examId: exam.id }), api.call('exams/getSettings', {})]);
        if (!live) return;
        setAnalysis(a);
        setAllowRank(s.allowRankLists);
      } catch (e) {
        showError(e);
      }
    })();
    return () => { live = false; };
  }, [exam.id, exam.cells, showError]);

  const grade = analysis?.grades.find((g) => g.gradeId === gradeId) ?? analysis?.grades[0] ?? null;

  const print = async (what: 'pdf' | 'docx' | 'rank') => {
    setPrinting(what);
    try {
      const f = what === 'docx'
        ? await api.call('exams/reportDocx', { examId: exam.id })
        : await api.call('reports/pdf', { reportId: what === 'pdf' ? 'exam-quality-analysis' : 'exam-rank-list', params: { examId: exam.id } });
      if (await saveFile(f)) void message.success(t('exams.analysis.saved', { file: f.fileName }));
    } catch (e) {
      showError(e);
    } finally {
      setPrinting(null);
    }
  };

  if (!analysis) return <Spin />;

  return (
    <div className="ex-page">
      <div className="ex-panel ex-bar" style={{ justifyContent: 'space-between' }}>
        <Space wrap>
          {analysis.grades.length > 1 && (
            <Segmented
              value={grade?.gradeId}
              options={analysis.grades.map((g) => ({ value: g.gradeId, label: g.gradeName }))}
              onChange={(v) => setGradeId(v as number)}
            />
          )}
          {grade && (
            <Typography.Text type="secondary" data-testid="exam-thresholds">
              {t('exams.analysis.thresholds', { pass: grade.thresholds.passPct, excellent: grade.thresholds.excellentPct, low: grade.thresholds.lowPct })}
            </Typography.Text>
          )}
        </Space>
        <Space wrap>
          <Button icon={<FilePdfOutlined />} loading={printing === 'pdf'} onClick={() => print('pdf')} data-testid="exam-print-pdf">{t('exams.analysis.printPdf')}</Button>
          <Button icon={<FileWordOutlined />} loading={printing === 'docx'} onClick={() => print('docx')} data-testid="exam-print-docx">{t('exams.analysis.printDocx')}</Button>
          {allowRank && exam.mode === 'score' && (
            <Button icon={<LockOutlined />} loading={printing === 'rank'} onClick={() => print('rank')} data-testid="exam-print-rank">{t('exams.analysis.printRank')}</Button>
          )}
        </Space>
      </div>
      {!grade || grade.subjects.length === 0 ? <Empty description={t('exams.analysis.noData')} /> : <GradeView exam={exam} grade={grade} />}
    </div>
  );
}

function GradeView({ exam, grade }: { exam: Exam; grade: GradeAnalysis }) {
  const { t } = useTranslation();
  const [subjectId, setSubjectId] = useState<number>(grade.subjects[0].subjectId);
  const subject = grade.subjects.find((s) => s.subjectId === subjectId) ?? grade.subjects[0];
  return (
    <>
      {grade.subjects.map((s) => <SubjectTable key={s.subjectId} s={s} mode={exam.mode} />)}
      {exam.mode === 'score' && (
        <div className="ex-panel">
          <div className="ex-bar" style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t('exams.analysis.charts')}</Typography.Text>
            <Segmented
              data-testid="exam-chart-subject"
              value={subject.subjectId}
              options={grade.subjects.map((s) => ({ value: s.subjectId, label: s.subjectName }))}
              onChange={(v) => setSubjectId(v as number)}
            />
          </div>
          <SubjectCharts grade={grade} s={subject} />
        </div>
      )}
    </>
  );
}

function SubjectTable({ s, mode }: { s: SubjectGradeAnalysis; mode: Exam['mode'] }) {
  const { t } = useTranslation();
  const rows: StatRow[] = [
    ...s.classes.map((c: ClassSubjectStats) => ({ ...c, key: `c${c.classId}` })),
    { ...s.grade, key: 'grade', className: t('exams.analysis.gradeRow'), diffFromGrade: null, total: true },
  ];
  const num = (title: string, render: (r: StatRow) => string | number, key: string) => ({
    title, key, className: 'ex-num', render: (_: unknown, r: StatRow) => <span data-testid={r.classId ? `ex-${key}-${r.classId}-${s.subjectId}` : undefined}>{render(r)}</span>,
  });
  const scoreCols = mode === 'score'
    ? [
      num(t('exams.analysis.average'), (r) => fmtScore(r.average), 'avg'),
      {
        title: t('exams.analysis.diff'), key: 'diff', className: 'ex-num',
        render: (_: unknown, r: StatRow) => (r.total ? '' : <span className={r.diffFromGrade !== null && r.diffFromGrade < 0 ? 'ex-neg' : 'ex-pos'}>{signed(r.diffFromGrade)}</span>),
      },
      num(t('exams.analysis.passRate'), (r) => pct(r.passRate), 'pass'),
      num(t('exams.analysis.excellentRate'), (r) => pct(r.excellentRate), 'excellent'),
      num(t('exams.analysis.lowRate'), (r) => pct(r.lowRate), 'low'),
      num(t('exams.analysis.max'), (r) => fmtScore(r.max), 'max'),
      num(t('exams.analysis.min'), (r) => fmtScore(r.min), 'min'),
      num(t('exams.analysis.sd'), (r) => fmtScore(r.sd), 'sd'),
    ]
    : [{
      title: t('exams.analysis.levels'), key: 'levels',
      render: (_: unknown, r: StatRow) => (r.levels ? Object.entries(r.levels).map(([k, v]) => <Tag key={k}>{k} {v}</Tag>) : '—'),
    }];
  return (
    <div className="ex-panel" data-testid={`exam-analysis-${s.subjectId}`}>
      <div className="ex-bar" style={{ marginBottom: 6, justifyContent: 'space-between' }}>
        <Typography.Text strong>{s.subjectName}{s.fullMarks ? t('exams.analysis.fullMarks', { marks: s.fullMarks }) : ''}</Typography.Text>
        <Typography.Text type="secondary" data-testid={`exam-cv-${s.subjectId}`}>
          {t('exams.analysis.cv', { cv: s.cv === null ? '—' : pct(s.cv, 2) })}
          {s.cv !== null && (s.cv > 0.1 ? ` · ${t('exams.analysis.unbalanced')}` : ` · ${t('exams.analysis.balanced')}`)}
        </Typography.Text>
      </div>
      <Table<StatRow>
        className="ex-stats"
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        rowClassName={(r) => (r.total ? 'ex-total' : '')}
        columns={[
          { title: t('exams.class'), dataIndex: 'className', key: 'class', width: 130 },
          num(t('exams.analysis.expected'), (r) => r.expected, 'expected'),
          num(t('exams.analysis.takers'), (r) => r.takers, 'takers'),
          num(t('exams.analysis.participation'), (r) => pct(r.participation), 'participation'),
          ...scoreCols,
        ]}
      />
    </div>
  );
}

function SubjectCharts({ grade, s }: { grade: GradeAnalysis; s: SubjectGradeAnalysis }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [classId, setClassId] = useState<number>(s.classes[0]?.classId ?? 0);
  const [trend, setTrend] = useState<TrendSeries[]>([]);
  const names = s.classes.map((c) => c.className.replace(/^.*\((\d+)\)班$/, '$1班'));

  const rates = useMemo(() => ratesOption(names, [
    { name: t('exams.analysis.passRate'), values: s.classes.map((c) => c.passRate), color: '#4e7fd8' },
    { name: t('exams.analysis.excellentRate'), values: s.classes.map((c) => c.excellentRate), color: '#52c41a' },
    { name: t('exams.analysis.lowRate'), values: s.classes.map((c) => c.lowRate), color: '#fa541c' },
    // names is derived from s.classes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  ]), [s, t]);
  const hist = useMemo(() => histogramOption(s.distribution, t('exams.analysis.people')), [s, t]);

  useEffect(() => {
    if (!classId) return;
    let live = true;
    void api.call('exams/trend', { classId, subjectId: s.subjectId, limit: 20 })
      .then((r) => live && setTrend(r))
      .catch((e) => live && showError(e));
    return () => { live = false; };
  }, [classId, s.subjectId, showError]);

  const points = useMemo(() => trend[0]?.points ?? [], [trend]);
  // Across school years an exam name repeats (七年级期末考试 every year): kind and month tell them apart and fit.
  const line = useMemo(() => trendOption(points.map((p) => `${p.kind}\n${p.date.slice(0, 7)}`), [
    { name: t('exams.analysis.classAverage'), values: points.map((p) => p.value), color: '#4e7fd8' },
    { name: t('exams.analysis.gradeAverage'), values: points.map((p) => p.gradeAverage), color: '#d46b08', dashed: true },
  ]), [points, t]);

  return (
    <div className="ex-charts">
      <div>
        <div className="ex-chart-title">{t('exams.analysis.ratesChart', { subject: s.subjectName })}</div>
        <Chart option={rates} testId="exam-chart-rates" />
      </div>
      <div>
        <div className="ex-chart-title">{t('exams.analysis.histChart', { grade: grade.gradeName, subject: s.subjectName })}</div>
        <Chart option={hist} testId="exam-chart-hist" />
      </div>
      <div>
        <div className="ex-bar ex-chart-title">
          {t('exams.analysis.trendChart')}
          <Select size="small" style={{ width: 140 }} value={classId || undefined}
            options={s.classes.map((c) => ({ value: c.classId, label: c.className }))} onChange={setClassId} />
        </div>
        {points.length ? <Chart option={line} testId="exam-chart-trend" /> : <Alert type="info" title={t('exams.analysis.noTrend')} />}
      </div>
    </div>
  );
}
