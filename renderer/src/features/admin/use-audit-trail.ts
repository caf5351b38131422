import { useCallback, useEffect, useRef, useState } from 'react';

import type { AuditEntry } from '../../../../shared/sync/protocol';
import { useClient } from '../../app/client-context';
import type { AuditFilter } from '../../data/admin';
import { adminErrorMessage } from './admin-error';

const PAGE = 100;

export type AuditTrail = {
  entries: AuditEntry[];
  deviceNames: Record<string, string>;
  /** The length of the whole chain, whatever the filter. */
  total: number | null;
  more: boolean;
  error: string | null;
  loadMore: () => void;
  reload: () => void;
};

/**
 * The trail as the server pages it, newest first, narrowed by the filter; a new filter starts again at the newest.
 * An answer to an earlier filter or reload that arrives late is dropped, so the list always shows what is chosen.
 */
export function useAuditTrail(filter: AuditFilter): AuditTrail {
  const client = useClient();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [deviceNames, setDeviceNames] = useState<Record<string, string>>({});
  const [total, setTotal] = useState<number | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);

  const load = useCallback(
    async (before: number | undefined, into: AuditEntry[], names: Record<string, string>) => {
      const asked = ++request.current;
      try {
        const page = await client.admin.audit({ ...filter, before, limit: PAGE });
        if (asked !== request.current) return;
        setEntries([...into, ...page.entries]);
        setDeviceNames({ ...names, ...page.deviceNames });
        setTotal(page.head.seq);
        setMore(page.entries.length === PAGE);
        setError(null);
      } catch (err) {
        if (asked === request.current) setError(adminErrorMessage(err));
      }
    },
    [client, filter],
  );
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading from the server: the state is its answer
    void load(undefined, [], {});
  }, [load]);

  return {
    entries,
    deviceNames,
    total,
    more,
    error,
    loadMore: () => void load(entries.at(-1)?.id, entries, deviceNames),
    reload: () => void load(undefined, [], {}),
  };
}
