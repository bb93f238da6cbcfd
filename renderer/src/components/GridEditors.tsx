/**
 * Small cell editors for AG Grid (reactive custom components): a native <select> for one value from a list
 * (ids shown as names) and a checkbox list for multi-valued fields such as teacher roles.
 */
import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useRef } from 'react';

/** `archived` options still label old values but are not offered for new choices. */
export interface GridOption { value: string | number; label: string; archived?: boolean }
export interface OptionEditorParams { options: GridOption[]; nullable?: boolean; emptyLabel?: string }

/** One value from a list. Picking a value ends editing at once. */
export function SelectEditor(props: CustomCellEditorProps & OptionEditorParams) {
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const { nullable, emptyLabel, value, onValueChange, stopEditing } = props;
  const options = props.options.filter((o) => !o.archived || o.value === value);
  const index = options.findIndex((o) => o.value === value);
  return (
    <select
      ref={ref}
      className="jw-grid-select"
      value={index < 0 ? '' : String(index)}
      onChange={(e) => {
        const i = e.target.value;
        onValueChange(i === '' ? null : options[Number(i)].value);
        // Let the value land before the editor closes.
        setTimeout(() => stopEditing(), 0);
      }}
    >
      {(nullable || index < 0) && <option value="">{emptyLabel ?? '—'}</option>}
      {options.map((o, i) => (
        <option key={String(o.value)} value={String(i)}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** Several values from a list, shown as a popup of checkboxes; Enter or clicking away saves. */
export function MultiSelectEditor(props: CustomCellEditorProps & OptionEditorParams) {
  const { value, onValueChange } = props;
  const picked = new Set<string | number>(Array.isArray(value) ? (value as (string | number)[]) : []);
  const options = props.options.filter((o) => !o.archived || picked.has(o.value));
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.querySelector('input')?.focus(), []);
  return (
    <div ref={ref} className="jw-grid-multi">
      {options.map((o) => (
        <label key={String(o.value)}>
          <input
            type="checkbox"
            checked={picked.has(o.value)}
            onChange={(e) => {
              const next = new Set(picked);
              if (e.target.checked) next.add(o.value);
              else next.delete(o.value);
              // Keep the list's own order, not the click order.
              onValueChange(options.filter((x) => next.has(x.value)).map((x) => x.value));
            }}
          />
          {o.label}
        </label>
      ))}
    </div>
  );
}
