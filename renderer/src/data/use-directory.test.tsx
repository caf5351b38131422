import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { BehaviorSubject } from 'rxjs';

import type { DirectoryUser } from '../../../shared/directory';
import { ClientContext } from '../app/client-context';
import type { ObhutClient } from './client';
import { DirectoryApi, OfficeDirectory } from './directory';
import { useDirectory } from './hooks';
import { SyncApi } from './http';
import type { SyncStatus } from './sync-status';

const user = {
  id: 'bereitschaft.segeberg',
  username: 'bereitschaft.segeberg',
  displayName: 'Bereitschaft Segeberg',
  officeId: 'segeberg',
  roles: ['oncall'],
};
const colleague: DirectoryUser = {
  id: '5b0c6c1e-3f3a-4f55-9d6b-2f1d1b0c9a11',
  username: 'neu.kollegin',
  displayName: 'Neue Kollegin',
};

type Link = Pick<SyncStatus, 'connection' | 'auth'>;
const online: Link = { connection: 'online', auth: { state: 'ok' } };
const offline: Link = { connection: 'offline', auth: { state: 'ok' } };

/** The hook over the app's real OfficeDirectory, DirectoryApi and SyncApi; only the network is replaced. */
function setup() {
  const server = {
    users: [user, colleague] as DirectoryUser[],
    reachable: true,
    calls: [] as { path: string; authorization: string | null }[],
  };
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (!server.reachable) throw new TypeError('fetch failed');
    server.calls.push({
      path: new URL(String(input)).pathname,
      authorization: new Headers(init?.headers).get('authorization'),
    });
    const users = server.users.map(({ id, username, displayName }) => ({ id, username, displayName }));
    return new Response(JSON.stringify({ users }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  const api = new SyncApi('https://obhut.example', fetchFn);
  api.token = 'token-bereitschaft';
  const directory = new OfficeDirectory(new DirectoryApi(api, (request) => request()), user);
  const status$ = new BehaviorSubject<Link>({ connection: 'connecting', auth: { state: 'ok' } });
  const following = directory.follow(status$);
  const client = { user, directory } as unknown as ObhutClient;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ClientContext.Provider value={client}>{children}</ClientContext.Provider>
  );
  const hook = renderHook(() => useDirectory(), { wrapper });
  return { server, status$, hook, stop: () => following.unsubscribe() };
}

describe('useDirectory', () => {
  it('knows the own user at once, and the office once the server is reachable', async () => {
    const { server, status$, hook, stop } = setup();
    expect([...hook.result.current]).toEqual([[user.id, user.displayName]]);
    expect(server.calls).toEqual([]);
    act(() => status$.next(online));
    await waitFor(() => expect(hook.result.current.get(colleague.id)).toBe('Neue Kollegin'));
    expect(hook.result.current.get(user.id)).toBe('Bereitschaft Segeberg');
    expect(server.calls).toEqual([{ path: '/api/v1/directory', authorization: 'Bearer token-bereitschaft' }]);
    stop();
  });

  it('keeps the last list offline and fetches again when the connection comes back (not on every status)', async () => {
    const { server, status$, hook, stop } = setup();
    act(() => status$.next(online));
    await waitFor(() => expect(hook.result.current.get(colleague.id)).toBe('Neue Kollegin'));
    act(() => status$.next({ ...online }));
    expect(server.calls).toHaveLength(1);

    server.reachable = false;
    server.users = [user, { ...colleague, displayName: 'Neue Kollegin (umbenannt)' }];
    act(() => status$.next(offline));
    expect(hook.result.current.get(colleague.id)).toBe('Neue Kollegin');

    server.reachable = true;
    act(() => status$.next(online));
    await waitFor(() => expect(hook.result.current.get(colleague.id)).toBe('Neue Kollegin (umbenannt)'));
    expect(server.calls).toHaveLength(2);
    stop();
  });

  it('keeps the own user when the fetch fails, and in a session without a directory', async () => {
    const { server, status$, hook, stop } = setup();
    server.reachable = false;
    act(() => status$.next(online));
    await new Promise((r) => setTimeout(r, 20));
    expect([...hook.result.current]).toEqual([[user.id, user.displayName]]);
    stop();

    const bare = { user } as unknown as ObhutClient;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ClientContext.Provider value={bare}>{children}</ClientContext.Provider>
    );
    expect([...renderHook(() => useDirectory(), { wrapper }).result.current]).toEqual([[user.id, user.displayName]]);
  });
});
