import { useCallback, useEffect, useState } from 'react';

import { adminErrorMessage } from './admin-error';

/** Loads from the admin API on mount and on `reload()`; the error is German. */
export function useAdminQuery<T>(load: () => Promise<T>): {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
} {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await load());
      setError(null);
    } catch (err) {
      setError(adminErrorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [load]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading from the server: the state is its answer
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}
