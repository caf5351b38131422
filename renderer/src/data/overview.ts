import type { VerbundOverview } from '../../../shared/overview';
import type { SyncApi } from './http';

/**
 * The Verbund overview of the server (server/overview/, roles coordinator and supervisor): counts only. Online only:
 * nothing of it is kept on the device.
 */
export class OverviewApi {
  constructor(
    private readonly api: SyncApi,
    /** Retries once with a new token after a 401 (the session's renewal). */
    private readonly withAuth: <T>(request: () => Promise<T>) => Promise<T>,
  ) {}

  /** The figures of `from`..`to` (YYYY-MM-DD, Berlin days, both included). */
  get(from: string, to: string): Promise<VerbundOverview> {
    const params = new URLSearchParams({ from, to });
    return this.withAuth(
      async () => (await (await this.api.request('GET', `/overview?${params}`, {})).json()) as VerbundOverview,
    );
  }
}
