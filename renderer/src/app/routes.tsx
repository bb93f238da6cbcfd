/**
 * The modules of the sidebar and a tiny hash router (#/teachers): no router library needed for one window.
 */
import {
  HeartOutlined, LineChartOutlined,
  CalendarOutlined, ControlOutlined, EyeOutlined, FileTextOutlined, FormOutlined,
  AppstoreOutlined, BarChartOutlined, CheckSquareOutlined, SettingOutlined, SwapOutlined, TableOutlined,
  ApartmentOutlined, AuditOutlined, BankOutlined, BookOutlined, CloudDownloadOutlined, ImportOutlined, PrinterOutlined,
  ScheduleOutlined, TeamOutlined, ThunderboltOutlined, UserOutlined, UsergroupAddOutlined, HistoryOutlined, SolutionOutlined, ReadOutlined, FolderOutlined, UsbOutlined,
} from '@ant-design/icons';
import { lazy, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import AssignmentsPage from '../features/assignments/AssignmentsPage';
import ClassesPage from '../features/school/ClassesPage';
import GroupsPage from '../features/school/GroupsPage';
import SchoolPage from '../features/school/SchoolPage';
import StudentsPage from '../features/students/StudentsPage';
import SubjectsPage from '../features/school/SubjectsPage';
import TeachersPage from '../features/teachers/TeachersPage';

export interface RouteDef {
  path: string;
  /** i18n key of the sidebar label. */
  labelKey: string;
  icon: ReactNode;
  component: ComponentType;
  /** Starts a new group in the sidebar. */
  section: 'setup' | 'timetable' | 'routine' | 'quality' | 'tools';
}

export const ROUTES: RouteDef[] = [
  { path: 'school', labelKey: 'nav.school', icon: <BankOutlined />, component: SchoolPage, section: 'setup' },
  { path: 'school-years', labelKey: 'nav.schoolYears', icon: <HistoryOutlined />, component: lazy(() => import('../features/school-years/SchoolYearsPage')), section: 'setup' },
  { path: 'classes', labelKey: 'nav.classes', icon: <ApartmentOutlined />, component: ClassesPage, section: 'setup' },
  { path: 'subjects', labelKey: 'nav.subjects', icon: <BookOutlined />, component: SubjectsPage, section: 'setup' },
  { path: 'teachers', labelKey: 'nav.teachers', icon: <UserOutlined />, component: TeachersPage, section: 'setup' },
  { path: 'groups', labelKey: 'nav.groups', icon: <UsergroupAddOutlined />, component: GroupsPage, section: 'setup' },
  { path: 'students', labelKey: 'nav.students', icon: <TeamOutlined />, component: StudentsPage, section: 'setup' },
  { path: 'assignments', labelKey: 'nav.assignments', icon: <ScheduleOutlined />, component: AssignmentsPage, section: 'setup' },
  { path: 'timetable', labelKey: 'nav.timetable', icon: <TableOutlined />, component: lazy(() => import('../features/timetable/editor/ClassTimetablePage')), section: 'timetable' },
  { path: 'scheduling', labelKey: 'nav.scheduling', icon: <ThunderboltOutlined />, component: lazy(() => import('../features/scheduling/SchedulingPage')), section: 'timetable' },
  { path: 'timetable-views', labelKey: 'nav.timetableViews', icon: <AppstoreOutlined />, component: lazy(() => import('../features/timetable/views/TimetableViewsPage')), section: 'timetable' },
  { path: 'timetable-settings', labelKey: 'nav.timetableSettings', icon: <SettingOutlined />, component: lazy(() => import('../features/timetable/editor/TimetableSettingsPage')), section: 'timetable' },
  { path: 'compliance', labelKey: 'nav.compliance', icon: <CheckSquareOutlined />, component: lazy(() => import('../features/curriculum/CompliancePage')), section: 'timetable' },
  { path: 'workload', labelKey: 'nav.workload', icon: <BarChartOutlined />, component: lazy(() => import('../features/workload/WorkloadPage')), section: 'timetable' },
  { path: 'substitutions', labelKey: 'nav.substitutions', icon: <SwapOutlined />, component: lazy(() => import('../features/substitutions/SubstitutionsPage')), section: 'timetable' },
  { path: 'routine-standards', labelKey: 'nav.routineStandards', icon: <ControlOutlined />, component: lazy(() => import('../features/routine-plans/StandardsPage')), section: 'routine' },
  { path: 'lesson-plans', labelKey: 'nav.lessonPlans', icon: <FileTextOutlined />, component: lazy(() => import('../features/routine-plans/LessonPlansPage')), section: 'routine' },
  { path: 'homework-checks', labelKey: 'nav.homeworkChecks', icon: <FormOutlined />, component: lazy(() => import('../features/routine-plans/HomeworkChecksPage')), section: 'routine' },
  { path: 'observations', labelKey: 'nav.observations', icon: <EyeOutlined />, component: lazy(() => import('../features/observations/ObservationsPage')), section: 'routine' },
  { path: 'mentors', labelKey: 'nav.mentors', icon: <SolutionOutlined />, component: lazy(() => import('../features/mentors/MentorsPage')), section: 'routine' },
  { path: 'monthly-check', labelKey: 'nav.monthlyCheck', icon: <CalendarOutlined />, component: lazy(() => import('../features/monthly-check/MonthlyCheckPage')), section: 'routine' },
  { path: 'exams', labelKey: 'nav.exams', icon: <LineChartOutlined />, component: lazy(() => import('../features/exams/ExamsPage')), section: 'quality' },
  { path: 'struggling', labelKey: 'nav.struggling', icon: <HeartOutlined />, component: lazy(() => import('../features/struggling/StrugglingPage')), section: 'quality' },
  { path: 'training', labelKey: 'nav.training', icon: <ReadOutlined />, component: lazy(() => import('../features/training/TrainingPage')), section: 'quality' },
  { path: 'dossier', labelKey: 'nav.dossier', icon: <FolderOutlined />, component: lazy(() => import('../features/dossier/DossierPage')), section: 'quality' },
  { path: 'import', labelKey: 'nav.import', icon: <ImportOutlined />, component: lazy(() => import('../features/import/ImportPage')), section: 'tools' },
  { path: 'reports', labelKey: 'nav.reports', icon: <PrinterOutlined />, component: lazy(() => import('../features/reports/ReportsPage')), section: 'tools' },
  { path: 'backups', labelKey: 'nav.backups', icon: <CloudDownloadOutlined />, component: lazy(() => import('../features/backup/BackupsPage')), section: 'tools' },
  { path: 'archive', labelKey: 'nav.archive', icon: <UsbOutlined />, component: lazy(() => import('../features/archive/ArchivePage')), section: 'tools' },
  { path: 'audit', labelKey: 'nav.audit', icon: <AuditOutlined />, component: lazy(() => import('../features/audit/AuditPage')), section: 'tools' },
];

export const DEFAULT_ROUTE = 'school';

function readHash(): string {
  const p = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return ROUTES.some((r) => r.path === p) ? p : DEFAULT_ROUTE;
}

/** The current route from the hash, and a navigate function that writes it. */
export function useHashRoute(): [string, (path: string) => void] {
  const [route, setRoute] = useState(readHash);
  useEffect(() => {
    const on = () => setRoute(readHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [route, (path: string) => { window.location.hash = `#/${path}`; }];
}
