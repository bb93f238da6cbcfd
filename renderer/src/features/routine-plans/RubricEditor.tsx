/**
 * One check rubric: its items in the DataGrid (name, weight = maximum score, description) with the weight sum
 * shown beside the title (red unless it is 100), and its grade bands (优/良/合格 from a minimum score).
 * Edits stay in the page's draft until 保存; the grid's rows carry a local id only.
 */
import { InputNumber, Segmented, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { GRADE_LABELS, type GradeLabel, type Rubric, type RubricItem } from '../../../../shared/contract';
import { DataGrid, type GridColumn } from '../../components/DataGrid';

export interface ItemRow extends RubricItem { id: number }
export interface RubricDraft extends Omit<Rubric, 'items'> { items: ItemRow[] }

export const weightSum = (items: { maxScore: number }[]) => Math.round(items.reduce((s, i) => s + (Number(i.maxScore) || 0), 0) * 100) / 100;

/** A key for a new item that no other item of the rubric uses (item1, item2...). */
function freshKey(items: ItemRow[]): string {
  const used = new Set(items.map((i) => i.key));
  let n = items.length + 1;
  while (used.has(`item${n}`)) n++;
  return `item${n}`;
}

let localId = 100_000;

export function SumTag({ sum }: { sum: number }) {
  const { t } = useTranslation();
  const ok = Math.abs(sum - 100) < 0.001;
  return (
    <span className={`jw-rt-sum ${ok ? 'jw-rt-sum-ok' : 'jw-rt-sum-bad'}`} data-testid="weight-sum" data-ok={ok}>
      {t('routine.standards.weightSum', { sum })}
      {!ok && ` · ${t('routine.standards.mustBe100')}`}
    </span>
  );
}

export function RubricEditor({ rubric, version, onChange }: {
  rubric: RubricDraft;
  /** Bumped when the draft is replaced from outside (load, reset): the grid reloads its rows. */
  version: number;
  onChange: (next: RubricDraft) => void;
}) {
  const { t } = useTranslation();
  // The latest draft for the grid callbacks, without making `load` change on every edit (that would reload).
  const current = useMemo(() => ({ rubric }), [rubric]);

  const columns = useMemo<GridColumn<ItemRow>[]>(
    () => [
      { field: 'name', header: t('routine.standards.itemName'), required: true, width: 200 },
      { field: 'maxScore', header: t('routine.standards.maxScore'), kind: 'number', required: true, width: 110 },
      { field: 'description', header: t('routine.standards.description'), width: 520 },
      { field: 'key', header: t('routine.standards.key'), editable: false, width: 110, hide: true },
    ],
    [t],
  );

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useCallback(async () => current.rubric.items, [version, rubric.kind]);
  const save = useCallback(
    async (row: ItemRow) => {
      const items = current.rubric.items;
      const saved: ItemRow = { ...row, id: row.id || ++localId, key: row.key || freshKey(items), maxScore: Number(row.maxScore) || 0 };
      const next = items.some((i) => i.id === saved.id) ? items.map((i) => (i.id === saved.id ? saved : i)) : [...items, saved];
      onChange({ ...current.rubric, items: next });
      return saved;
    },
    [current, onChange],
  );
  const saveMany = useCallback(
    async (rows: ItemRow[]) => {
      let items = current.rubric.items;
      const out: ItemRow[] = [];
      for (const row of rows) {
        const saved: ItemRow = { ...row, id: row.id || ++localId, key: row.key || freshKey(items), maxScore: Number(row.maxScore) || 0 };
        items = items.some((i) => i.id === saved.id) ? items.map((i) => (i.id === saved.id ? saved : i)) : [...items, saved];
        out.push(saved);
      }
      onChange({ ...current.rubric, items });
      return out;
    },
    [current, onChange],
  );
  const remove = useCallback(
    async (row: ItemRow) => onChange({ ...current.rubric, items: current.rubric.items.filter((i) => i.id !== row.id) }),
    [current, onChange],
  );

  const bandMin = (label: GradeLabel) => rubric.bands.find((b) => b.label === label)?.min;
  const setBand = (label: GradeLabel, min: number | null) => {
    const others = rubric.bands.filter((b) => b.label !== label);
    const bands = min === null ? others : [...others, { label, min }];
    bands.sort((a, b) => GRADE_LABELS.indexOf(a.label) - GRADE_LABELS.indexOf(b.label));
    onChange({ ...rubric, bands });
  };

  return (
    <>
      <div className="jw-panel jw-rt-head" data-testid={`rubric-head-${rubric.kind}`}>
        <Typography.Text strong>{t(`routine.rubricKinds.${rubric.kind}`)}</Typography.Text>
        <SumTag sum={weightSum(rubric.items)} />
        <span className="jw-rt-toolbar-label">{t('routine.standards.mode')}</span>
        <Segmented
          size="small"
          value={rubric.mode}
          onChange={(v) => onChange({ ...rubric, mode: v as Rubric['mode'] })}
          options={[
            { value: 'bands', label: t('routine.standards.modeBands') },
            { value: 'score', label: t('routine.standards.modeScore') },
          ]}
        />
        {rubric.mode === 'bands' && (
          <span className="jw-rt-bands" data-testid="bands-editor">
            {GRADE_LABELS.filter((g) => g !== '不合格').map((g) => (
              <span key={g} className="jw-rt-band">
                {t(`routine.enum.grade.${g}`)} ≥
                <InputNumber size="small" min={0} max={100} style={{ width: 64 }} value={bandMin(g)} onChange={(v) => setBand(g, v)} data-testid={`band-${g}`} aria-label={`${t(`routine.enum.grade.${g}`)} ≥`} />
              </span>
            ))}
            <span className="jw-rt-band">{t('routine.standards.failBelow', { min: bandMin('合格') ?? 60 })}</span>
          </span>
        )}
      </div>
      <div className="jw-rt-fill">
        <DataGrid<ItemRow>
          id={`rubric-${rubric.kind}`}
          fit
          columns={columns}
          load={load}
          save={save}
          saveMany={saveMany}
          remove={remove}
          newRow={() => ({ maxScore: 10 })}
        />
      </div>
    </>
  );
}
