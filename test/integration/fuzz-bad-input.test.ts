import fc from 'fast-check';
import { Pool } from 'undici';

import { intakeWireSchema } from '../../shared/schema/intake';
import type { LoginResponse } from '../../shared/sync/protocol';
import { DEMO_PASSWORD, login, makeIntake, pullAll, push } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { runAuditVerify } from '../support/security';
import { type RunningServer, startServer } from '../support/server';

/**
 * Show 2 of issue 5: over 10,000 generated bad inputs to login, push and pull (wrong types, huge strings, deep
 * nesting, `__proto__` keys, invalid UTF-8 sent raw, injection strings). No answer may be a 5xx, nothing may be
 * stored, and the server must work normally afterwards. Inputs come from a fixed seed (override with
 * OBHUT_FUZZ_SEED) so that a failure can be replayed.
 *
 * The server runs with a very high per-address login limit: with the default (50), every login after the first
 * 50 failures would be answered 429 before reaching the password check, and the fuzzing would stop at the door.
 */
const SEED = Number(process.env.OBHUT_FUZZ_SEED ?? 20251125);
const PER_ENDPOINT = 3_400;
const CONCURRENCY = 16;

let db: TestDatabase;
let server: RunningServer;
let pool: Pool;
let session: LoginResponse;

type Probe = {
  what: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
};

const enc = (s: string) => Buffer.from(s, 'utf8');
/** Percent-encodes every UTF-8 byte (encodeURIComponent throws on lone surrogates). */
const q = (s: string) =>
  [...Buffer.from(s.slice(0, 2_000), 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const sample = <T>(arb: fc.Arbitrary<T>, n: number, offset: number): T[] =>
  fc.sample(arb, { numRuns: n, seed: SEED + offset });

// --- building blocks -------------------------------------------------------------------------------------------

const INJECTIONS = [
  "' OR '1'='1",
  "admin'--",
  "'; DROP TABLE users; --",
  '"; DROP TABLE documents; --',
  '1; SELECT pg_sleep(5)',
  '$1',
  '${jndi:ldap://x/a}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFFx',
  '\uFFFE',
  '\u202Eevil',
  '\u200B',
  '𝕏𝕐',
  '__proto__',
  'constructor',
  'prototype',
  '{{7*7}}',
  '$(rm -rf /)',
  '\\',
  '\\u0000',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '０',
  ' ',
  '',
  'bereitschaft.segeberg\u0000',
  'BEREITSCHAFT.SEGEBERG ',
  'ä'.repeat(300),
];
/** Any UTF-16 code unit, lone surrogates and NUL included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 3, arbitrary: fc.string({ unit: anyUnit, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 70_000 }).map((n) => 'x'.repeat(n)) },
);
const deepJson = fc
  .integer({ min: 40, max: 20_000 })
  .chain((n) => fc.constantFrom('['.repeat(n) + ']'.repeat(n), '{"a":'.repeat(n) + '1' + '}'.repeat(n)));
const notAString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(nastyString, fc.jsonValue(), { maxKeys: 3 }),
);
/** Raw bytes that are not valid UTF-8, for the middle of a JSON string. */
const badUtf8 = fc.constantFrom(
  Buffer.from([0xc3, 0x28]),
  Buffer.from([0xff]),
  Buffer.from([0xfe, 0xfe]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xe2, 0x82]),
  Buffer.from([0x80]),
);
const PROTO_BODIES = [
  '{"__proto__": {"admin": true}, "username": "a", "password": "b", "device": {"id": "d", "name": "n"}}',
  '{"constructor": {"prototype": {"admin": true}}, "username": "a", "password": "b", "device": {"id": "d", "name": "n"}}',
  '[{"newDocumentState": {"id": "x", "__proto__": {"officeId": "segeberg"}}}]',
  '[{"__proto__": {"newDocumentState": {}}}]',
  '{"username": {"__proto__": []}, "password": "x", "device": {"id": "d", "name": "n"}}',
];
const garbageText = fc.oneof(
  fc.string({ unit: anyUnit, maxLength: 200 }),
  fc.constantFrom(
    '{',
    '[',
    '{"username":',
    'null',
    'true',
    '1',
    '""',
    '[]',
    '{}',
    '{"a":1}{"b":2}',
    '\u0000',
    'NaN',
    ...PROTO_BODIES,
  ),
  deepJson,
);
const JSON_HEADERS = { 'content-type': 'application/json' };
const otherContentType = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=latin1',
  '',
);

// --- login -----------------------------------------------------------------------------------------------------

const validDevice = { id: 'fuzz-geraet', name: 'Fuzz-Laptop' };
const loginProbes = (): Probe[] => {
  const path = '/api/v1/auth/login';
  const wrongShape = fc
    .record(
      {
        username: fc.oneof(nastyString, notAString),
        password: fc.oneof(nastyString, notAString),
        device: fc.oneof(
          notAString,
          fc.record({ id: fc.oneof(nastyString, notAString), name: fc.oneof(nastyString, notAString) }),
        ),
      },
      { requiredKeys: [] },
    )
    .map((body): Probe => ({
      what: 'login shape',
      method: 'POST',
      path,
      headers: JSON_HEADERS,
      body: JSON.stringify(body),
    }));
  // Right shape, hostile strings: these reach the database and the password check (the expensive part), so fewer.
  const hostileCredentials = fc
    .record({
      username: nastyString.filter((s) => s.length > 0 && s.length <= 200),
      password: nastyString.filter((s) => s.length > 0 && s.length <= 1024),
    })
    .map((c): Probe => ({
      what: 'login credentials',
      method: 'POST',
      path,
      headers: JSON_HEADERS,
      body: JSON.stringify({ ...c, device: validDevice }),
    }));
  const raw = garbageText.map((body): Probe => ({
    what: 'login raw',
    method: 'POST',
    path,
    headers: JSON_HEADERS,
    body,
  }));
  const invalidUtf8 = fc
    .tuple(badUtf8, fc.constantFrom('username', 'password', 'name'))
    .map(([bytes, field]): Probe => {
      const values: Record<string, string> = {
        username: 'fuzz',
        password: 'fuzz-passwort',
        name: 'Laptop',
        [field]: 'FUZZ-A',
      };
      const text = JSON.stringify({
        username: values.username,
        password: values.password,
        device: { id: 'fuzz-geraet', name: values.name },
      });
      const [before, after] = text.split('FUZZ-A');
      return {
        what: 'login invalid utf-8',
        method: 'POST',
        path,
        headers: JSON_HEADERS,
        body: Buffer.concat([enc(before), bytes, enc(after)]),
      };
    });
  const contentType = fc.tuple(otherContentType, garbageText).map(([type, body]): Probe => ({
    what: 'login content type',
    method: 'POST',
    path,
    headers: type ? { 'content-type': type } : {},
    body,
  }));
  const huge = fc.integer({ min: 65 * 1024, max: 2 * 1024 * 1024 }).map((n): Probe => ({
    what: 'login huge',
    method: 'POST',
    path,
    headers: JSON_HEADERS,
    body: JSON.stringify({ username: 'x'.repeat(n), password: 'y', device: validDevice }),
  }));
  return [
    ...sample(wrongShape, 1_740, 1),
    ...sample(hostileCredentials, 120, 2),
    ...sample(raw, 900, 3),
    ...sample(invalidUtf8, 100, 4),
    ...sample(contentType, 500, 5),
    ...sample(huge, 40, 6),
  ];
};

// --- push ------------------------------------------------------------------------------------------------------

const REQUIRED = intakeWireSchema.required.filter((f) => f !== 'id');
const KNOWN = new Set(Object.keys(intakeWireSchema.properties));
/** A value of another JSON type than `original`, so the field can't stay valid. */
const otherType = (original: unknown) =>
  notAString.filter(
    (v) =>
      typeof v !== typeof original ||
      Array.isArray(v) !== Array.isArray(original) ||
      (v === null) !== (original === null),
  );

/** One intake that is invalid by construction: every mutation here breaks the schema or the authorisation. */
const brokenIntake = fc.oneof(
  fc.constantFrom(...Object.keys(makeIntake('segeberg')).filter((k) => k !== 'id')).chain((field) => {
    const doc = makeIntake('segeberg');
    return otherType((doc as Record<string, unknown>)[field]).map((v) => ({ ...doc, [field]: v }));
  }),
  fc.constantFrom(...REQUIRED).map((field) => {
    const doc: Record<string, unknown> = { ...makeIntake('segeberg') };
    delete doc[field];
    return doc;
  }),
  fc
    .tuple(
      nastyString.filter((k) => !KNOWN.has(k)),
      fc.jsonValue(),
    )
    .map(([key, value]) => ({ ...makeIntake('segeberg'), [key]: value })),
  fc
    .tuple(fc.constantFrom('status', 'initiatedBy', 'officeId'), nastyString)
    .map(([field, value]) => ({ ...makeIntake('segeberg'), [field]: value })),
  fc
    .integer({ min: 201, max: 300_000 })
    .map((n) => ({ ...makeIntake('segeberg'), child: { firstName: 'x'.repeat(n), lastName: 'Fuzz' } })),
  nastyString.filter((s) => !/^[A-Za-z0-9_-]{1,64}$/.test(s)).map((id) => ({ ...makeIntake('segeberg'), id })),
  fc.constant(null).map(() => makeIntake('stormarn')),
  fc
    .integer({ min: 40, max: 3_000 })
    .map((n) => ({ ...makeIntake('segeberg'), situation: JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown })),
);

const pushProbes = (token: string): Probe[] => {
  const auth = { ...JSON_HEADERS, authorization: `Bearer ${token}` };
  const path = '/api/v1/sync/intakes/push';
  const rows = fc
    .array(
      fc.record(
        {
          newDocumentState: brokenIntake,
          assumedMasterState: fc.option(fc.oneof(brokenIntake, notAString), { nil: undefined }),
        },
        { requiredKeys: ['newDocumentState'] },
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((body): Probe => ({ what: 'push rows', method: 'POST', path, headers: auth, body: JSON.stringify(body) }));
  const envelope = fc
    .oneof(
      fc.jsonValue(),
      fc.array(fc.oneof(notAString, fc.record({ newDocumentState: notAString })), { minLength: 1, maxLength: 3 }),
    )
    .filter((b) => !(Array.isArray(b) && b.length === 0))
    .map((body): Probe => ({ what: 'push envelope', method: 'POST', path, headers: auth, body: JSON.stringify(body) }));
  const raw = garbageText.map((body): Probe => ({ what: 'push raw', method: 'POST', path, headers: auth, body }));
  const invalidUtf8 = badUtf8.map((bytes): Probe => {
    // Bytes in the situation (free text: would be valid) and in the status (an enum: never valid).
    const text = JSON.stringify([
      { newDocumentState: { ...makeIntake('segeberg'), situation: 'FUZZ-A', status: 'FUZZ-B' } },
    ]);
    const [a, rest] = text.split('FUZZ-A');
    const [b, c] = rest.split('FUZZ-B');
    return {
      what: 'push invalid utf-8',
      method: 'POST',
      path,
      headers: auth,
      body: Buffer.concat([enc(a), bytes, enc(b), bytes, enc(c)]),
    };
  });
  const badAuth = fc
    .tuple(
      fc.oneof(
        nastyString,
        fc.constant(`Bearer ${'A'.repeat(43)}`),
        fc.constant(`Basic ${token}`),
        fc.constant(`Bearer ${token}x`),
      ),
      brokenIntake,
    )
    .map(([authorization, doc]): Probe => ({
      what: 'push bad token',
      method: 'POST',
      path,
      headers: { ...JSON_HEADERS, authorization: authorization.replace(/[^\x20-\x7e]/g, '?') },
      body: JSON.stringify([{ newDocumentState: doc }]),
    }));
  const badCollection = fc
    .tuple(
      nastyString.filter((s) => !['intakes', 'entries', 'facilities', 'holds'].includes(s)),
      brokenIntake,
    )
    .map(([name, doc]): Probe => ({
      what: 'push collection',
      method: 'POST',
      path: `/api/v1/sync/${q(name.slice(0, 200)) || '%20'}/push`,
      headers: auth,
      body: JSON.stringify([{ newDocumentState: doc }]),
    }));
  return [
    ...sample(rows, 1_200, 11),
    ...sample(envelope, 700, 12),
    ...sample(raw, 700, 13),
    ...sample(invalidUtf8, 200, 14),
    ...sample(badAuth, 300, 15),
    ...sample(badCollection, 300, 16),
  ];
};

// --- pull ------------------------------------------------------------------------------------------------------

const BAD_PERCENT = [
  '%C3%28',
  '%FF',
  '%ED%A0%80',
  '%F8%88%80%80%80',
  '%C0%AF',
  '%E2%82',
  '%80',
  '%',
  '%zz',
  '%00',
  '%u0000',
];
const pullProbes = (token: string): Probe[] => {
  const auth = { authorization: `Bearer ${token}` };
  const checkpoint = fc
    .oneof(
      nastyString,
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record({ seq: fc.oneof(notAString, fc.constantFrom(-1, 1.5, 2 ** 53, -0, 1e308)) })
        .map((v) => JSON.stringify(v)),
      deepJson.map((s) => s.slice(0, 2_000)),
    )
    .map((cp): Probe => ({
      what: 'pull checkpoint',
      method: 'GET',
      path: `/api/v1/sync/intakes/pull?checkpoint=${q(cp)}`,
      headers: auth,
    }));
  const limit = fc
    .oneof(
      nastyString,
      fc.double().map(String),
      fc.integer().map(String),
      fc.constantFrom('0', '1001', '-1', '1e3', '0x10', '10 ', ' 10', '１０'),
    )
    .map((l): Probe => ({
      what: 'pull limit',
      method: 'GET',
      path: `/api/v1/sync/intakes/pull?limit=${q(l)}`,
      headers: auth,
    }));
  const params = fc
    .array(
      fc.tuple(
        fc.constantFrom('checkpoint', 'limit', 'token', '__proto__', 'constructor', 'x'),
        fc.oneof(nastyString, fc.constantFrom(...BAD_PERCENT)),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((pairs): Probe => ({
      what: 'pull params',
      method: 'GET',
      path: `/api/v1/sync/intakes/pull?${pairs.map(([k, v]) => `${k}=${BAD_PERCENT.includes(v) ? v : q(v)}`).join('&')}`,
      headers: auth,
    }));
  const collection = fc.oneof(nastyString.map(q), fc.constantFrom(...BAD_PERCENT)).map((name): Probe => ({
    what: 'pull collection',
    method: 'GET',
    path: `/api/v1/sync/${name || '%20'}/pull`,
    headers: auth,
  }));
  const badAuth = fc
    .oneof(
      nastyString,
      fc.constant(`Bearer ${'B'.repeat(43)}`),
      fc.constant(`bearer ${token}`),
      fc.constant(`Bearer  ${token} extra`),
    )
    .map((a): Probe => ({
      what: 'pull bad token',
      method: 'GET',
      path: '/api/v1/sync/intakes/pull',
      headers: { authorization: a.replace(/[^\x20-\x7e]/g, '?').slice(0, 4_000) },
    }));
  return [
    ...sample(checkpoint, 1_200, 21),
    ...sample(limit, 700, 22),
    ...sample(params, 700, 23),
    ...sample(collection, 400, 24),
    ...sample(badAuth, 400, 25),
  ];
};

// --- running ---------------------------------------------------------------------------------------------------

async function snapshot() {
  const [row] = await db.query<Record<string, string>>(`SELECT
    (SELECT count(*) FROM documents) AS documents,
    (SELECT md5(coalesce(string_agg(collection || id || data::text, ',' ORDER BY collection, id), '')) FROM documents) AS data,
    (SELECT md5(coalesce(string_agg(collection || seq, ',' ORDER BY collection), '')) FROM feeds) AS feeds,
    (SELECT md5(coalesce(string_agg(u::text, ',' ORDER BY id), '')) FROM users u) AS users,
    (SELECT count(*) FROM devices) AS devices,
    (SELECT count(*) FROM sessions) AS sessions`);
  return row;
}

async function send(probes: Probe[]) {
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  const slowest = new Map<string, { n: number; ms: number }>();
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const probe = probes[next++];
      const t0 = performance.now();
      try {
        const res = await pool.request({
          method: probe.method,
          path: probe.path,
          headers: probe.headers,
          body: probe.body,
        });
        const text = await res.body.text();
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const kind = slowest.get(probe.what) ?? { n: 0, ms: 0 };
        slowest.set(probe.what, { n: kind.n + 1, ms: kind.ms + performance.now() - t0 });
        if (res.statusCode >= 500)
          failures.push(
            `${res.statusCode} ${probe.what} ${probe.path} ${String(probe.body).slice(0, 300)} -> ${text.slice(0, 300)}`,
          );
        if (
          res.statusCode >= 400 &&
          res.statusCode < 500 &&
          res.headers['content-type']?.toString().startsWith('application/json')
        ) {
          const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
          if (typeof body.error?.code !== 'string' || typeof body.error?.message !== 'string')
            failures.push(`no error body: ${probe.what} ${text.slice(0, 200)}`);
        }
      } catch (err) {
        failures.push(`${(err as Error).message} ${probe.what} ${probe.path}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const perKind = [...slowest].map(([what, { n, ms }]) => `${what}: ${n} × ${(ms / n).toFixed(1)} ms`).join(', ');
  return { failures, perKind, statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)) };
}

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServer({ databaseUrl: db.url, env: { OBHUT_LOGIN_ADDRESS_MAX_FAILURES: '1000000' } });
  pool = new Pool(server.url, { connections: CONCURRENCY, pipelining: 1 });
  session = await login(server.url, 'bereitschaft.segeberg', { deviceId: 'fuzz-sitzung' });
});

afterAll(async () => {
  await pool?.close();
  await server?.stop();
  await db?.drop();
});

it(`answers ${3 * PER_ENDPOINT}+ generated bad inputs with 4xx only, stores nothing, and keeps working`, async () => {
  const probes = [...loginProbes(), ...pushProbes(session.token), ...pullProbes(session.token)];
  expect(probes.length).toBeGreaterThanOrEqual(10_000);
  // Interleave the three endpoints so they hit the server at the same time.
  const mixed = fc.sample(fc.shuffledSubarray(probes, { minLength: probes.length, maxLength: probes.length }), {
    numRuns: 1,
    seed: SEED,
  })[0];
  const before = await snapshot();
  const started = performance.now();
  const { failures, statuses, perKind } = await send(mixed);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `fuzz: ${mixed.length} Anfragen in ${seconds.toFixed(1)} s, Status: ${JSON.stringify(statuses)}\n${perKind}`,
  );

  expect(failures.slice(0, 40), `${failures.length} Fehler`).toEqual([]);
  expect(Object.keys(statuses).every((s) => Number(s) < 500)).toBe(true);
  expect(await snapshot()).toEqual(before);
  expect(server.output()).not.toMatch(/Unerwarteter Fehler|"level":50/);

  // Healthy: health, a real login, a valid push and its pull, and an intact audit chain with all those rows.
  expect((await pool.request({ method: 'GET', path: '/api/v1/health' })).statusCode).toBe(200);
  const fresh = await login(server.url, 'leitung.segeberg', { password: DEMO_PASSWORD });
  const doc = makeIntake('segeberg', { createdBy: fresh.user.id, updatedBy: fresh.user.id });
  expect(await push(server.url, fresh.token, 'intakes', [{ newDocumentState: doc }])).toEqual({
    conflicts: [],
    rejected: [],
  });
  expect((await pullAll(server.url, fresh.token, 'intakes')).documents.map((d) => d.id)).toContain(doc.id);
  const verified = await runAuditVerify(db.url);
  expect(verified.code, verified.output).toBe(0);
}, 300_000);
