/**
 * All conflicts of the whole school, grouped by kind, each with a 定位 button that opens the class and selects
 * the cell.
 */
import { AimOutlined } from '@ant-design/icons';
import { Button, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONFLICT_KINDS, type Conflict } from '../../../../../shared/contract';
import { conflictText, conflictWhere, type ConflictLookups, type TFn } from '../../../components/timetable/conflictText';

export function ConflictPanel({ conflicts, look, onLocate }: {
  conflicts: Conflict[];
  look: ConflictLookups;
  onLocate: (c: Conflict) => void;
}) {
  const { t } = useTranslation();
  const tt = t as unknown as TFn;
  if (conflicts.length === 0) {
    return <div data-testid="tt-conflicts"><Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timetable.conflictPanel.none')} /></div>;
  }
  return (
    <div data-testid="tt-conflicts">
      {CONFLICT_KINDS.map((kind) => {
        const list = conflicts.filter((c) => c.kind === kind);
        if (!list.length) return null;
        return (
          <div key={kind} className="jw-tt-conflict-group">
            <h5>{t(`timetable.conflicts.${kind}`)} ({list.length})</h5>
            {list.map((c) => (
              <div key={c.id} className="jw-tt-conflict-item" data-testid="tt-conflict-item" data-kind={c.kind}>
                <div>
                  <div>{conflictText(tt, c, look)}</div>
                  <div className="jw-tt-conflict-where">{conflictWhere(tt, c, look)}</div>
                </div>
                <Button size="small" type="link" icon={<AimOutlined />} onClick={() => onLocate(c)} data-testid="tt-conflict-locate">
                  {t('timetable.conflictPanel.locate')}
                </Button>
              </div>
            ))}
          </div>
        );
      })}
    </div>
  );
}
