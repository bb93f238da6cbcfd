/**
 * App-wide state every page reads: the core's status (school, operator, current term) and the term list.
 * Pages work within `currentTerm`; changing it goes through the core so it is remembered for next start.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus, Term } from '../../../shared/contract';
import { termDisplayName } from '../../../shared/domain/calendar';
import { api } from '../api/client';

export interface AppStateValue {
  status: AppStatus;
  terms: Term[];
  currentTerm: Term | null;
  setCurrentTerm(id: number): Promise<void>;
  refresh(): Promise<void>;
}

const Ctx = createContext<AppStateValue | null>(null);

export function useAppState(): AppStateValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAppState() outside <AppStateProvider>');
  return v;
}

/** Loads the status (and terms when the database is usable); `fallback` renders until the first load or on failure. */
export function AppStateProvider({ children, fallback }: { children: ReactNode; fallback: (error: unknown) => ReactNode }) {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [terms, setTerms] = useState<Term[]>([]);
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(async () => {
    try {
      const s = await api.call('app/status', {});
      // Terms only exist once the database is healthy and a school has been set up.
      const t = s.state === 'ok' && s.hasSchool ? await api.call('school/listTerms', {}) : [];
      setStatus(s);
      setTerms(t);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const setCurrentTerm = useCallback(async (id: number) => {
    const s = await api.call('school/setCurrentTerm', { id });
    setStatus(s);
    setTerms(await api.call('school/listTerms', {}));
  }, []);

  // Term names in the user's language, for every page at once (the core keeps and prints the Chinese name).
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const shownTerms = useMemo(() => terms.map((t) => ({ ...t, name: termDisplayName(t.name, lang) })), [terms, lang]);

  const value = useMemo<AppStateValue | null>(() => {
    if (!status) return null;
    const currentTerm = shownTerms.find((t) => t.id === status.currentTermId) ?? shownTerms.find((t) => t.isCurrent) ?? null;
    return { status, terms: shownTerms, currentTerm, setCurrentTerm, refresh };
  }, [status, shownTerms, setCurrentTerm, refresh]);

  if (!value) return <>{fallback(error)}</>;
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
