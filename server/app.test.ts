import type { AddressInfo } from 'node:net';

import type { FastifyInstance } from 'fastify';

import { login, makeIntakeBy, openStream, push, request } from '../test/support/api';
import { insertUser, openMigratedPglite } from '../test/support/pglite';
import { buildServer } from './app';
import type { Db } from './db/db';

/** The app in-process on PGlite: what the child-process tests can't time or see (heartbeats, shutdown). */
let db: Db;
let app: FastifyInstance;
let url: string;

beforeAll(async () => {
  db = await openMigratedPglite();
  await insertUser(db, { id: 'anna', officeId: 'segeberg', roles: ['oncall'], password: 'geheim' });
  app = await buildServer({ db, version: '9.9.9', heartbeatMs: 100 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app.close();
  await db.close();
});

it('reports the embedded storage and the given version', async () => {
  expect((await request(url, 'GET', '/health')).body).toEqual({ status: 'ok', version: '9.9.9', storage: 'pglite' });
});

it('sends heartbeat comments and ends a stream whose session expired', async () => {
  const session = await login(url, 'anna', { password: 'geheim' });
  const res = await fetch(`${url}/api/v1/sync/intakes/stream`, {
    headers: { authorization: `Bearer ${session.token}` },
  });
  const reader = res.body!.getReader();
  let text = '';
  while (!text.includes(': ping')) text += new TextDecoder().decode((await reader.read()).value);
  expect(text.startsWith('data: "RESYNC"\n\n')).toBe(true);
  await db.query("UPDATE sessions SET expires_at = now() - interval '1 second'");
  for (;;) {
    const { done } = await reader.read();
    if (done) break;
  }
});

it('delivers pushed documents to an open stream and ends streams when the server closes', async () => {
  const session = await login(url, 'anna', { password: 'geheim' });
  const stream = await openStream(url, session.token, 'intakes');
  expect(await stream.next()).toBe('RESYNC');
  const doc = makeIntakeBy(session.user);
  await push(url, session.token, 'intakes', [{ newDocumentState: doc }]);
  expect(await stream.next()).toEqual({ documents: [doc], checkpoint: { seq: expect.any(Number) } });
  await app.close();
  await vi.waitFor(() => expect(stream.ended).toBe(true), { timeout: 3_000 });
});

describe('a push reaches the streams of the instance that accepted it', () => {
  let quiet: FastifyInstance;
  let quietDb: Db;
  beforeAll(async () => {
    const real = await openMigratedPglite();
    await insertUser(real, { id: 'bea', officeId: 'segeberg', roles: ['oncall'], password: 'geheim' });
    // PostgreSQL's notifications never arrive (a slow or lost LISTEN connection); everything else is the real store.
    quietDb = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'listen') return () => Promise.resolve(() => Promise.resolve());
        return Reflect.get(target, prop, receiver);
      },
    });
    quiet = await buildServer({ db: quietDb, version: '9.9.9', heartbeatMs: 60_000 });
    await quiet.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await quiet.close();
    await quietDb.close();
  });

  it('without waiting for its own NOTIFY round trip', async () => {
    const base = `http://127.0.0.1:${(quiet.server.address() as AddressInfo).port}`;
    const session = await login(base, 'bea', { password: 'geheim' });
    const stream = await openStream(base, session.token, 'intakes');
    expect(await stream.next()).toBe('RESYNC');
    const doc = makeIntakeBy(session.user);
    await push(base, session.token, 'intakes', [{ newDocumentState: doc }]);
    expect(await stream.next()).toEqual({ documents: [doc], checkpoint: { seq: expect.any(Number) } });
  });
});
