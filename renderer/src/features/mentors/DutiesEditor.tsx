/** The agreement's duties as numbers: one row per duty (taken or not), per term / month / year, the target. */
import { Checkbox, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DUTY_KEYS, DUTY_PERS, type DutyKey, type DutyPer } from '../../../../shared/contract';

type Duty = { key: DutyKey; per: DutyPer; target: number };

export function DutiesEditor({ value = [], onChange }: { value?: Duty[]; onChange?: (v: Duty[]) => void }) {
  const { t } = useTranslation();
  const set = (key: DutyKey, next: Duty | null) => {
    const rest = value.filter((d) => d.key !== key);
    const list = next ? [...rest, next] : rest;
    onChange?.(list.sort((a, b) => DUTY_KEYS.indexOf(a.key) - DUTY_KEYS.indexOf(b.key)));
  };
  return (
    <table className="mt-duties-table" data-testid="mt-duties-editor">
      <tbody>
        {DUTY_KEYS.map((key) => {
          const d = value.find((x) => x.key === key);
          return (
            <tr key={key}>
              <td><Checkbox checked={!!d} onChange={(e) => set(key, e.target.checked ? { key, per: key === 'papers' ? 'year' : 'term', target: 1 } : null)} data-testid={`mt-duty-on-${key}`}>{t(`mentors.duty.${key}`)}</Checkbox></td>
              <td>
                <Select size="small" disabled={!d} style={{ width: 96 }} value={d?.per} onChange={(per) => d && set(key, { ...d, per })}
                  options={DUTY_PERS.map((p) => ({ value: p, label: t(`mentors.per.${p}`) }))} aria-label={t('mentors.perLabel')} />
              </td>
              <td>
                <InputNumber size="small" disabled={!d} min={0} max={200} precision={0} style={{ width: 80 }} value={d?.target}
                  onChange={(v) => d && set(key, { ...d, target: v ?? 0 })} data-testid={`mt-duty-target-${key}`} aria-label={t('mentors.targetLabel')} />
                {' '}{t(`mentors.unit.${key}`)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
