/**
 * The class's teaching assignments beside the grid: subject, teacher, weekly periods and how many are still to
 * place. Drag one onto a cell to place it; drag a lesson from the grid back here to remove it; double-click
 * places it at the selected cell.
 */
import { Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../../../../../shared/contract';
import { startDrag, endDrag } from './dnd';

export function remainingTag(t: (k: string, o?: Record<string, unknown>) => string, remaining: number) {
  if (remaining === 0) return <Tag color="success">{t('timetable.editor.done')}</Tag>;
  if (remaining < 0) return <Tag color="error">{t('timetable.editor.over', { count: -remaining })}</Tag>;
  return <Tag color="processing">{t('timetable.editor.toPlace', { count: remaining })}</Tag>;
}

export function AssignmentList({ assignments, placed, onPlace }: {
  assignments: Assignment[];
  placed: Map<number, number>;
  /** Double-click: place at the selected cell. */
  onPlace: (a: Assignment) => void;
}) {
  const { t } = useTranslation();
  if (assignments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timetable.editor.noAssignments')} />;
  const total = assignments.reduce((s, a) => s + a.weeklyPeriods, 0);
  const done = assignments.reduce((s, a) => s + (placed.get(a.id) ?? 0), 0);
  return (
    <>
      <div className="jw-tt-assignments">
        {assignments.map((a) => {
          const n = placed.get(a.id) ?? 0;
          const remaining = a.weeklyPeriods - n;
          return (
            <div
              key={a.id}
              className="jw-tt-assignment"
              draggable
              onDragStart={(e) => startDrag(e, { kind: 'assignment', assignmentId: a.id })}
              onDragEnd={endDrag}
              onDoubleClick={() => onPlace(a)}
              data-testid={`tt-assignment-${a.id}`}
              data-remaining={remaining}
              title={t('timetable.editor.dragHint')}
            >
              <span className="jw-tt-assignment-name">{a.subjectName}</span>
              {remainingTag(t, remaining)}
              <span className="jw-tt-assignment-meta">{a.teacherName}</span>
              <span className="jw-tt-assignment-meta">{t('timetable.editor.placedOf', { placed: n, total: a.weeklyPeriods })}</span>
            </div>
          );
        })}
      </div>
      <div className="jw-tt-side-foot">{t('timetable.editor.classTotal', { placed: done, total })}</div>
    </>
  );
}
