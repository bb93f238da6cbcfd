/** 场地课表: which classes use a special room in each period, against the room's capacity. */
import { Empty, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimetableData } from '../../../../../shared/contract';
import { lessonsBySlot, slotKey, SlotGrid } from '../../../components/pickers';

export default function RoomTab({ data }: { data: TimetableData }) {
  const { t } = useTranslation();
  const rooms = useMemo(() => data.rooms.filter((r) => !r.archived), [data.rooms]);
  const [roomId, setRoomId] = useState<number | null>(null);
  const room = rooms.find((r) => r.id === roomId) ?? null;
  const bySlot = useMemo(() => lessonsBySlot(data.lessons.filter((l) => l.roomId === roomId)), [data.lessons, roomId]);
  const used = [...bySlot.values()].length;

  if (rooms.length === 0) return <Empty description={t('timetableViews.noRooms')} />;
  return (
    <div className="tv-pane" data-testid="tv-room">
      <div className="tv-toolbar">
        <Select
          data-testid="tv-room-select"
          style={{ width: 240 }}
          placeholder={t('timetableViews.pickRoom')}
          value={roomId ?? undefined}
          onChange={setRoomId}
          options={rooms.map((r) => ({ value: r.id, label: `${r.name}（${r.kind}）` }))}
        />
        {room && (
          <Typography.Text className="tv-summary">
            {t('timetableViews.roomSummary', { capacity: room.capacity, used, subjects: room.subjectNames.join('、') || '-' })}
          </Typography.Text>
        )}
      </div>
      {!room ? (
        <Empty description={t('timetableViews.pickRoomHint')} />
      ) : (
        <SlotGrid
          testId="tv-room-grid"
          settings={data.settings}
          cellClass={(d, p) => {
            const n = bySlot.get(slotKey(d, p))?.length ?? 0;
            return n > room.capacity ? 'tv-over' : n > 0 ? 'tv-busy' : undefined;
          }}
          render={(d, p) => {
            const list = bySlot.get(slotKey(d, p));
            if (!list) return null;
            return (
              <div className="jw-tt-lesson">
                <div className="jw-tt-subject">{list.map((l) => l.className).join('、')}</div>
                <div className="jw-tt-teacher">
                  {[...new Set(list.map((l) => l.subjectName))].join('、')} · {list.length}/{room.capacity}
                </div>
              </div>
            );
          }}
        />
      )}
    </div>
  );
}
