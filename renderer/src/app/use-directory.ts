import { useMemo } from 'react';

import { type DirectoryNames, namesOf } from '../data/directory';
import { useClient } from './client-context';
import { useObservable } from './use-observable';

/**
 * Display names of the own office's staff by user id (the session's OfficeDirectory, renderer/src/data/directory.ts),
 * re-rendering when a new list arrives. Always holds the logged-in user; offline before the first list it holds
 * only that user, and callers show the id of anyone else (`names.get(id) ?? id`).
 */
export function useDirectory(): DirectoryNames {
  const client = useClient();
  // A session without a directory (a test's hand-made client) still knows its own user.
  const directory = client.directory as typeof client.directory | undefined;
  const ownOnly = useMemo(() => namesOf(client.user, []), [client.user]);
  const names$ = useMemo(() => directory?.names$, [directory]);
  return useObservable(names$, directory?.names ?? ownOnly);
}
