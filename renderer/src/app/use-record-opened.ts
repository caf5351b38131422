import { useEffect } from 'react';

import { useClient } from './client-context';

/**
 * Records in the audit trail that this laptop shows a record (issue 16): once per opening, queued while offline
 * (data/access-log.ts). Only the record's id and the time go out, never what was shown.
 */
export function useRecordOpened(recordId: string): void {
  const client = useClient();
  useEffect(() => {
    client.accessLog.record('opened', recordId);
  }, [client, recordId]);
}
