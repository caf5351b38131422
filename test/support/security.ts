import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

import { hashPassword } from '../../server/auth/password';
import type { AdminDevice, AdminUser, AuditPage, CreateUserRequest } from '../../shared/sync/protocol';
import { type RawResponse, request } from './api';
import type { TestDatabase } from './pg';
import { FAST_KDF } from './pglite';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A password the policy accepts (12+ characters, not common, no user name in it). */
export const GOOD_PASSWORD = 'Leuchtturm am Deich 7';

/** The first admin of an office, straight into the database (as an operator would bootstrap one). */
export async function insertAdmin(db: TestDatabase, username: string, officeId: string, password = GOOD_PASSWORD) {
  await insertUser(db, username, officeId, ['admin'], password);
}

/** An account straight into the database, as `npm run user:add` creates one (the only way to a Verbund role). */
export async function insertUser(
  db: TestDatabase,
  username: string,
  officeId: string,
  roles: string[],
  password = GOOD_PASSWORD,
) {
  await db.query(
    'INSERT INTO users (id, username, display_name, office_id, roles, password_hash) VALUES ($1, $2, $3, $4, $5, $6)',
    [
      randomUUID(),
      username,
      `${roles.includes('admin') ? 'Admin' : username} ${officeId}`,
      officeId,
      roles,
      await hashPassword(password, FAST_KDF),
    ],
  );
}

/** The admin API (beyond the replication protocol of docs/api.md; see server/authz/routes.ts). */
export function adminApi(url: string, token: string, deviceId?: string) {
  const headers = deviceId ? { 'x-obhut-device': deviceId } : undefined;
  const call = <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<RawResponse<T>> =>
    request<T>(url, method, path, { token, body, headers });
  return {
    listUsers: (officeId?: string) =>
      call<{ users: AdminUser[] }>('GET', `/admin/users${officeId ? `?officeId=${officeId}` : ''}`),
    createUser: (user: CreateUserRequest) => call<AdminUser>('POST', '/admin/users', user),
    setPassword: (id: string, password: string) =>
      call('POST', `/admin/users/${encodeURIComponent(id)}/password`, { password }),
    disable: (id: string) => call('POST', `/admin/users/${encodeURIComponent(id)}/disable`),
    enable: (id: string) => call('POST', `/admin/users/${encodeURIComponent(id)}/enable`),
    listDevices: (officeId?: string) =>
      call<{ devices: AdminDevice[] }>('GET', `/admin/devices${officeId ? `?officeId=${officeId}` : ''}`),
    revokeDevice: (id: string) => call('POST', `/admin/devices/${encodeURIComponent(id)}/revoke`),
    readAudit: (query = '') => call<AuditPage>('GET', `/admin/audit${query}`),
    exportAudit: (query = '') => call<string>('GET', `/admin/audit/export${query}`),
  };
}

/** `npm run audit:verify` against a database, as a child process: exit code and everything it printed. */
export function runAuditVerify(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, DATABASE_URL: databaseUrl, ...extraEnv };
    const child = spawn('npm', ['run', '--silent', 'audit:verify'], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/** Runs `sql` on the test database with the append-only trigger switched off, as a database owner could. */
export async function tamperWithAudit(db: TestDatabase, sql: string, params: unknown[] = []): Promise<void> {
  await db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
  try {
    await db.query(sql, params);
  } finally {
    await db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  }
}
