/** 教师课表: one teacher's week, read-only, with the weekly total and the times they are unavailable. */
import { Empty, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimetableData } from '../../../../../shared/contract';
import { lessonsBySlot, PersonSelect, slotKey, SlotGrid, useTeachers } from '../../../components/pickers';

export default function TeacherTab({ data }: { data: TimetableData }) {
  const { t } = useTranslation();
  const teachers = useTeachers();
  const [teacherId, setTeacherId] = useState<number | null>(null);

  // Teachers with lessons first would hide the rest; list everyone, with their subject as a hint.
  const people = useMemo(() => teachers.map((x) => ({ id: x.id, name: x.name, hint: x.subjectName })), [teachers]);
  const mine = useMemo(() => data.lessons.filter((l) => l.teacherId === teacherId), [data.lessons, teacherId]);
  const bySlot = useMemo(() => lessonsBySlot(mine), [mine]);
  const unavailable = useMemo(
    () => new Map(data.unavailable.filter((u) => u.teacherId === teacherId).map((u) => [slotKey(u.day, u.period), u.reason])),
    [data.unavailable, teacherId],
  );
  const conflictSlots = useMemo(
    () => new Set(data.conflicts.filter((c) => c.teacherId === teacherId && c.day && c.period).map((c) => slotKey(c.day!, c.period!))),
    [data.conflicts, teacherId],
  );
  // A combined lesson (合班课) is one period for the teacher however many classes sit in it.
  const weekly = bySlot.size;
  const classes = [...new Set(mine.map((l) => l.className))];

  return (
    <div className="tv-pane" data-testid="tv-teacher">
      <div className="tv-toolbar">
        <PersonSelect people={people} value={teacherId} onChange={setTeacherId} placeholder={t('timetableViews.pickTeacher')} testId="tv-teacher-select" />
        {teacherId && (
          <Typography.Text className="tv-summary" data-testid="tv-teacher-total">
            {t('timetableViews.weeklyTotal', { n: weekly })}
            {classes.length > 0 && ` · ${classes.join('、')}`}
          </Typography.Text>
        )}
      </div>
      {!teacherId ? (
        <Empty description={t('timetableViews.pickTeacherHint')} />
      ) : (
        <SlotGrid
          testId="tv-teacher-grid"
          settings={data.settings}
          cellClass={(d, p) => {
            const k = slotKey(d, p);
            if (conflictSlots.has(k)) return 'tv-over';
            if (bySlot.has(k)) return 'tv-busy';
            return unavailable.has(k) ? 'tv-unavailable' : undefined;
          }}
          render={(d, p) => {
            const k = slotKey(d, p);
            const list = bySlot.get(k);
            if (!list) {
              return unavailable.has(k) ? <span className="jw-tt-teacher">{unavailable.get(k) || t('timetableViews.unavailable')}</span> : null;
            }
            return (
              <div className="jw-tt-lesson">
                <div className="jw-tt-subject">{list[0].subjectName}</div>
                <div className="jw-tt-teacher">{list.map((l) => l.className).join('、')}</div>
                {list.some((l) => l.roomName) && <div className="jw-tt-room">{list.find((l) => l.roomName)?.roomName}</div>}
                {list.length > 1 && list[0].combinedKey && <Tag color="blue" style={{ marginInlineEnd: 0 }}>{t('timetableViews.combined')}</Tag>}
              </div>
            );
          }}
        />
      )}
    </div>
  );
}
