/**
 * A FET file (.fet) read into plain data: days, hours, subjects, teachers, the students tree (years > groups >
 * subgroups), activities, rooms, and the placed times (ConstraintActivityPreferredStartingTime at 100% weight,
 * which is how FET's *_data_and_timetable.fet output records a generated timetable). Tolerates both the old
 * (5.x) and new (6.x) layouts: days and hours as <Day><Name>x</Name></Day> or bare <Day>x</Day>.
 */
import { child, childrenNamed, childText, parseXml, type XmlElement } from './xml';

export interface FetGroup { name: string; students: number; subgroups: string[] }
export interface FetYear { name: string; students: number; groups: FetGroup[] }
export interface FetActivity {
  id: number;
  teachers: string[];
  subject: string;
  students: string[];
  duration: number;
  totalDuration: number;
  groupId: number;
  active: boolean;
}
export interface FetPlacement { activityId: number; day: string; hour: string; locked: boolean }
export interface FetFile {
  version: string;
  /** FET 6 modes: Official, Mornings_Afternoons, Block_Planning, Terms (null in files before FET 6). */
  mode: string | null;
  institution: string;
  days: string[];
  hours: string[];
  subjects: string[];
  teachers: string[];
  years: FetYear[];
  activities: FetActivity[];
  rooms: { name: string; capacity: number }[];
  placed: FetPlacement[];
}

export class FetFormatError extends Error {}

/** Names of a Days_List / Hours_List in either layout. */
function namedList(list: XmlElement | undefined, item: string): string[] {
  if (!list) return [];
  const items = childrenNamed(list, item);
  if (items.length) return items.map((d) => (child(d, 'Name') ? childText(d, 'Name') : d.text.trim()));
  return childrenNamed(list, 'Name').map((d) => d.text.trim());
}

const int = (s: string, fallback = 0) => {
  const v = Number.parseInt(s, 10);
  return Number.isFinite(v) ? v : fallback;
};
const bool = (s: string, fallback: boolean) => (s === '' ? fallback : s.toLowerCase() === 'true');

export function readFet(text: string): FetFile {
  const root = parseXml(text);
  if (root.name !== 'fet') throw new FetFormatError(`root element is <${root.name}>, not <fet>`);
  const years: FetYear[] = childrenNamed(child(root, 'Students_List'), 'Year').map((y) => ({
    name: childText(y, 'Name'),
    students: int(childText(y, 'Number_of_Students')),
    groups: childrenNamed(y, 'Group').map((g) => ({
      name: childText(g, 'Name'),
      students: int(childText(g, 'Number_of_Students')),
      subgroups: childrenNamed(g, 'Subgroup').map((s) => childText(s, 'Name')),
    })),
  }));
  const activities: FetActivity[] = childrenNamed(child(root, 'Activities_List'), 'Activity').map((a) => {
    const duration = Math.max(1, int(childText(a, 'Duration'), 1));
    return {
      id: int(childText(a, 'Id')),
      teachers: childrenNamed(a, 'Teacher').map((t) => t.text.trim()).filter(Boolean),
      subject: childText(a, 'Subject'),
      students: childrenNamed(a, 'Students').map((t) => t.text.trim()).filter(Boolean),
      duration,
      totalDuration: int(childText(a, 'Total_Duration'), duration),
      groupId: int(childText(a, 'Activity_Group_Id')),
      active: bool(childText(a, 'Active'), true),
    };
  });
  const placed: FetPlacement[] = [];
  for (const c of childrenNamed(child(root, 'Time_Constraints_List'), 'ConstraintActivityPreferredStartingTime')) {
    if (!bool(childText(c, 'Active'), true)) continue;
    // Only a 100% preference is a placement; a weaker one is a wish the generator may ignore.
    if (Number.parseFloat(childText(c, 'Weight_Percentage') || '100') < 100) continue;
    const day = childText(c, 'Preferred_Day') || childText(c, 'Day');
    const hour = childText(c, 'Preferred_Hour') || childText(c, 'Hour');
    if (!day || !hour) continue;
    placed.push({ activityId: int(childText(c, 'Activity_Id')), day, hour, locked: bool(childText(c, 'Permanently_Locked'), false) });
  }
  const rooms = childrenNamed(child(root, 'Rooms_List'), 'Room').map((r) => ({ name: childText(r, 'Name'), capacity: int(childText(r, 'Capacity')) }));
  return {
    version: root.attrs.version ?? '',
    mode: childText(root, 'Mode') || null,
    institution: childText(root, 'Institution_Name'),
    days: namedList(child(root, 'Days_List'), 'Day'),
    hours: namedList(child(root, 'Hours_List'), 'Hour'),
    subjects: childrenNamed(child(root, 'Subjects_List'), 'Subject').map((s) => (child(s, 'Name') ? childText(s, 'Name') : s.text.trim())),
    teachers: childrenNamed(child(root, 'Teachers_List'), 'Teacher').map((t) => (child(t, 'Name') ? childText(t, 'Name') : t.text.trim())),
    years,
    activities,
    rooms,
    placed,
  };
}
