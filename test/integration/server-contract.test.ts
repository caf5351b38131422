import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import type { IntakeWire } from '../../shared/schema/intake';
import type { ErrorBody, LoginResponse, PullResponse, PushResponse } from '../../shared/sync/protocol';
import {
  ApiFailure,
  DEMO_PASSWORD,
  documentsOf,
  login,
  logout,
  makeIntake,
  openStream,
  pull,
  pullAll,
  push,
  request,
} from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { type RunningServer, startServer } from '../support/server';

/** Every route of docs/api.md for `intakes`, against a server child process on a fresh PostgreSQL database. */
let db: TestDatabase;
let server: RunningServer;
let url: string;
let segeberg: LoginResponse; // bereitschaft.segeberg
let segebergLead: LoginResponse; // leitung.segeberg
let stormarn: LoginResponse; // bereitschaft.stormarn

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const intakeRow = (doc: IntakeWire, assumed?: IntakeWire) => ({
  newDocumentState: doc,
  ...(assumed ? { assumedMasterState: assumed } : {}),
});

async function storedState() {
  const [{ n, head }] = await db.query<{ n: string; head: string }>(
    "SELECT (SELECT count(*) FROM documents) AS n, (SELECT seq FROM feeds WHERE collection = 'intakes') AS head",
  );
  const digest = await db.query<{ d: string }>(
    "SELECT md5(coalesce(string_agg(data::text, ',' ORDER BY id), '')) AS d FROM documents",
  );
  return { count: Number(n), head: Number(head), digest: digest[0].d };
}

function expectError(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = res.body as ErrorBody;
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
}

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServer({ databaseUrl: db.url });
  url = server.url;
  [segeberg, segebergLead, stormarn] = await Promise.all([
    login(url, 'bereitschaft.segeberg'),
    login(url, 'leitung.segeberg'),
    login(url, 'bereitschaft.stormarn'),
  ]);
});

afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('health', () => {
  it('answers without a token with status, version and storage', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const res = await request(url, 'GET', '/health');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok', version: pkg.version, storage: 'postgres' } });
  });
});

describe('login and logout', () => {
  it('returns a token, its expiry and the user', async () => {
    expect(segeberg.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(segeberg.expiresAt).toBeGreaterThan(Date.now() + 3_600_000);
    expect(segeberg.user).toEqual({
      id: expect.any(String),
      username: 'bereitschaft.segeberg',
      displayName: expect.any(String),
      officeId: 'segeberg',
      roles: ['oncall'],
    });
    // Only a hash of the token is stored.
    const rows = await db.query('SELECT token_hash FROM sessions WHERE token_hash = $1', [segeberg.token]);
    expect(rows).toHaveLength(0);
    expect(await db.query('SELECT 1 FROM sessions WHERE token_hash = $1', [sha256(segeberg.token)])).toHaveLength(1);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const device = { id: 'dev-cred', name: 'Laptop' };
    const unknown = await request(url, 'POST', '/auth/login', { body: { username: 'niemand', password: 'x', device } });
    const wrong = await request(url, 'POST', '/auth/login', {
      body: { username: 'bereitschaft.pinneberg', password: 'falsch', device },
    });
    expectError(unknown, 401, 'invalid_credentials');
    expect(wrong).toEqual({ ...unknown, headers: wrong.headers });
  });

  it('refuses a malformed login request with 400', async () => {
    expectError(await request(url, 'POST', '/auth/login', { body: { username: 'admin' } }), 400, 'invalid_request');
    expectError(
      await request(url, 'POST', '/auth/login', {
        rawBody: '{"username":',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'invalid_json',
    );
  });

  it('locks a user after 10 failed attempts, refusing the right password too', async () => {
    const user = 'leitung.pinneberg';
    for (let i = 0; i < 10; i++) {
      await expect(login(url, user, { password: `falsch-${i}` })).rejects.toMatchObject({
        status: 401,
        code: 'invalid_credentials',
      });
    }
    const locked = await request(url, 'POST', '/auth/login', {
      body: { username: user, password: DEMO_PASSWORD, device: { id: 'dev-lock', name: 'Laptop' } },
    });
    expectError(locked, 429, 'too_many_attempts');
    // An unknown name locks the same way, so the lockout reveals no account.
    for (let i = 0; i < 10; i++) await expect(login(url, 'gibt.es.nicht')).rejects.toMatchObject({ status: 401 });
    await expect(login(url, 'gibt.es.nicht')).rejects.toMatchObject({ status: 429 });
    // Once the lock period is over, the right password works again.
    await db.query("UPDATE login_throttle SET locked_until = now() - interval '1 second'");
    await expect(login(url, user)).resolves.toMatchObject({ user: { username: user } });
  });

  it('kills the token at logout', async () => {
    const session = await login(url, 'bereitschaft.segeberg');
    await pull(url, session.token, 'intakes');
    const res = await request(url, 'POST', '/auth/logout', { token: session.token });
    expect(res.status).toBe(204);
    expectError(await request(url, 'GET', '/sync/intakes/pull', { token: session.token }), 401, 'unauthorized');
    expectError(await request(url, 'POST', '/auth/logout', { token: session.token }), 401, 'unauthorized');
  });

  it('refuses an expired token', async () => {
    const session = await login(url, 'bereitschaft.segeberg');
    await db.query("UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE token_hash = $1", [
      sha256(session.token),
    ]);
    expectError(await request(url, 'GET', '/sync/intakes/pull', { token: session.token }), 401, 'token_expired');
  });

  it('refuses a revoked device at once and at its next login', async () => {
    const deviceId = 'laptop-verloren';
    const session = await login(url, 'bereitschaft.segeberg', { deviceId });
    await db.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [deviceId]);
    expectError(await request(url, 'GET', '/sync/intakes/pull', { token: session.token }), 403, 'device_revoked');
    expectError(
      await request(url, 'POST', '/sync/intakes/push', {
        token: session.token,
        body: [intakeRow(makeIntake('segeberg'))],
      }),
      403,
      'device_revoked',
    );
    await expect(login(url, 'bereitschaft.segeberg', { deviceId })).rejects.toMatchObject({
      status: 403,
      code: 'device_revoked',
    });
    await expect(login(url, 'bereitschaft.segeberg', { deviceId: 'laptop-neu' })).resolves.toBeTruthy();
  });
});

describe('401 on every protected route', () => {
  const routes = [
    ['GET', '/sync/intakes/pull'],
    ['POST', '/sync/intakes/push'],
    ['GET', '/sync/intakes/stream'],
    ['POST', '/auth/logout'],
  ] as const;

  it.each(routes)('%s %s without a token, with a bad token, with a wrong scheme', async (method, path) => {
    const body = method === 'POST' && path.includes('push') ? [] : undefined;
    const before = await storedState();
    expectError(await request(url, method, path, { body }), 401, 'unauthorized');
    expectError(await request(url, method, path, { body, token: 'A'.repeat(43) }), 401, 'unauthorized');
    expectError(
      await request(url, method, path, { body, headers: { authorization: `Basic ${segeberg.token}` } }),
      401,
      'unauthorized',
    );
    expect(await storedState()).toEqual(before);
  });

  it('does not take a token from the URL', async () => {
    expectError(await request(url, 'GET', `/sync/intakes/pull?token=${segeberg.token}`), 401, 'unauthorized');
  });
});

describe('tenancy: a user of another office sees and changes nothing', () => {
  it('can neither pull, push over, receive in a conflict nor stream another office’s intakes', async () => {
    const theirs = makeIntake('segeberg', {
      child: { firstName: 'Geheim', lastName: 'Segebergerin', estimatedAge: 4 },
    });
    const stream = await openStream(url, stormarn.token, 'intakes');
    expect(await stream.next()).toBe('RESYNC');
    const ownStream = await openStream(url, segebergLead.token, 'intakes');
    expect(await ownStream.next()).toBe('RESYNC');
    expect(await push(url, segeberg.token, 'intakes', [intakeRow(theirs)])).toEqual({ conflicts: [], rejected: [] });

    // Pull from the start: nothing of Segeberg.
    const pulled = await pullAll<IntakeWire>(url, stormarn.token, 'intakes');
    expect(pulled.documents.length).toBeGreaterThan(0); // Stormarn's own demo intakes
    expect(pulled.documents.every((d) => d.officeId === 'stormarn')).toBe(true);
    expect(JSON.stringify(pulled)).not.toContain('Segebergerin');

    // Overwrite attempts, with and without a guessed assumed state, as Stormarn or pretending to be Segeberg.
    const before = await storedState();
    const attempts = [
      intakeRow({ ...theirs, officeId: 'stormarn', situation: 'übernommen' }),
      intakeRow({ ...theirs, situation: 'übernommen' }),
      intakeRow({ ...theirs, situation: 'übernommen' }, theirs),
      intakeRow(
        { ...theirs, officeId: 'stormarn', situation: 'übernommen' },
        { ...theirs, situation: 'falsch geraten' },
      ),
    ];
    const res = await push<IntakeWire>(url, stormarn.token, 'intakes', attempts);
    expect(res.conflicts).toEqual([]);
    expect(res.rejected).toHaveLength(4);
    expect(res.rejected.every((r) => r.id === theirs.id && r.code === 'other_office')).toBe(true);
    expect(JSON.stringify(res)).not.toContain('Segebergerin');
    expect(await storedState()).toEqual(before);

    // Nor can it plant a new intake into the other office.
    const planted = makeIntake('segeberg');
    const plant = await push(url, stormarn.token, 'intakes', [intakeRow(planted)]);
    expect(plant).toEqual({
      conflicts: [],
      rejected: [{ id: planted.id, code: 'other_office', message: expect.any(String) }],
    });
    expect(await storedState()).toEqual(before);

    // The colleague of the own office got it through the stream; the other office did not.
    const own = await ownStream.waitFor((e) => documentsOf(e).some((d) => d.id === theirs.id));
    expect(documentsOf(own).find((d) => d.id === theirs.id)).toEqual(theirs);
    await new Promise((r) => setTimeout(r, 500));
    expect(JSON.stringify(stream.events)).not.toContain(theirs.id);
    stream.close();
    ownStream.close();
  });

  it('gives case data only to on-call staff and supervisors', async () => {
    const coordinator = await login(url, 'koordination');
    expect((await pull(url, coordinator.token, 'intakes')).documents).toEqual([]);
    const res = await push(url, coordinator.token, 'intakes', [intakeRow(makeIntake(coordinator.user.officeId))]);
    expect(res.rejected.map((r) => r.code)).toEqual(['forbidden']);
  });
});

describe('bad input: a 4xx with the error shape and nothing stored', () => {
  const pushRaw = (rawBody: string | Uint8Array, contentType = 'application/json') =>
    request(url, 'POST', '/sync/intakes/push', {
      token: segeberg.token,
      rawBody,
      headers: { 'content-type': contentType },
    });

  let before: Awaited<ReturnType<typeof storedState>>;
  beforeEach(async () => {
    before = await storedState();
  });
  afterEach(async () => {
    expect(await storedState()).toEqual(before);
  });

  it('malformed JSON -> 400 invalid_json', async () => {
    expectError(await pushRaw('[{"newDocumentState": {"id": "x"'), 400, 'invalid_json');
    expectError(await pushRaw(''), 400, 'invalid_json');
    expectError(await pushRaw('[{"__proto__": {"x": 1}}]'), 400, 'invalid_json');
  });

  it('a request of the wrong shape -> 400 invalid_request', async () => {
    const doc = makeIntake('segeberg');
    for (const body of [
      { rows: [intakeRow(doc)] },
      'text',
      [doc],
      [{ newDocumentState: 'kaputt' }],
      [{ newDocumentState: { ...doc, id: 7 } }],
      [{ newDocumentState: doc, assumedMasterState: 5 }],
      [{ newDocumentState: doc, extra: true }],
      [intakeRow(makeIntake('segeberg')), null],
    ]) {
      expectError(
        await request(url, 'POST', '/sync/intakes/push', { token: segeberg.token, body }),
        400,
        'invalid_request',
      );
    }
  });

  it('wrong field types and unknown fields -> the row is rejected with a German reason, the rest stays untouched', async () => {
    const res = await push<IntakeWire>(url, segeberg.token, 'intakes', [
      intakeRow({ ...makeIntake('segeberg'), updatedAt: 'gestern' as unknown as number }),
      intakeRow({
        ...makeIntake('segeberg'),
        child: { firstName: 1, lastName: 'X' } as unknown as IntakeWire['child'],
      }),
      intakeRow({ ...makeIntake('segeberg'), internalNote: 'nicht im Schema' } as IntakeWire),
      intakeRow({ ...makeIntake('segeberg'), _deleted: 'nein' as unknown as boolean }),
    ]);
    expect(res.conflicts).toEqual([]);
    expect(res.rejected.map((r) => r.code)).toEqual([
      'validation_failed',
      'validation_failed',
      'unknown_field',
      'validation_failed',
    ]);
    expect(res.rejected[0].message).toContain('Geändert am');
    expect(res.rejected[1].message).toContain('Vorname');
    expect(res.rejected[2].message).toContain('internalNote');
  });

  it('501 rows -> 400 too_many_rows', async () => {
    const rows = Array.from({ length: 501 }, () => intakeRow(makeIntake('segeberg')));
    expectError(
      await request(url, 'POST', '/sync/intakes/push', { token: segeberg.token, body: rows }),
      400,
      'too_many_rows',
    );
  });

  it('a body over 5 MB -> 413 body_too_large', async () => {
    const doc = makeIntake('segeberg');
    const big = JSON.stringify([intakeRow({ ...doc, situation: 'x'.repeat(5 * 1024 * 1024) })]);
    // Again and again: the client must read the answer and its code, not a broken pipe.
    for (let i = 0; i < 10; i++) expectError(await pushRaw(big), 413, 'body_too_large');
  });

  it('a body that is not JSON -> 415 unsupported_media_type', async () => {
    expectError(await pushRaw('[]', 'text/plain'), 415, 'unsupported_media_type');
    expectError(await pushRaw('a=1', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type');
  });

  it('a bad checkpoint or limit -> 400', async () => {
    const get = (qs: string) => request(url, 'GET', `/sync/intakes/pull?${qs}`, { token: segeberg.token });
    for (const cp of ['{', '{"seq":-1}', '{"seq":"1"}', '[1]', '{"pos":1}']) {
      expectError(await get(`checkpoint=${encodeURIComponent(cp)}`), 400, 'invalid_checkpoint');
    }
    for (const limit of ['0', '1001', 'viele', '-1', '2.5'])
      expectError(await get(`limit=${limit}`), 400, 'invalid_limit');
    expectError(await get('limit=10&limit=20'), 400, 'invalid_limit');
    expectError(await get('checkpoint=%7B%22seq%22%3A1%7D&checkpoint=null'), 400, 'invalid_checkpoint');
  });

  it('an unknown collection -> 404 unknown_collection, an unknown route -> 404 not_found', async () => {
    expectError(await request(url, 'GET', '/sync/children/pull', { token: segeberg.token }), 404, 'unknown_collection');
    expectError(
      await request(url, 'POST', '/sync/children/push', { token: segeberg.token, body: [] }),
      404,
      'unknown_collection',
    );
    expectError(
      await request(url, 'GET', '/sync/children/stream', { token: segeberg.token }),
      404,
      'unknown_collection',
    );
    expectError(await request(url, 'GET', '/sync/intakes/everything', { token: segeberg.token }), 404, 'not_found');
    expectError(await request(url, 'GET', '/api/v2/health'), 404, 'not_found');
  });
});

describe('push and pull', () => {
  it('writes, reports conflicts against the stored state and keeps the winner', async () => {
    const doc = makeIntake('segeberg');
    await push(url, segeberg.token, 'intakes', [intakeRow(doc)]);
    const lead = { ...doc, situation: 'Leitung ergänzt', updatedAt: doc.updatedAt + 10, updatedBy: 'leitung.segeberg' };
    expect(await push(url, segebergLead.token, 'intakes', [intakeRow(lead, doc)])).toEqual({
      conflicts: [],
      rejected: [],
    });
    const mine = { ...doc, situation: 'Bereitschaft ergänzt', updatedAt: doc.updatedAt + 5 };
    expect(await push(url, segeberg.token, 'intakes', [intakeRow(mine, doc)])).toEqual({
      conflicts: [lead],
      rejected: [],
    });
    // Without an assumed state, an existing document is a conflict too.
    expect(await push(url, segeberg.token, 'intakes', [intakeRow(mine)])).toEqual({ conflicts: [lead], rejected: [] });
    const [row] = await db.query<{ data: IntakeWire }>(
      "SELECT data FROM documents WHERE collection = 'intakes' AND id = $1",
      [doc.id],
    );
    expect(row.data).toEqual(lead);
  });

  it('is idempotent: the same rows again change nothing', async () => {
    const a = makeIntake('segeberg');
    const b = makeIntake('segeberg');
    const rows = [intakeRow(a), intakeRow({ ...b, status: 'submitted' })];
    expect(await push(url, segeberg.token, 'intakes', rows)).toEqual({ conflicts: [], rejected: [] });
    const before = await storedState();
    expect(await push(url, segeberg.token, 'intakes', rows)).toEqual({ conflicts: [], rejected: [] });
    expect(await storedState()).toEqual(before);
  });

  it('enforces status transitions and completeness on submit', async () => {
    const doc = makeIntake('segeberg', { status: 'submitted' });
    await push(url, segeberg.token, 'intakes', [intakeRow(doc)]);
    const back = await push(url, segeberg.token, 'intakes', [intakeRow({ ...doc, status: 'draft' }, doc)]);
    expect(back.rejected).toEqual([
      { id: doc.id, code: 'invalid_transition', message: expect.stringContaining('Status') },
    ]);
    const empty = makeIntake('segeberg', { status: 'submitted', situation: '', initiatedBy: undefined });
    const res = await push(url, segeberg.token, 'intakes', [intakeRow(empty)]);
    expect(res.rejected).toEqual([
      {
        id: empty.id,
        code: 'incomplete_submission',
        message: 'Zur Vorlage fehlen noch Angaben: Angeregt durch, Situation (kurz).',
      },
    ]);
  });

  it('pages with checkpoints, returns the same checkpoint when caught up and replicates tombstones', async () => {
    const session = await login(url, 'bereitschaft.norderstedt');
    const start = await pullAll(url, session.token, 'intakes');
    const docs = Array.from({ length: 7 }, () => makeIntake('norderstedt'));
    await push(
      url,
      session.token,
      'intakes',
      docs.map((d) => intakeRow(d)),
    );
    const seen: string[] = [];
    let checkpoint = start.checkpoint;
    for (;;) {
      const page: PullResponse<IntakeWire> = await pull(url, session.token, 'intakes', { checkpoint, limit: 3 });
      seen.push(...page.documents.map((d) => d.id));
      if (page.documents.length < 3) {
        expect(page.checkpoint).toEqual(page.documents.length ? page.checkpoint : checkpoint);
        checkpoint = page.checkpoint;
        break;
      }
      checkpoint = page.checkpoint;
    }
    expect(seen).toEqual(docs.map((d) => d.id));
    const again = await pull(url, session.token, 'intakes', { checkpoint });
    expect(again).toEqual({ documents: [], checkpoint });

    const tombstone = { ...docs[2], _deleted: true, updatedAt: docs[2].updatedAt + 1 };
    await push(url, session.token, 'intakes', [intakeRow(tombstone, docs[2])]);
    const after = await pull<IntakeWire>(url, session.token, 'intakes', { checkpoint });
    expect(after.documents).toEqual([tombstone]);
    // Server bookkeeping never travels.
    expect(Object.keys(after.documents[0]).sort()).toEqual(Object.keys(tombstone).sort());
  });

  it('defaults the pull limit to 100', async () => {
    const session = await login(url, 'bereitschaft.herzogtum-lauenburg');
    const rows = Array.from({ length: 120 }, () => intakeRow(makeIntake('herzogtum-lauenburg')));
    await push(url, session.token, 'intakes', rows);
    expect((await pull(url, session.token, 'intakes')).documents).toHaveLength(100);
  });
});

describe('stream', () => {
  it('sends RESYNC on connect, then the documents a colleague pushes, with a checkpoint to pull on from', async () => {
    const res = await fetch(`${url}/api/v1/sync/intakes/stream`, {
      headers: { authorization: `Bearer ${segebergLead.token}` },
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await res.body?.cancel();

    const stream = await openStream<IntakeWire>(url, segebergLead.token, 'intakes');
    expect(await stream.next()).toBe('RESYNC');
    const doc = makeIntake('segeberg');
    await push(url, segeberg.token, 'intakes', [intakeRow(doc)]);
    const event = await stream.waitFor((e) => documentsOf(e).some((d) => d.id === doc.id));
    expect(event).toEqual({ documents: [doc], checkpoint: { seq: expect.any(Number) } });
    const rest = await pull(url, segebergLead.token, 'intakes', {
      checkpoint: event === 'RESYNC' ? null : event.checkpoint,
    });
    expect(rest.documents).toEqual([]);
    stream.close();
  });

  it('ends the stream at logout', async () => {
    const session = await login(url, 'leitung.segeberg');
    const stream = await openStream(url, session.token, 'intakes');
    expect(await stream.next()).toBe('RESYNC');
    await logout(url, session.token);
    await vi.waitFor(() => expect(stream.ended).toBe(true), { timeout: 5_000 });
  });

  it('refuses a stream without a valid token', async () => {
    await expect(openStream(url, 'B'.repeat(43), 'intakes')).rejects.toBeInstanceOf(ApiFailure);
  });
});

describe('CORS', () => {
  it('allows the Electron origin with the Authorization header and no unknown origin', async () => {
    const preflight = (origin: string) =>
      fetch(`${url}/api/v1/sync/intakes/pull`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const ok = await preflight('app://obhut');
    expect(ok.headers.get('access-control-allow-origin')).toBe('app://obhut');
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const evil = await preflight('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });
});

// Typed use of PushResponse keeps the helper's generic honest.
export type _Check = PushResponse<IntakeWire>;
