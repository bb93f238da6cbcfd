/**
 * Conflict wording for the timetable screens. Core reports a conflict as structured data (kind, slot, classes,
 * lessons, teacher/room/subject ids, params); the sentence the clerk reads is put together here from the
 * loaded lessons, so it can be told from the point of view of the class on screen
 * ("王丽 同时在 七年级(2)班 上课" rather than listing the class being edited).
 */
import type { Conflict, Lesson, Room, Unavailable } from '../../../../shared/contract';

export type TFn = (key: string, opts?: Record<string, unknown>) => string;

export interface ConflictLookups {
  lessonById: Map<number, Lesson>;
  rooms: Room[];
  unavailable: Unavailable[];
  /** Weekly periods of an assignment (for 'more lessons than assigned'). */
  assignedPeriods?: (assignmentId: number) => number | undefined;
  className?: (classId: number) => string | undefined;
}

const uniq = <T,>(xs: T[]) => [...new Set(xs)];

/** One sentence for a conflict; `viewClassId` is the class the user is looking at, left out of "同时在 ..." lists. */
export function conflictText(t: TFn, c: Conflict, look: ConflictLookups, viewClassId?: number): string {
  const lessons = c.lessonIds.map((id) => look.lessonById.get(id)).filter((l): l is Lesson => !!l);
  const p = c.params ?? {};
  const classNames = (ids: number[]) =>
    uniq(ids.map((id) => lessons.find((l) => l.classId === id)?.className ?? look.className?.(id) ?? String(id))).join('、');
  switch (c.kind) {
    case 'teacherClash': {
      const teacher = lessons.find((l) => l.teacherId === c.teacherId)?.teacherName ?? lessons[0]?.teacherName ?? String(p.teacher ?? '');
      const others = c.classIds.filter((id) => id !== viewClassId);
      return t('timetable.conflictText.teacherClash', { teacher, classes: classNames(others.length ? others : c.classIds) });
    }
    case 'roomOverCapacity': {
      const room = look.rooms.find((r) => r.id === c.roomId);
      return t('timetable.conflictText.roomOverCapacity', {
        room: room?.name ?? lessons[0]?.roomName ?? String(p.room ?? ''),
        capacity: room?.capacity ?? Number(p.capacity ?? 1),
        count: c.classIds.length,
        classes: classNames(c.classIds),
      });
    }
    case 'teacherUnavailable': {
      const teacher = lessons[0]?.teacherName ?? String(p.teacher ?? '');
      const u = look.unavailable.find((x) => x.teacherId === c.teacherId && x.day === c.day && x.period === c.period);
      const reason = String(p.reason ?? u?.reason ?? '');
      return reason
        ? t('timetable.conflictText.teacherUnavailableReason', { teacher, reason })
        : t('timetable.conflictText.teacherUnavailable', { teacher });
    }
    case 'overAssigned': {
      const first = lessons[0];
      const assigned = p.assigned ?? p.weekly ?? p.weeklyPeriods ?? (first ? look.assignedPeriods?.(first.assignmentId) : undefined) ?? '?';
      return t('timetable.conflictText.overAssigned', {
        subject: first?.subjectName ?? String(p.subject ?? ''),
        placed: Number(p.placed ?? p.count ?? c.lessonIds.length),
        assigned,
      });
    }
    case 'fixedEvent': {
      const first = lessons[0];
      return t('timetable.conflictText.fixedEvent', { event: String(p.event ?? ''), subject: first?.subjectName ?? String(p.subject ?? ''), teacher: first?.teacherName ?? String(p.teacher ?? '') });
    }
    case 'dailyMax': {
      const first = lessons[0];
      return t('timetable.conflictText.dailyMax', { subject: first?.subjectName ?? String(p.subject ?? ''), count: Number(p.count ?? c.lessonIds.length), max: Number(p.max ?? 0) });
    }
    default:
      return String(c.kind);
  }
}

/** Where a conflict is: "周一 第3节" for a slot (the classes are in the sentence), the class for week-wide ones. */
export function conflictWhere(t: TFn, c: Conflict, look: ConflictLookups): string {
  if (c.day && c.period) return `${t(`timetable.days.${c.day}`)} ${t('timetable.periodNo', { no: c.period })}`;
  const dayName = c.day ? `${t(`timetable.days.${c.day}`)} ` : '';
  const names = c.classIds.map((id) => look.className?.(id) ?? c.lessonIds.map((l) => look.lessonById.get(l)).find((l) => l?.classId === id)?.className ?? '');
  return dayName + uniq(names.filter(Boolean)).join('、');
}

/** Does the conflict touch this cell of this class? Slot conflicts by (day, period); week-wide ones by lesson. */
export function conflictTouches(c: Conflict, classId: number, day: number, period: number, lessonId: number | undefined): boolean {
  if (lessonId !== undefined && c.lessonIds.includes(lessonId)) return true;
  return c.day === day && c.period === period && c.classIds.includes(classId);
}
