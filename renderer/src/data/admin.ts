import type { AdminDevice, AdminUser, AuditPage, CreateUserRequest } from '../../../shared/sync/protocol';
import type { SyncApi } from './http';

/** What an admin narrows the trail to: an action, the user who acted, Berlin days (yyyy-mm-dd); '' for any. */
export type AuditFilter = { action: string; actorId: string; from: string; to: string };
export type AuditQuery = Partial<AuditFilter> & { before?: number; limit?: number };

/**
 * The admin API of the server (server/admin/routes.ts, role admin, own office): accounts, devices, the audit
 * trail. Online only: nothing of it is kept on the device.
 */
export class AdminApi {
  constructor(
    private readonly api: SyncApi,
    /** Retries once with a new token after a 401 (the session's renewal). */
    private readonly withAuth: <T>(request: () => Promise<T>) => Promise<T>,
  ) {}

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.withAuth(async () => {
      const res = await this.api.request(method, path, { body });
      return (res.status === 204 ? undefined : await res.json()) as T;
    });
  }

  async users(): Promise<AdminUser[]> {
    return (await this.json<{ users: AdminUser[] }>('GET', '/admin/users')).users;
  }

  createUser(request: CreateUserRequest): Promise<AdminUser> {
    return this.json('POST', '/admin/users', request);
  }

  setPassword(userId: string, password: string): Promise<void> {
    return this.json('POST', `/admin/users/${encodeURIComponent(userId)}/password`, { password });
  }

  setDisabled(userId: string, disabled: boolean): Promise<void> {
    return this.json('POST', `/admin/users/${encodeURIComponent(userId)}/${disabled ? 'disable' : 'enable'}`);
  }

  async devices(): Promise<AdminDevice[]> {
    return (await this.json<{ devices: AdminDevice[] }>('GET', '/admin/devices')).devices;
  }

  revokeDevice(deviceId: string): Promise<void> {
    return this.json('POST', `/admin/devices/${encodeURIComponent(deviceId)}/revoke`);
  }

  /** A page of the trail, newest first: `before` is the last id of the page shown (docs/api.md). */
  audit(query: AuditQuery = {}): Promise<AuditPage> {
    const params = new URLSearchParams({ order: 'desc', limit: String(query.limit ?? 100) });
    for (const key of ['before', 'action', 'actorId', 'from', 'to'] as const) {
      const value = query[key];
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    return this.json('GET', `/admin/audit?${params}`);
  }

  /** The whole trail of the office as CSV (the server records the export before it starts). */
  async exportAudit(): Promise<{ fileName: string; csv: Blob }> {
    return this.withAuth(async () => {
      const res = await this.api.request('GET', '/admin/audit/export', { accept: 'text/csv' });
      const disposition = res.headers.get('content-disposition') ?? '';
      const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'audit-protokoll.csv';
      return { fileName, csv: await res.blob() };
    });
  }
}
