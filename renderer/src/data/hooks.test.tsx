import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { BehaviorSubject, filter } from 'rxjs';

import { ClientContext } from '../app/client-context';
import type { ObhutClient } from './client';
import { usePendingIds, useRejectedIds, useSyncStatus } from './hooks';
import type { SyncStatus } from './sync-status';

const status = (extra: Partial<SyncStatus> = {}): SyncStatus => ({
  connection: 'online',
  serverReachable: true,
  machineOnline: true,
  streamConnected: true,
  lastSyncedAt: 1,
  pendingIds: [],
  pendingCount: 0,
  rejections: [],
  conflictCount: 0,
  conflictIds: [],
  auth: { state: 'ok' },
  lastError: null,
  ...extra,
});

/** A client whose status is held as the real one holds it: a subject that is null until the first facts. */
function session(initial: SyncStatus | null) {
  const subject = new BehaviorSubject<SyncStatus | null>(initial);
  const client = {
    status$: subject.pipe(filter((s): s is SyncStatus => s !== null)),
  } as unknown as ObhutClient;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ClientContext.Provider value={client}>{children}</ClientContext.Provider>
  );
  return { subject, wrapper };
}

describe('data hooks', () => {
  it('renders a page opened later with the status as it stands, not first without it', () => {
    const offline = status({ connection: 'offline' });
    const { wrapper } = session(offline);
    const seen: (SyncStatus | null)[] = [];
    renderHook(
      () => {
        const s = useSyncStatus();
        seen.push(s);
        return s;
      },
      { wrapper },
    );
    expect(seen[0]).toBe(offline);
    expect(seen.every((s) => s === offline)).toBe(true);
  });

  it('is null until the status is first known, then follows it', () => {
    const { subject, wrapper } = session(null);
    const { result } = renderHook(() => useSyncStatus(), { wrapper });
    expect(result.current).toBeNull();
    const first = status();
    act(() => subject.next(first));
    expect(result.current).toBe(first);
  });

  it('gives the pending and refused ids as sets, the same set while they do not change', () => {
    const pendingIds = ['a', 'b'];
    const rejections = [{ id: 'c', code: 'intake_locked', message: 'locked', at: 1 }];
    const { subject, wrapper } = session(status({ pendingIds, pendingCount: 2, rejections }));
    const { result } = renderHook(() => ({ pending: usePendingIds(), refused: useRejectedIds() }), { wrapper });
    expect([...result.current.pending]).toEqual(['a', 'b']);
    expect([...result.current.refused]).toEqual(['c']);
    const before = result.current;
    // Only the connection changed: the lists are the same, and so are the sets (no list below re-renders).
    act(() => subject.next(status({ pendingIds, pendingCount: 2, rejections, connection: 'offline' })));
    expect(result.current.pending).toBe(before.pending);
    expect(result.current.refused).toBe(before.refused);
    act(() => subject.next(status({ pendingIds: ['b'], pendingCount: 1, rejections: [] })));
    expect([...result.current.pending]).toEqual(['b']);
    expect(result.current.refused.size).toBe(0);
  });
});
