/**
 * 班级课表: the timetable editor for one class at a time. Days across, periods down; the class's teaching
 * assignments beside it with the periods still to place; conflicts (teacher clash, room over capacity, teacher
 * unavailable, more lessons than assigned) outlined at the cell and listed for the whole school.
 *
 * Editing: drag an assignment onto a cell, drag a lesson to another cell (swap if occupied) or back to the list
 * (remove); or by keyboard: arrows move, letters open the pinyin picker, Enter places, Delete clears,
 * Ctrl+X/Ctrl+V move, L locks, Ctrl+Z/Ctrl+Y undo/redo. Every change is one timetable/setCells call.
 */
import {
  DeleteOutlined, LeftOutlined, LockFilled, LockOutlined, RedoOutlined, ReloadOutlined, RightOutlined, ScissorOutlined,
  SnippetsOutlined, ClearOutlined, UndoOutlined, UnlockOutlined,
} from '@ant-design/icons';
import { App, Badge, Button, Dropdown, Empty, Popconfirm, Select, Space, Spin, Tabs, Tooltip, type ButtonProps, type MenuProps } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment, CellEdit, Conflict, Lesson } from '../../../../../shared/contract';
import { GRADE_NAMES } from '../../../../../shared/domain/constants';
import { pinyinInitials } from '../../../../../shared/domain/pinyin';
import { useAppState } from '../../../app/AppState';
import { describeApiError } from '../../../app/useApiError';
import { Page } from '../../../components/Page';
import { conflictText, conflictTouches, type ConflictLookups, type TFn } from '../../../components/timetable/conflictText';
import { TimetableGrid } from '../../../components/timetable/TimetableGrid';
import { slotKey } from '../../../components/timetable/time';
import { AssignmentList } from './AssignmentList';
import { ConflictPanel } from './ConflictPanel';
import { CopyFromTerm } from './CopyFromTerm';
import { dragging, dropPayload, endDrag, startDrag } from './dnd';
import { SubjectPicker } from './SubjectPicker';
import { lessonInput, useTimetableEditor } from './useTimetableEditor';

interface Cell { day: number; period: number }
const LAST_CLASS_KEY = 'jiaowu.timetable.class';

/** #/timetable?class=12&day=1&period=3 opens a class at a cell (used by 定位 links from other screens). */
function readHashTarget(): { classId?: number; day?: number; period?: number } {
  const q = window.location.hash.split('?')[1];
  if (!q) return {};
  const p = new URLSearchParams(q);
  const n = (k: string) => (p.get(k) ? Number(p.get(k)) : undefined);
  return { classId: n('class'), day: n('day'), period: n('period') };
}

export default function ClassTimetablePage() {
  const { t } = useTranslation();
  const tt = t as unknown as TFn;
  const { message } = App.useApp();
  const { currentTerm, terms } = useAppState();
  const termId = currentTerm?.id;
  const ed = useTimetableEditor(termId);
  const { data, lessons, conflicts, assignments, classes, subjectById } = ed;

  const [classId, setClassId] = useState<number | null>(null);
  const [sel, setSel] = useState<Cell | null>(null);
  const [picker, setPicker] = useState<{ query: string; left: number; top: number } | null>(null);
  const [cut, setCut] = useState<(Cell & { classId: number }) | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [sideDrop, setSideDrop] = useState(false);
  const [tab, setTab] = useState<'assignments' | 'conflicts'>('assignments');
  const wrap = useRef<HTMLDivElement>(null);

  // Pick the class: from the hash, else the last one used, else the first.
  useEffect(() => {
    if (!classes.length) return;
    const target = readHashTarget();
    const remembered = Number(localStorage.getItem(LAST_CLASS_KEY));
    const ok = (id: number | undefined) => !!id && classes.some((c) => c.id === id);
    setClassId((cur) => (ok(target.classId) ? target.classId! : ok(cur ?? undefined) ? cur : ok(remembered) ? remembered : classes[0].id));
    if (target.day && target.period) setSel({ day: target.day, period: target.period });
  }, [classes]);
  useEffect(() => {
    if (classId) localStorage.setItem(LAST_CLASS_KEY, String(classId));
  }, [classId]);

  const cls = classes.find((c) => c.id === classId) ?? null;
  const settings = data?.settings;
  const periodNos = useMemo(() => (settings ? [...settings.periods].map((p) => p.no).sort((a, b) => a - b) : []), [settings]);
  const days = settings?.daysPerWeek ?? 5;

  const classAssignments = useMemo(
    () => assignments.filter((a) => a.classId === classId).sort((a, b) =>
      (subjectById.get(a.subjectId)?.sortOrder ?? 0) - (subjectById.get(b.subjectId)?.sortOrder ?? 0) || b.weeklyPeriods - a.weeklyPeriods),
    [assignments, classId, subjectById],
  );
  const placed = useMemo(() => {
    const m = new Map<number, number>();
    for (const l of lessons.values()) m.set(l.assignmentId, (m.get(l.assignmentId) ?? 0) + 1);
    return m;
  }, [lessons]);

  const lessonById = useMemo(() => new Map([...lessons.values()].map((l) => [l.id, l])), [lessons]);
  const look = useMemo<ConflictLookups>(() => ({
    lessonById,
    rooms: data?.rooms ?? [],
    unavailable: data?.unavailable ?? [],
    assignedPeriods: (id) => ed.assignmentById.get(id)?.weeklyPeriods,
    className: (id) => classes.find((c) => c.id === id)?.name,
  }), [lessonById, data, ed.assignmentById, classes]);

  /** Conflicts of the class on screen, by cell. */
  const cellConflicts = useMemo(() => {
    const m = new Map<string, Conflict[]>();
    if (!classId) return m;
    const add = (day: number, period: number, c: Conflict) => {
      const k = `${day}:${period}`;
      const list = m.get(k) ?? [];
      if (!list.includes(c)) list.push(c);
      m.set(k, list);
    };
    for (const c of conflicts) {
      if (!c.classIds.includes(classId)) continue;
      if (c.day && c.period) add(c.day, c.period, c);
      for (const id of c.lessonIds) {
        const l = lessonById.get(id);
        if (l && l.classId === classId && conflictTouches(c, classId, l.day, l.period, l.id)) add(l.day, l.period, c);
      }
    }
    return m;
  }, [conflicts, classId, lessonById]);

  /** For the picker: is a teacher already teaching elsewhere, or unavailable, at the selected slot? */
  const busyNote = useCallback((teacherId: number): string | null => {
    if (!sel || !classId) return null;
    const other = [...lessons.values()].find((l) => l.teacherId === teacherId && l.day === sel.day && l.period === sel.period && l.classId !== classId);
    if (other) return t('timetable.editor.busyIn', { cls: other.className });
    if (data?.unavailable.some((u) => u.teacherId === teacherId && u.day === sel.day && u.period === sel.period)) return t('timetable.editor.unavailable');
    return null;
  }, [sel, classId, lessons, data, t]);

  const lessonAt = useCallback((day: number, period: number): Lesson | undefined =>
    (classId ? lessons.get(slotKey(classId, day, period)) : undefined), [lessons, classId]);

  const focusGrid = () => setTimeout(() => wrap.current?.focus({ preventScroll: true }), 0);

  // ---- edits ----
  const lockedWarning = () => void message.warning(t('timetable.editor.lockedCell'));

  const place = useCallback((a: Assignment, cell: Cell) => {
    if (!classId) return;
    const existing = lessonAt(cell.day, cell.period);
    if (existing?.locked) return lockedWarning();
    if (existing?.assignmentId === a.id) return;
    // Keep the room this assignment already uses elsewhere in the week (音乐室 for 音乐 ...).
    const sameRoom = [...lessons.values()].find((l) => l.assignmentId === a.id && l.roomId)?.roomId ?? null;
    void ed.setCells([{ classId, day: cell.day, period: cell.period, lesson: { assignmentId: a.id, roomId: sameRoom, locked: false } }]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [classId, lessonAt, lessons, ed.setCells]);

  /** Move the lesson at `from` to `to`; onto an occupied cell the two lessons swap. */
  const move = useCallback((from: Cell, to: Cell) => {
    if (!classId || (from.day === to.day && from.period === to.period)) return;
    const a = lessonAt(from.day, from.period);
    const b = lessonAt(to.day, to.period);
    if (!a) return;
    if (a.locked || b?.locked) return lockedWarning();
    void ed.setCells([
      { classId, day: from.day, period: from.period, lesson: lessonInput(b) },
      { classId, day: to.day, period: to.period, lesson: lessonInput(a) },
    ]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [classId, lessonAt, ed.setCells]);

  const clearCell = useCallback((cell: Cell) => {
    const l = lessonAt(cell.day, cell.period);
    if (!l || !classId) return;
    if (l.locked) return lockedWarning();
    void ed.setCells([{ classId, day: cell.day, period: cell.period, lesson: null }]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [classId, lessonAt, ed.setCells]);

  const toggleLock = useCallback((cell: Cell) => {
    const l = lessonAt(cell.day, cell.period);
    if (!l || !classId) return;
    const input = lessonInput(l)!;
    void ed.setCells([{ classId, day: cell.day, period: cell.period, lesson: { ...input, locked: !l.locked } } satisfies CellEdit]);
  }, [classId, lessonAt, ed]);

  const undo = () => {
    const step = ed.undo();
    if (step && step.classId !== classId) setClassId(step.classId);
  };
  const redo = () => {
    const step = ed.redo();
    if (step && step.classId !== classId) setClassId(step.classId);
  };

  const openPicker = (query: string, cell: Cell | null = sel) => {
    if (!cell || !wrap.current) return;
    if (lessonAt(cell.day, cell.period)?.locked) return lockedWarning();
    const td = wrap.current.querySelector<HTMLElement>(`[data-testid="tt-cell-${cell.day}-${cell.period}"]`);
    if (!td) return;
    const box = wrap.current.getBoundingClientRect();
    const r = td.getBoundingClientRect();
    // Below the cell, kept inside the grid area (flip to the left for the last columns).
    const left = Math.min(r.left - box.left + wrap.current.scrollLeft, wrap.current.scrollWidth - 250);
    const below = r.bottom - box.top + wrap.current.scrollTop + 2;
    const top = below + 290 > wrap.current.scrollHeight ? Math.max(0, r.top - box.top + wrap.current.scrollTop - 292) : below;
    setPicker({ query, left: Math.max(0, left), top });
  };

  const pickFromPicker = (a: Assignment) => {
    if (!sel) return;
    place(a, sel);
    setPicker(null);
    // Spreadsheet-like: move on to the next period of the day.
    const i = periodNos.indexOf(sel.period);
    if (i >= 0 && i < periodNos.length - 1) setSel({ day: sel.day, period: periodNos[i + 1] });
    focusGrid();
  };

  const paste = () => {
    if (!cut || !sel) return;
    if (cut.classId !== classId) {
      setCut(null);
      return;
    }
    move(cut, sel);
    setCut(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (picker || !classId) return;
    const ctrl = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (ctrl && key === 'z' && !e.shiftKey) { e.preventDefault(); undo(); return; }
    if (ctrl && (key === 'y' || (key === 'z' && e.shiftKey))) { e.preventDefault(); redo(); return; }
    if (!sel) {
      if (e.key.startsWith('Arrow')) { e.preventDefault(); setSel({ day: 1, period: periodNos[0] }); }
      return;
    }
    const pi = periodNos.indexOf(sel.period);
    const lesson = lessonAt(sel.day, sel.period);
    switch (e.key) {
      case 'ArrowUp': e.preventDefault(); if (pi > 0) setSel({ ...sel, period: periodNos[pi - 1] }); return;
      case 'ArrowDown': e.preventDefault(); if (pi < periodNos.length - 1) setSel({ ...sel, period: periodNos[pi + 1] }); return;
      case 'ArrowLeft': e.preventDefault(); if (sel.day > 1) setSel({ ...sel, day: sel.day - 1 }); return;
      case 'ArrowRight': e.preventDefault(); if (sel.day < days) setSel({ ...sel, day: sel.day + 1 }); return;
      case 'Enter': e.preventDefault(); openPicker(''); return;
      case 'Delete': case 'Backspace': e.preventDefault(); clearCell(sel); return;
      case 'Escape': setCut(null); return;
    }
    if (ctrl && key === 'x') { e.preventDefault(); if (lesson && !lesson.locked) setCut({ classId, ...sel }); else if (lesson) lockedWarning(); return; }
    if (ctrl && key === 'v') { e.preventDefault(); paste(); return; }
    if (ctrl || e.altKey) return;
    // L locks an occupied cell; on an empty cell it starts a search like any letter (历史, 劳动 begin with l).
    if (key === 'l' && lesson) { e.preventDefault(); toggleLock(sel); return; }
    if (/^[a-z]$/.test(key) || /^[\u4e00-\u9fff]$/.test(e.key)) { e.preventDefault(); openPicker(e.key.toLowerCase()); }
  };

  const locate = (c: Conflict) => {
    const target = classId && c.classIds.includes(classId) ? classId : c.classIds[0];
    if (!target) return;
    let cell: Cell | null = c.day && c.period ? { day: c.day, period: c.period } : null;
    if (!cell) {
      const l = c.lessonIds.map((id) => lessonById.get(id)).find((x) => x?.classId === target);
      if (l) cell = { day: l.day, period: l.period };
    }
    setClassId(target);
    setSel(cell);
    focusGrid();
    if (cell) {
      setTimeout(() => wrap.current?.querySelector(`[data-testid="tt-cell-${cell.day}-${cell.period}"]`)?.scrollIntoView({ block: 'nearest' }), 50);
    }
  };

  // ---- class picker ----
  const classOptions = useMemo(() => {
    const byGrade = new Map<number, { value: number; label: string; search: string }[]>();
    for (const c of classes) {
      const list = byGrade.get(c.gradeLevel) ?? [];
      list.push({ value: c.id, label: c.name, search: `${c.name} ${pinyinInitials(c.name)} ${c.gradeLevel}${c.classNo} ${c.headTeacherName ?? ''}`.toLowerCase() });
      byGrade.set(c.gradeLevel, list);
    }
    return [...byGrade].map(([level, options]) => ({ label: GRADE_NAMES[level] ?? String(level), options }));
  }, [classes]);
  const classIndex = classes.findIndex((c) => c.id === classId);
  const switchClass = (id: number) => {
    setClassId(id);
    setSel(null);
    setPicker(null);
  };

  // ---- context menu ----
  const selLesson = sel ? lessonAt(sel.day, sel.period) : undefined;
  const menu: MenuProps['items'] = [
    { key: 'lock', icon: selLesson?.locked ? <UnlockOutlined /> : <LockOutlined />, label: selLesson?.locked ? t('timetable.editor.unlock') : t('timetable.editor.lock'), disabled: !selLesson, onClick: () => sel && toggleLock(sel) },
    { key: 'clear', icon: <DeleteOutlined />, label: t('timetable.editor.clearCell'), disabled: !selLesson || selLesson.locked, onClick: () => sel && clearCell(sel) },
    { key: 'cut', icon: <ScissorOutlined />, label: t('timetable.editor.cut'), disabled: !selLesson || selLesson.locked, onClick: () => sel && classId && setCut({ classId, ...sel }) },
    { key: 'paste', icon: <SnippetsOutlined />, label: t('timetable.editor.paste'), disabled: !cut, onClick: paste },
    { type: 'divider' },
    { key: 'clearDay', icon: <ClearOutlined />, label: t('timetable.editor.clearDayOf', { day: t(`timetable.days.${sel?.day ?? 1}`) }), disabled: !sel, onClick: () => sel && classId && void ed.clearDay(classId, sel.day) },
    { type: 'divider' },
    { key: 'undo', icon: <UndoOutlined />, label: t('timetable.editor.undo'), disabled: !ed.history.undo, onClick: undo },
    { key: 'redo', icon: <RedoOutlined />, label: t('timetable.editor.redo'), disabled: !ed.history.redo, onClick: redo },
  ];

  if (!currentTerm) {
    return <Page title={t('nav.timetable')}><Empty description={t('timetable.noTerm')} /></Page>;
  }
  if (ed.loadError && !data) {
    return (
      <Page title={t('nav.timetable')}>
        <Empty description={describeApiError(tt, ed.loadError).message}>
          <Button icon={<ReloadOutlined />} onClick={() => void ed.load()}>{t('common.retry')}</Button>
        </Empty>
      </Page>
    );
  }
  if (!data || !settings) return <Page title={t('nav.timetable')}><div className="jw-center"><Spin /></div></Page>;

  const selDayLabel = t(`timetable.days.${sel?.day ?? 1}`);

  return (
    <Page
      title={t('nav.timetable')}
      subtitle={cls ? t('timetable.editor.subtitle', { term: currentTerm.name, cls: cls.name, head: cls.headTeacherName ?? '—' }) : currentTerm.name}
      extra={
        <Space size={6}>
          <Button icon={<LeftOutlined />} disabled={classIndex <= 0} onClick={() => switchClass(classes[classIndex - 1].id)} aria-label={t('timetable.editor.prevClass')} />
          <Select
            showSearch={{
              filterOption: (input, option) => {
                const q = input.trim().toLowerCase();
                return !!option && 'search' in option && String(option.search).includes(q);
              },
            }}
            style={{ width: 200 }}
            value={classId ?? undefined}
            onChange={switchClass}
            options={classOptions}
            placeholder={t('timetable.editor.pickClass')}
            data-testid="tt-class-select"
          />
          <Button icon={<RightOutlined />} disabled={classIndex < 0 || classIndex >= classes.length - 1} onClick={() => switchClass(classes[classIndex + 1].id)} aria-label={t('timetable.editor.nextClass')} />
        </Space>
      }
    >
      <div className="jw-tt-editor">
        <div className="jw-tt-main">
          <div className="jw-tt-toolbar">
            <Space size={6} wrap>
              <Tooltip title="Ctrl+Z"><Button icon={<UndoOutlined />} disabled={!ed.history.undo} onClick={undo} data-testid="tt-undo">{t('timetable.editor.undo')}</Button></Tooltip>
              <Tooltip title="Ctrl+Y"><Button icon={<RedoOutlined />} disabled={!ed.history.redo} onClick={redo} data-testid="tt-redo">{t('timetable.editor.redo')}</Button></Tooltip>
              <Tooltip title="L">
                <Button icon={selLesson?.locked ? <UnlockOutlined /> : <LockOutlined />} disabled={!selLesson} onClick={() => sel && toggleLock(sel)} data-testid="tt-lock">
                  {selLesson?.locked ? t('timetable.editor.unlock') : t('timetable.editor.lock')}
                </Button>
              </Tooltip>
              <Tooltip title="Delete"><Button icon={<DeleteOutlined />} disabled={!selLesson || selLesson.locked} onClick={() => sel && clearCell(sel)} data-testid="tt-clear-cell">{t('timetable.editor.clearCell')}</Button></Tooltip>
              <Popconfirm
                title={t('timetable.editor.clearDayConfirm', { cls: cls?.name ?? '', day: selDayLabel })}
                description={t('timetable.editor.clearDayKeepsLocked')}
                onConfirm={() => { if (classId) void ed.clearDay(classId, sel?.day ?? 1); focusGrid(); }}
                okButtonProps={{ danger: true, 'data-testid': 'tt-clear-day-ok' } as ButtonProps}
              >
                <Button icon={<ClearOutlined />} disabled={!classId} data-testid="tt-clear-day">{t('timetable.editor.clearDayOf', { day: selDayLabel })}</Button>
              </Popconfirm>
              <CopyFromTerm terms={terms} current={currentTerm} cls={cls} onCopied={() => { ed.resetHistory(); void ed.load(); }} />
            </Space>
            <Space size={8}>
              {ed.busy && <Spin size="small" />}
              <Tooltip title={t('timetable.editor.reload')}><Button type="text" icon={<ReloadOutlined />} onClick={() => { ed.resetHistory(); void ed.load(); }} /></Tooltip>
            </Space>
          </div>
          <Dropdown menu={{ items: menu }} trigger={['contextMenu']}>
            <div
              ref={wrap}
              className="jw-tt-gridwrap jw-tt-edit"
              tabIndex={0}
              onKeyDown={onKeyDown}
              data-testid="tt-grid"
              data-class-id={classId ?? ''}
            >
              {cls && (
                <TimetableGrid
                  settings={settings}
                  gradeLevel={cls.gradeLevel}
                  cellProps={(day, period) => {
                    const l = lessonAt(day, period);
                    const cs = cellConflicts.get(`${day}:${period}`);
                    const k = `${day}:${period}`;
                    const classes = [
                      sel?.day === day && sel.period === period ? 'is-selected' : '',
                      cs?.length ? 'is-conflict' : '',
                      over === k ? 'is-over' : '',
                      cut && cut.classId === classId && cut.day === day && cut.period === period ? 'is-cut' : '',
                      l && data.unavailable.some((u) => u.teacherId === l.teacherId && u.day === day && u.period === period) ? 'is-unavailable' : '',
                    ].filter(Boolean).join(' ');
                    return {
                      className: classes,
                      'data-testid': `tt-cell-${day}-${period}`,
                      'data-subject': l?.subjectName ?? '',
                      'data-conflict': cs?.length ? '1' : '0',
                      'data-locked': l?.locked ? '1' : '0',
                      draggable: !!l && !l.locked,
                      onClick: () => { setSel({ day, period }); setPicker(null); },
                      onDoubleClick: () => { setSel({ day, period }); openPicker('', { day, period }); },
                      onContextMenu: () => setSel({ day, period }),
                      onDragStart: (e) => { if (l && classId) startDrag(e, { kind: 'cell', classId, day, period }); },
                      onDragEnd: () => { endDrag(); setOver(null); setSideDrop(false); },
                      onDragOver: (e) => {
                        if (!dragging()) return;
                        e.preventDefault();
                        e.dataTransfer.dropEffect = 'move';
                        if (over !== k) setOver(k);
                      },
                      onDragLeave: () => { if (over === k) setOver(null); },
                      onDrop: (e) => {
                        e.preventDefault();
                        setOver(null);
                        const p = dropPayload(e);
                        setSel({ day, period });
                        if (p?.kind === 'assignment') {
                          const a = ed.assignmentById.get(p.assignmentId);
                          if (a && a.classId === classId) place(a, { day, period });
                        } else if (p?.kind === 'cell' && p.classId === classId) {
                          move(p, { day, period });
                        }
                        focusGrid();
                      },
                    };
                  }}
                  renderCell={(day, period) => {
                    const l = lessonAt(day, period);
                    const cs = cellConflicts.get(`${day}:${period}`);
                    if (!l) return cs?.length ? <span className="jw-tt-badge">{cs.length}</span> : null;
                    const body = (
                      <div className="jw-tt-lesson">
                        {l.locked && <LockFilled className="jw-tt-lock" aria-label={t('timetable.editor.locked')} />}
                        {cs?.length ? <span className="jw-tt-badge">{cs.length}</span> : null}
                        <span className="jw-tt-subject">{l.subjectName}</span>
                        <span className="jw-tt-teacher">{l.teacherName}</span>
                        {l.roomName && <span className="jw-tt-room">{l.roomName}</span>}
                        {l.combinedKey && <span className="jw-tt-combined">{t('timetable.editor.combined')}</span>}
                      </div>
                    );
                    if (!cs?.length) return body;
                    return (
                      <Tooltip
                        title={<ul className="jw-tt-tooltip-list">{cs.map((c) => <li key={c.id}>{conflictText(tt, c, look, classId ?? undefined)}</li>)}</ul>}
                        mouseEnterDelay={0.2}
                      >
                        {body}
                      </Tooltip>
                    );
                  }}
                />
              )}
              {picker && cls && (
                <SubjectPicker
                  assignments={classAssignments}
                  subjects={subjectById}
                  placed={placed}
                  initialQuery={picker.query}
                  position={{ left: picker.left, top: picker.top }}
                  busyNote={busyNote}
                  onPick={pickFromPicker}
                  onClose={() => { setPicker(null); focusGrid(); }}
                />
              )}
            </div>
          </Dropdown>
          <div className="jw-tt-hint" title={t('timetable.editor.keyboardHint')}>{t('timetable.editor.keyboardHint')}</div>
        </div>
        <div
          className={`jw-tt-side${sideDrop ? ' is-drop' : ''}`}
          onDragOver={(e) => {
            if (dragging()?.kind !== 'cell') return;
            e.preventDefault();
            if (!sideDrop) setSideDrop(true);
          }}
          onDragLeave={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node)) setSideDrop(false); }}
          onDrop={(e) => {
            e.preventDefault();
            setSideDrop(false);
            const p = dropPayload(e);
            if (p?.kind === 'cell' && p.classId === classId) clearCell(p);
          }}
          data-testid="tt-side"
        >
          <Tabs
            size="small"
            activeKey={tab}
            onChange={(k) => setTab(k as typeof tab)}
            items={[
              {
                key: 'assignments',
                label: t('timetable.editor.assignmentsTab'),
                children: <AssignmentList assignments={classAssignments} placed={placed} onPlace={(a) => sel && place(a, sel)} />,
              },
              {
                key: 'conflicts',
                label: (
                  <span data-testid="tt-conflicts-tab">
                    {t('timetable.conflictPanel.title')} <Badge count={conflicts.length} size="small" showZero color={conflicts.length ? '#ff4d4f' : '#52c41a'} />
                  </span>
                ),
                children: <ConflictPanel conflicts={conflicts} look={look} onLocate={locate} />,
              },
            ]}
          />
        </div>
      </div>
    </Page>
  );
}
