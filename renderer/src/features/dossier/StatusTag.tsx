/** The readiness of an indicator as a coloured tag. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReadinessStatus } from '../../../../shared/contract';

const COLOR: Record<ReadinessStatus, string> = { complete: 'green', missing: 'orange', below: 'red', na: 'default' };

export function StatusTag({ status }: { status: ReadinessStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[status]} data-testid={`ds-status-${status}`}>{t(`dossier.status.${status}`)}</Tag>;
}
