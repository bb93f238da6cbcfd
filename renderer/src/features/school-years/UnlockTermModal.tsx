/** Unlocking a past term asks why (the reason goes into term_unlock and the audit log). */
import { App, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Term } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';

export function UnlockTermModal({ term, onClose, onDone }: { term: Term | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!term) return null;
  const ok = async () => {
    setBusy(true);
    try {
      await api.call('school-years/unlockTerm', { termId: term.id, reason });
      void message.success(t('schoolYears.unlockedDone', { term: term.name }));
      setReason('');
      onDone();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('schoolYears.unlockTitle', { term: term.name })} onCancel={onClose} onOk={ok}
      okButtonProps={{ disabled: !reason.trim(), loading: busy, ...{ 'data-testid': 'unlock-ok' } }}>
      <Typography.Paragraph type="secondary">{t('schoolYears.unlockHint')}</Typography.Paragraph>
      <Input.TextArea value={reason} maxLength={200} rows={3} placeholder={t('schoolYears.reasonPlaceholder')}
        onChange={(e) => setReason(e.target.value)} aria-label={t('schoolYears.reason')} data-testid="unlock-reason" />
    </Modal>
  );
}
