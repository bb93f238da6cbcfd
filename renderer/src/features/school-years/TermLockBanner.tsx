/**
 * The strip under the header when the term on screen is a past term: read-only, with 解锁更正 (reason asked)
 * or, once unlocked, 重新锁定.
 */
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TermLockState } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { useApiError } from '../../app/useApiError';
import { UnlockTermModal } from './UnlockTermModal';

export function TermLockBanner() {
  const { t } = useTranslation();
  const { currentTerm, terms, refresh } = useAppState();
  const showError = useApiError();
  const [state, setState] = useState<TermLockState | null>(null);
  const [unlocking, setUnlocking] = useState(false);
  // A term is "past" when a later term has begun: locked now, or unlocked by hand (term_unlock).
  useEffect(() => {
    let live = true;
    if (!currentTerm) { setState(null); return; }
    api.call('school-years/lockState', { termId: currentTerm.id }).then((s) => live && setState(s), () => live && setState(null));
    return () => { live = false; };
  }, [currentTerm, terms]);
  if (!currentTerm || !state || (!state.locked && !state.unlocked)) return null;
  const lockAgain = async () => {
    try {
      await api.call('school-years/lockTerm', { termId: currentTerm.id });
      await refresh();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      <Alert
        className="jw-term-lock"
        type={state.locked ? 'info' : 'warning'}
        showIcon
        icon={state.locked ? <LockOutlined /> : <UnlockOutlined />}
        data-testid="term-lock-banner"
        message={state.locked ? t('termLock.banner', { term: currentTerm.name }) : t('termLock.bannerUnlocked', { term: currentTerm.name, reason: state.unlocked?.reason ?? '' })}
        action={state.locked
          ? <Button size="small" onClick={() => setUnlocking(true)} data-testid="term-unlock">{t('termLock.unlock')}</Button>
          : <Button size="small" onClick={lockAgain} data-testid="term-relock">{t('termLock.lock')}</Button>}
      />
      <UnlockTermModal term={unlocking ? currentTerm : null} onClose={() => setUnlocking(false)} onDone={() => { setUnlocking(false); void refresh(); }} />
    </>
  );
}
