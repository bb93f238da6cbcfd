/**
 * #/exams 考试与成绩分析: the term's exams (create/edit), score entry per class in AG Grid, spreadsheet import
 * (check first, write on confirm), the analysis with charts and printouts, and the analysis settings.
 * The chosen exam is shared by the tabs.
 */
import { Empty, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Exam } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError } from '../../app/useApiError';
import { Page } from '../../components/Page';
import { AnalysisTab } from './AnalysisTab';
import { ExamList } from './ExamList';
import { ScoreEntry } from './ScoreEntry';
import { ScoreImport } from './ScoreImport';
import { SettingsTab } from './SettingsTab';
import type { Lookups } from './lookups';
import './exams.css';


export default function ExamsPage() {
  const { t } = useTranslation();
  const showError = useApiError();
  const { currentTerm } = useAppState();
  const [exams, setExams] = useState<Exam[]>([]);
  const [lookups, setLookups] = useState<Lookups>({ grades: [], subjects: [], classes: [] });
  const [examId, setExamId] = useState<number | null>(null);
  const [tab, setTab] = useState('list');

  const reload = useCallback(async () => {
    if (!currentTerm) return;
    try {
      const list = await api.call('exams/list', { termId: currentTerm.id });
      setExams(list);
      setExamId((cur) => (cur && list.some((e) => e.id === cur) ? cur : list[0]?.id ?? null));
    } catch (e) {
      showError(e);
    }
  }, [currentTerm, showError]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    void (async () => {
      try {
        const [grades, subjects, classes] = await Promise.all([
          api.call('school/listGrades', {}), api.call('school/listSubjects', {}), api.call('school/listClasses', {}),
        ]);
        setLookups({ grades, subjects, classes });
      } catch (e) {
        showError(e);
      }
    })();
  }, [showError]);

  const exam = useMemo(() => exams.find((e) => e.id === examId) ?? null, [exams, examId]);

  if (!currentTerm) {
    return (
      <Page title={t('exams.title')} fill={false}>
        <Empty description={t('exams.noTerm')} />
      </Page>
    );
  }

  const needExam = (node: React.ReactNode) => (exam ? node : <Empty description={t('exams.pickExamFirst')} />);

  return (
    <Page
      title={t('exams.title')}
      subtitle={t('exams.subtitle', { term: currentTerm.name })}
      fill={false}
      extra={
        <Space>
          <Typography.Text type="secondary">{t('exams.currentExam')}</Typography.Text>
          <Select
            data-testid="exam-picker"
            style={{ minWidth: 260 }}
            value={examId ?? undefined}
            placeholder={t('exams.pickExam')}
            options={exams.map((e) => ({ value: e.id, label: `${e.name}（${e.date}）` }))}
            onChange={setExamId}
          />
          {exam && <Tag color={exam.mode === 'score' ? 'blue' : 'purple'}>{t(`exams.modes.${exam.mode}`)}</Tag>}
        </Space>
      }
    >
      <div className="ex-page">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            {
              key: 'list', label: <span data-testid="exam-tab-list">{t('exams.tabs.list')}</span>,
              children: <ExamList exams={exams} lookups={lookups} termId={currentTerm.id} onChanged={reload}
                onOpen={(id, next) => { setExamId(id); setTab(next); }} />,
            },
            { key: 'scores', label: <span data-testid="exam-tab-scores">{t('exams.tabs.scores')}</span>, children: needExam(exam && <ScoreEntry exam={exam} lookups={lookups} onChanged={reload} />) },
            { key: 'import', label: <span data-testid="exam-tab-import">{t('exams.tabs.import')}</span>, children: needExam(exam && <ScoreImport exam={exam} onDone={reload} />) },
            { key: 'analysis', label: <span data-testid="exam-tab-analysis">{t('exams.tabs.analysis')}</span>, children: needExam(exam && <AnalysisTab exam={exam} />) },
            { key: 'settings', label: <span data-testid="exam-tab-settings">{t('exams.tabs.settings')}</span>, children: <SettingsTab /> },
          ]}
        />
      </div>
    </Page>
  );
}
