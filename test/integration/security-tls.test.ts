import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';

import { Agent, fetch as undiciFetch } from 'undici';

import { DEMO_PASSWORD } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { type RunningServer, startServer } from '../support/server';

/** Transport: given a certificate and key the server speaks HTTPS only (issue 5). Self-signed cert made here. */
let db: TestDatabase;
let server: RunningServer;
let dir: string;
let ca: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'obhut-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=obhut-test',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  ca = readFileSync(join(dir, 'cert.pem'));
  db = await createTestDatabase();
  server = await startServer({
    databaseUrl: db.url,
    env: { OBHUT_TLS_CERT: join(dir, 'cert.pem'), OBHUT_TLS_KEY: join(dir, 'key.pem') },
  });
});

afterAll(async () => {
  await server?.stop();
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

it('announces an https URL and serves the API over TLS to a client that trusts the certificate', async () => {
  expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  const dispatcher = new Agent({ connect: { ca } });
  try {
    const health = await undiciFetch(`${server.url}/api/v1/health`, { dispatcher });
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', storage: 'postgres' });
    expect(health.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const login = await undiciFetch(`${server.url}/api/v1/auth/login`, {
      dispatcher,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'bereitschaft.segeberg',
        password: DEMO_PASSWORD,
        device: { id: 'tls-laptop', name: 'Laptop' },
      }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const pulled = await undiciFetch(`${server.url}/api/v1/sync/intakes/pull`, {
      dispatcher,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(pulled.status).toBe(200);
  } finally {
    await dispatcher.close();
  }
});

it('is refused by a client that does not trust the certificate, and does not speak plain HTTP', async () => {
  await expect(fetch(`${server.url}/api/v1/health`)).rejects.toThrow();
  await expect(fetch(`${server.url.replace('https:', 'http:')}/api/v1/health`)).rejects.toThrow();
});

it('refuses TLS older than 1.2', async () => {
  const { port } = new URL(server.url);
  const outcome = await new Promise<string>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: Number(port), ca, maxVersion: 'TLSv1.1', minVersion: 'TLSv1' });
    socket.once('secureConnect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (err) => resolve(`error: ${err.message}`));
  });
  expect(outcome).toMatch(/^error/);
});

it('does not start with a certificate but no key', async () => {
  await expect(
    startServer({
      databaseUrl: db.url,
      demo: false,
      env: { OBHUT_TLS_CERT: join(dir, 'cert.pem') },
      timeoutMs: 30_000,
    }),
  ).rejects.toThrow(/OBHUT_TLS_CERT und OBHUT_TLS_KEY/);
});
