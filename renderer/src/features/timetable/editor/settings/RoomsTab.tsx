/** 专用教室: special rooms with kind, capacity (classes at once) and the subjects that use them. */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ROOM_KINDS, RoomSchema, type Room } from '../../../../../../shared/contract';
import { api } from '../../../../api/client';
import { DataGrid, type GridColumn } from '../../../../components/DataGrid';
import { pickInput, useSubjectOptions } from '../../../../components/lookups';

export function RoomsTab() {
  const { t } = useTranslation();
  const [subjects] = useSubjectOptions();
  const kinds = useMemo(() => ROOM_KINDS.map((k) => ({ value: k, label: t(`timetable.roomKinds.${k}`) })), [t]);
  const columns = useMemo<GridColumn<Room>[]>(
    () => [
      { field: 'name', header: t('timetable.rooms.name'), required: true, width: 180 },
      { field: 'kind', header: t('timetable.rooms.kind'), kind: 'select', options: kinds, required: true, width: 120 },
      { field: 'capacity', header: t('timetable.rooms.capacity'), kind: 'number', required: true, width: 130 },
      { field: 'subjectIds', header: t('timetable.rooms.subjects'), kind: 'multi', options: subjects, width: 360 },
    ],
    [t, kinds, subjects],
  );
  const load = useCallback(({ includeArchived }: { includeArchived: boolean }) => api.call('timetable/listRooms', { includeArchived }), []);
  const save = useCallback((row: Room) => api.call('timetable/saveRoom', pickInput(RoomSchema, row)), []);
  const archive = useCallback((row: Room, archived: boolean) => api.call('timetable/archiveRoom', { id: row.id, archived }), []);
  const newRow = useCallback((): Partial<Room> => ({ kind: '其他', capacity: 1, subjectIds: [] }), []);
  return (
    // An explicit height: AG Grid needs one, and percentages do not reach through the tab panes.
    <div style={{ height: 'calc(100vh - 232px)', minHeight: 360, display: 'flex', flexDirection: 'column' }}>
      <div className="jw-tt-hint" style={{ marginBottom: 6 }}>{t('timetable.rooms.hint')}</div>
      <div style={{ flex: 1, minHeight: 0 }}>
        <DataGrid<Room> id="rooms" fit columns={columns} load={load} save={save} archive={archive} newRow={newRow} />
      </div>
    </div>
  );
}
