import { mkdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';

import { buildServer, DEFAULT_ALLOWED_ORIGINS } from './app';
import { parseSigningKey, startHeadExport } from './audit/signed-heads';
import type { Db } from './db/db';
import { migrate } from './db/migrate';
import { openPostgres } from './db/postgres';
import { currentRole, grantAppRole } from './db/roles';
import { DEMO_PASSWORD, seedDemo } from './seed/demo';
import { allCollections } from './sync/collections';
import { ensureFeeds } from './sync/push';
import { startHoldSweep } from './sync/sweep';

/** `npm run server`: the replication endpoint alone (docs/api.md, "Running it"). */
async function main() {
  const env = process.env;
  const host = env.HOST || '127.0.0.1';
  const port = env.PORT ? Number(env.PORT) : 3000;
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  const allowedOrigins = env.OBHUT_ALLOWED_ORIGINS
    ? env.OBHUT_ALLOWED_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter(Boolean)
    : DEFAULT_ALLOWED_ORIGINS;

  const logger = { level: env.LOG_LEVEL || 'info', redact: ['req.headers.authorization'] };
  // HTTPS when given a certificate chain and key (PEM files); both or neither.
  if (Boolean(env.OBHUT_TLS_CERT) !== Boolean(env.OBHUT_TLS_KEY)) {
    throw new Error('OBHUT_TLS_CERT und OBHUT_TLS_KEY müssen zusammen gesetzt werden');
  }
  const https = env.OBHUT_TLS_CERT
    ? { cert: await readFile(env.OBHUT_TLS_CERT), key: await readFile(env.OBHUT_TLS_KEY!) }
    : undefined;
  const trustProxy = env.OBHUT_TRUST_PROXY === 'true' ? true : env.OBHUT_TRUST_PROXY || false;
  const addressMaxFailures = env.OBHUT_LOGIN_ADDRESS_MAX_FAILURES
    ? Number(env.OBHUT_LOGIN_ADDRESS_MAX_FAILURES)
    : undefined;
  if (addressMaxFailures !== undefined && !(Number.isInteger(addressMaxFailures) && addressMaxFailures > 0)) {
    throw new Error('OBHUT_LOGIN_ADDRESS_MAX_FAILURES muss eine positive ganze Zahl sein');
  }
  let db: Db;
  if (env.DATABASE_URL) {
    db = openPostgres(env.DATABASE_URL, {
      warn: (obj, msg) => console.error(JSON.stringify({ level: 40, ...obj, msg })),
      info: (obj, msg) => console.log(JSON.stringify({ level: 30, ...obj, msg })),
    });
  } else {
    const dataDir = env.OBHUT_DATA_DIR || 'data';
    await mkdir(dataDir, { recursive: true });
    // Loaded only when needed: the WASM build is large and a PostgreSQL deployment never uses it.
    const { openPglite } = await import('./db/pglite');
    db = await openPglite(dataDir);
  }
  if (env.OBHUT_OWNER_DATABASE_URL) {
    // Owner and application role apart (docs/admin.md): the owner migrates, the app may only append to the audit.
    const owner = openPostgres(env.OBHUT_OWNER_DATABASE_URL);
    try {
      await migrate(owner);
      await grantAppRole(owner, await currentRole(db));
    } finally {
      await owner.close();
    }
  } else {
    await migrate(db);
  }
  await ensureFeeds(
    db,
    allCollections.map((c) => c.name),
  );
  // Only when asked for: an embedded store must never come up with a published password by accident.
  const demo = env.OBHUT_DEMO === '1';
  if (demo) await seedDemo(db);

  const app = await buildServer({
    db,
    version: pkg.version,
    allowedOrigins,
    logger,
    https,
    trustProxy,
    requireDeviceHeader: env.OBHUT_REQUIRE_DEVICE_HEADER === '1',
    requestTimeoutMs: env.OBHUT_REQUEST_TIMEOUT_MS ? Number(env.OBHUT_REQUEST_TIMEOUT_MS) : undefined,
    loginPolicy: addressMaxFailures ? { addressMaxFailures } : {},
  });
  await app.listen({ host, port, listenTextResolver: () => 'Listener gestartet' });
  const stopHeadExport = startSignedHeadExport(db, env, (err) =>
    app.log.error({ err }, 'Signierter Kettenkopf konnte nicht exportiert werden'),
  );
  const stopSweep = startHoldSweep(
    db,
    (err) => app.log.warn({ err }, 'Abgelaufene Reservierungen konnten nicht geschrieben werden'),
    env.OBHUT_HOLD_SWEEP_MS ? Number(env.OBHUT_HOLD_SWEEP_MS) : undefined,
  );
  // The handlers before the ready line: a supervisor (or a test) may send SIGTERM as soon as it reads it.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'Server wird beendet');
    try {
      stopSweep();
      await stopHeadExport();
      await app.close();
      await db.close();
      process.exit(0);
    } catch (err) {
      console.error(err);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  const { port: actualPort } = app.server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  if (demo) {
    console.log(
      `Demo-Modus: Benutzer bereitschaft.<amt>, leitung.<amt>, koordination, admin – Passwort: ${DEMO_PASSWORD}`,
    );
  }
  console.log(`Obhut-Server bereit: ${https ? 'https' : 'http'}://${shownHost}:${actualPort} (${db.storage})`);
}

/** With OBHUT_AUDIT_SIGNING_KEY and OBHUT_AUDIT_HEADS_FILE: signed chain heads outside the database. */
function startSignedHeadExport(db: Db, env: NodeJS.ProcessEnv, onError: (err: unknown) => void) {
  if (!env.OBHUT_AUDIT_SIGNING_KEY || !env.OBHUT_AUDIT_HEADS_FILE) return () => Promise.resolve();
  const key = parseSigningKey(env.OBHUT_AUDIT_SIGNING_KEY);
  const intervalMs = env.OBHUT_AUDIT_HEAD_EXPORT_MS ? Number(env.OBHUT_AUDIT_HEAD_EXPORT_MS) : 5 * 60_000;
  if (!(intervalMs >= 1000)) throw new Error('OBHUT_AUDIT_HEAD_EXPORT_MS muss mindestens 1000 sein');
  return startHeadExport(db, key, env.OBHUT_AUDIT_HEADS_FILE, intervalMs, onError);
}

main().catch((err) => {
  console.error('Obhut-Server konnte nicht starten:', err instanceof Error ? err.message : err);
  process.exit(1);
});
