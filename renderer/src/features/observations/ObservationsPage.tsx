/**
 * #/observations (听课评课): observation records with quick entry from the timetable, quota progress with a chart
 * by role and teaching group, and the teaching-research activities (教研活动).
 */
import { Empty, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolClass, Subject, Teacher } from '../../../../shared/contract';
import type { TimetableData } from '../../../../shared/contract';
import { compareZh } from '../../../../shared/domain/text';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError } from '../../app/useApiError';
import { Page } from '../../components/Page';
import { QuotaTab } from './QuotaTab';
import { RecordsTab } from './RecordsTab';
import { ResearchTab } from '../research';
import './observations.css';

export default function ObservationsPage() {
  const { t } = useTranslation();
  const { currentTerm: term } = useAppState();
  const showError = useApiError();
  const [tab, setTab] = useState('records');
  const [teachers, setTeachers] = useState<Teacher[]>([]);
  const [classes, setClasses] = useState<SchoolClass[]>([]);
  const [subjects, setSubjects] = useState<Subject[]>([]);
  const [timetable, setTimetable] = useState<TimetableData | null>(null);
  // Bumped after any write, so the quota progress re-reads.
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    Promise.all([api.call('teachers/list', {}), api.call('school/listClasses', {}), api.call('school/listSubjects', {})]).then(([ts, cs, ss]) => {
      setTeachers(ts.filter((x) => !x.archived).sort((a, b) => compareZh(a.name, b.name)));
      setClasses(cs.filter((x) => !x.archived).sort((a, b) => a.gradeLevel - b.gradeLevel || a.classNo - b.classNo));
      setSubjects(ss.filter((x) => !x.archived));
    }, showError);
  }, [showError]);

  useEffect(() => {
    if (!term) return;
    let live = true;
    // No timetable yet is fine: quick entry is then unavailable, the form still works by hand.
    api.call('timetable/get', { termId: term.id }).then((d) => { if (live) setTimetable(d); }, () => { if (live) setTimetable(null); });
    return () => { live = false; };
  }, [term]);

  if (!term) {
    return <Page title={t('monthly.obs.title')}><Empty description={t('monthly.noTerm')} /></Page>;
  }
  const bump = () => setChanges((n) => n + 1);
  return (
    <Page title={t('monthly.obs.title')} subtitle={term.name}>
      <Tabs
        className="jw-fill-tabs obs-tabs"
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden={false}
        items={[
          {
            key: 'records', label: <span data-testid="obs-tab-records">{t('monthly.obs.tabRecords')}</span>,
            children: <RecordsTab term={term} teachers={teachers} classes={classes} subjects={subjects} timetable={timetable} onChanged={bump} />,
          },
          {
            key: 'quota', label: <span data-testid="obs-tab-quota">{t('monthly.obs.tabQuota')}</span>,
            children: tab === 'quota' ? <QuotaTab term={term} reloadKey={changes} /> : null,
          },
          {
            key: 'research', label: <span data-testid="obs-tab-research">{t('monthly.obs.tabResearch')}</span>,
            children: tab === 'research' ? <ResearchTab term={term} onChanged={bump} /> : null,
          },
        ]}
      />
    </Page>
  );
}
