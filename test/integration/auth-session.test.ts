import { AuthSession } from '../../renderer/src/data/auth-session';
import { ApiError, SyncApi } from '../../renderer/src/data/http';
import type { AuthState } from '../../renderer/src/data/sync-status';
import type { SessionUser } from '../../shared/sync/protocol';
import { DEMO_PASSWORD } from '../support/api';
import { Network } from '../support/devices';
import { serverOnPostgres } from '../support/server-suite';

/**
 * The session's token against the real server: a token the server no longer accepts (logged out elsewhere, expired)
 * is renewed once with the password of an offline unlock, or asked for again from the user.
 */
const suite = serverOnPostgres('auth_session');
const USERNAME = 'bereitschaft.segeberg';
const device = { id: 'laptop-auth-session', name: 'Test' };

type Probe = { session: AuthSession; api: SyncApi; network: Network; states: AuthState[]; kept: string[] };

/** Signed in, then the token is made invalid on the server (a logout elsewhere) so the next request gets 401. */
async function refusedSession(heldPassword: string | null): Promise<Probe> {
  const network = new Network();
  const api = new SyncApi(suite.url, network.fetch, {}, device.id);
  api.token = (await api.login({ username: USERNAME, password: DEMO_PASSWORD, device })).token;
  await api.logout();
  const states: AuthState[] = [];
  const kept: string[] = [];
  const session = new AuthSession({
    api,
    username: USERNAME,
    device,
    heldPassword,
    onAuthState: (state) => states.push(state),
    keepPassword: async (user: SessionUser, password: string) => {
      kept.push(`${user.id}:${password}`);
    },
  });
  return { session, api, network, states, kept };
}

const pull = (api: SyncApi) => () => api.pull('intakes', null, 1);
const logins = (network: Network) => network.count(/^POST \/api\/v1\/auth\/login$/);

describe('AuthSession against the server', () => {
  it('renews a refused token once with the password of an offline unlock and runs the requests again', async () => {
    const { session, api, network, states } = await refusedSession(DEMO_PASSWORD);
    const before = logins(network);
    // Two requests refused at the same moment share one login.
    const [a, b] = await Promise.all([session.withAuth(pull(api)), session.withAuth(pull(api))]);
    expect(a.documents).toBeDefined();
    expect(b.documents).toBeDefined();
    expect(logins(network) - before).toBe(1);
    expect(states).toEqual([{ state: 'ok' }]);

    // The password was used up: the next refusal is the user's to answer.
    await api.logout();
    await expect(session.withAuth(pull(api))).rejects.toMatchObject({ status: 401 });
    expect(logins(network) - before).toBe(1);
    expect(states.at(-1)).toEqual({ state: 'failed', code: 'token_expired', message: 'token_expired' });
  });

  it("runs a request refused for the token a sibling's renewal already replaced again, without a renewal of its own", async () => {
    const { session, api, network, states } = await refusedSession(DEMO_PASSWORD);
    const stale = api.token;
    const before = logins(network);
    let first = true;
    // Sent with the old token; the renewal answering a sibling's 401 lands before its own 401 comes back.
    const late = session.withAuth(async () => {
      if (!first) return api.pull('intakes', null, 1);
      first = false;
      const refused = api.pull('intakes', null, 1);
      refused.catch(() => {}); // handled below, once the renewal is through
      await session.renew();
      return refused;
    });
    expect((await late).documents).toBeDefined();
    // A stream refused for the old token may open again at once: no second login (the password is used up).
    await expect(session.awaitToken(stale)).resolves.toBeUndefined();
    expect(logins(network) - before).toBe(1);
    expect(states).toEqual([{ state: 'ok' }]);
  });

  it('tries a held password the server refuses only once (each try counts towards the lock-out)', async () => {
    const { session, api, network, states } = await refusedSession('nicht-das-passwort');
    const before = logins(network);
    await expect(session.withAuth(pull(api))).rejects.toBeInstanceOf(ApiError);
    await expect(session.withAuth(pull(api))).rejects.toBeInstanceOf(ApiError);
    expect(logins(network) - before).toBe(1);
    expect(states[0]).toMatchObject({ state: 'failed', code: 'invalid_credentials' });
    expect(states[1]).toMatchObject({ state: 'failed', code: 'token_expired' });
  });

  it('lets a refused stream wait until the user signs in again, and keeps the accepted password', async () => {
    const { session, api, states, kept } = await refusedSession(null);
    let resumed = false;
    const waiting = session.awaitToken(api.token).then(() => (resumed = true));
    await expect.poll(() => states.length, { timeout: 15_000 }).toBe(1);
    expect(resumed).toBe(false);

    await expect(session.reauthenticate('falsch')).rejects.toBeInstanceOf(ApiError);
    expect(resumed).toBe(false);

    await session.reauthenticate(DEMO_PASSWORD);
    await waiting;
    expect(resumed).toBe(true);
    expect(kept).toEqual([`${USERNAME}:${DEMO_PASSWORD}`]);
    expect(states.at(-1)).toEqual({ state: 'ok' });
    expect((await session.withAuth(pull(api))).documents).toBeDefined();
  });

  it('lets a waiting stream go when the session ends', async () => {
    const { session, api } = await refusedSession(null);
    const waiting = session.awaitToken(api.token);
    session.end();
    await expect(waiting).resolves.toBeUndefined();
  });

  it('keeps the held password when the server answers the renewal with a 5xx (down or restarting), and renews later', async () => {
    const probe = await refusedSession(DEMO_PASSWORD);
    const { session, api, states } = probe;
    // A proxy's answer while the server restarts: the first login after the refusal gets 503.
    let failLogin = true;
    const inner = probe.network.fetch;
    (api as unknown as { fetchFn: typeof fetch }).fetchFn = async (input, init) => {
      if (failLogin && String(input).endsWith('/auth/login')) {
        failLogin = false;
        return new Response(JSON.stringify({ error: { code: 'server_unavailable', message: 'Neustart' } }), {
          status: 503,
          headers: { 'content-type': 'application/json' },
        });
      }
      return inner(input, init);
    };
    await expect(session.withAuth(pull(api))).rejects.toMatchObject({ status: 503 });
    expect(states).toEqual([]);
    // The server is back: the same password renews the token, nobody had to type it again.
    expect((await session.withAuth(pull(api))).documents).toBeDefined();
    expect(states).toEqual([{ state: 'ok' }]);
  });
});
