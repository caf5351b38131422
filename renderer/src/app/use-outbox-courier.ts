import { useEffect, useMemo } from 'react';

import { deliverOutboxes, type DeviceOutbox, deviceOutbox } from '../data/outbox';
import { deviceIdentity } from './device';

const RETRY_MS = 10_000;

/**
 * Hands in the sealed outboxes of logged-out authors (docs/outbox.md) whenever the laptop may have a connection:
 * at start, every few seconds, when the machine comes online and when a new outbox appears. It runs whoever is
 * logged in, and on the login screen too; the session's own user is skipped (that session sends its own).
 */
export function useOutboxCourier(serverUrl: string | null, currentUserId: string | null): DeviceOutbox | null {
  const outbox = useMemo(() => (serverUrl ? deviceOutbox(localStorage, serverUrl) : null), [serverUrl]);
  useEffect(() => {
    if (!outbox) return;
    let running = false;
    const deliver = () => {
      if (running) return;
      running = true;
      void deliverOutboxes({ outbox, deviceId: deviceIdentity().id, skipUserId: currentUserId })
        .catch(() => 0)
        .finally(() => {
          running = false;
        });
    };
    deliver();
    const timer = setInterval(deliver, RETRY_MS);
    const sub = outbox.entries$.subscribe(() => setTimeout(deliver, 0));
    window.addEventListener('online', deliver);
    return () => {
      clearInterval(timer);
      sub.unsubscribe();
      window.removeEventListener('online', deliver);
    };
  }, [outbox, currentUserId]);
  return outbox;
}
