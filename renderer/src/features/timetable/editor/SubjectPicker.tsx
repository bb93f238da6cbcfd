/**
 * The keyboard picker: typing letters on a cell opens it with what was typed; subjects match by name, short name
 * or pinyin initials (yw -> 语文, sx -> 数学), teachers by name or initials. Enter places the highlighted one.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment, Subject } from '../../../../../shared/contract';
import { matchesPerson, pinyinInitials } from '../../../../../shared/domain/pinyin';

/** Ranks an assignment against a query: 0 = subject matches, 1 = teacher matches, -1 = no match. */
export function matchRank(a: Assignment, subject: Subject | undefined, query: string): number {
  const q = query.trim().toLowerCase();
  if (!q) return 0;
  const names = [a.subjectName, subject?.shortName ?? ''].filter(Boolean) as string[];
  if (names.some((n) => n.toLowerCase().includes(q) || pinyinInitials(n).startsWith(q))) return 0;
  if (matchesPerson(a.teacherName, q)) return 1;
  return -1;
}

export function SubjectPicker({ assignments, subjects, placed, initialQuery, position, busyNote, onPick, onClose }: {
  assignments: Assignment[];
  /** Why a teacher cannot take this slot (teaching another class, unavailable), or null when free. */
  busyNote: (teacherId: number) => string | null;
  subjects: Map<number, Subject>;
  placed: Map<number, number>;
  initialQuery: string;
  position: { left: number; top: number };
  onPick: (a: Assignment) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const options = useMemo(() => {
    const ranked = assignments
      .map((a) => ({ a, rank: matchRank(a, subjects.get(a.subjectId), query), remaining: a.weeklyPeriods - (placed.get(a.id) ?? 0), busy: busyNote(a.teacherId) }))
      .filter((x) => x.rank >= 0);
    // Subject matches first, then the ones that still have periods to place, then teachers free at this time.
    ranked.sort((x, y) => x.rank - y.rank || Number(y.remaining > 0) - Number(x.remaining > 0) || Number(!!x.busy) - Number(!!y.busy));
    return ranked;
  }, [assignments, subjects, placed, query, busyNote]);
  const current = Math.min(active, Math.max(0, options.length - 1));

  return (
    <div className="jw-tt-picker" style={position} data-testid="tt-picker" onMouseDown={(e) => e.stopPropagation()}>
      <input
        ref={input}
        value={query}
        placeholder={t('timetable.editor.pickerPlaceholder')}
        onChange={(e) => { setQuery(e.target.value); setActive(0); }}
        onBlur={onClose}
        data-testid="tt-picker-input"
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'ArrowDown') { e.preventDefault(); setActive(Math.min(current + 1, options.length - 1)); }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setActive(Math.max(current - 1, 0)); }
          else if (e.key === 'Enter') { e.preventDefault(); if (options[current]) onPick(options[current].a); }
          else if (e.key === 'Escape') { e.preventDefault(); onClose(); }
        }}
      />
      <ul role="listbox">
        {options.length === 0 && <li className="jw-tt-empty">{t('timetable.editor.pickerNone')}</li>}
        {options.map((o, i) => (
          <li
            key={o.a.id}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'is-active' : undefined}
            onMouseDown={(e) => { e.preventDefault(); onPick(o.a); }}
            onMouseEnter={() => setActive(i)}
            data-testid={`tt-picker-option-${o.a.id}`}
          >
            <span><b>{o.a.subjectName}</b> {o.a.teacherName}</span>
            {o.busy
              ? <span className="jw-tt-picker-meta jw-tt-picker-busy">{o.busy}</span>
              : <span className="jw-tt-picker-meta">{o.remaining > 0 ? t('timetable.editor.toPlace', { count: o.remaining }) : t('timetable.editor.done')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
