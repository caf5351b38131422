import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';

/**
 * The night record open on screen, if any: the directory's search (Ctrl+K) logs a call into it. The records area
 * announces the record it shows; any area may ask which one it is.
 */
export type OpenRecord = { intakeId: string | null; announce: (intakeId: string | null) => void };

export const OpenRecordContext = createContext<OpenRecord>({ intakeId: null, announce: () => {} });

/** Keeps the open record for one session (App.tsx wraps the session in it). */
export function OpenRecordProvider({ children }: { children: ReactNode }) {
  const [intakeId, announce] = useState<string | null>(null);
  const value = useMemo(() => ({ intakeId, announce }), [intakeId]);
  return <OpenRecordContext.Provider value={value}>{children}</OpenRecordContext.Provider>;
}

export function useOpenRecord(): OpenRecord {
  return useContext(OpenRecordContext);
}

/** Announces `intakeId` as the open record while the calling component shows it. */
export function useAnnounceOpenRecord(intakeId: string | null): void {
  const { announce } = useOpenRecord();
  useEffect(() => {
    announce(intakeId);
    return () => announce(null);
  }, [announce, intakeId]);
}
