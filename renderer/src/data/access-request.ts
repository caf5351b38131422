import type { AccessAnswer, AccessRequest } from '../../../shared/privacy/access-request';
import type { SyncApi } from './http';

/**
 * A person's request for information (Art. 15 DSGVO, § 83 SGB X), answered by the server for the supervisor's own
 * office (server/privacy/access-request.ts), which audits the production. Online only: the answer is personal data
 * of the moment, nothing of it is kept on the device.
 */
export class AccessRequestApi {
  constructor(
    private readonly api: SyncApi,
    /** Retries once with a new token after a 401 (the session's renewal). */
    private readonly withAuth: <T>(request: () => Promise<T>) => Promise<T>,
  ) {}

  answer(request: AccessRequest): Promise<AccessAnswer> {
    return this.withAuth(
      async () =>
        (await (await this.api.request('POST', '/privacy/access-request', { body: request })).json()) as AccessAnswer,
    );
  }
}
