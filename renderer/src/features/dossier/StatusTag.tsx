/** The readiness of an indicator as a coloured tag. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReadinessReason, ReadinessStatus } from '../../../../shared/contract';

const COLOR: Record<ReadinessStatus, string> = { complete: 'green', missing: 'orange', below: 'red', na: 'default' };

export function StatusTag({ status }: { status: ReadinessStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[status]} data-testid={`ds-status-${status}`}>{t(`dossier.status.${status}`)}</Tag>;
}

/** The reasons of a readiness or an evidence problem, in the user's language. */
export function reasonsText(t: (k: string, o?: Record<string, unknown>) => string, reasons: ReadinessReason[]): string {
  return reasons.map((r) => t(`dossier.reason.${r.key}`, r.params)).join('；');
}
