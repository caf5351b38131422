import { BehaviorSubject, filter, firstValueFrom } from 'rxjs';

import type { SessionUser } from '../../../shared/sync/protocol';
import { ApiError, type SyncApi } from './http';
import type { AuthState } from './sync-status';

export type AuthSessionOptions = {
  api: SyncApi;
  username: string;
  device: { id: string; name: string };
  /**
   * The password of an offline unlock, kept (never stored) until the server has seen it once: it renews the token
   * the session does not have yet. Null after an online login.
   */
  heldPassword: string | null;
  /** What the status bar says about the sign-in. */
  onAuthState: (state: AuthState) => void;
  /** A password the server accepted again: the device's key is wrapped with it from now on (vault.ts). */
  keepPassword: (user: SessionUser, password: string) => Promise<void>;
};

/**
 * The session's token: renewed once with the held password when the server refuses it (401), otherwise asked for
 * again from the user (`reauthenticate`). Every request of the session runs through `withAuth`; the streams wait in
 * `awaitToken` until a new token is there or the session ends.
 */
export class AuthSession {
  /** Counts the tokens this session has had: a waiter wakes on a higher count. */
  private readonly tokens$ = new BehaviorSubject(0);
  private readonly ended$ = new BehaviorSubject(false);
  private heldPassword: string | null;
  private renewing: Promise<boolean> | null = null;

  constructor(private readonly options: AuthSessionOptions) {
    this.heldPassword = options.heldPassword;
  }

  /** Runs `request`; after a 401 it renews the token where it can and runs it once more. */
  readonly withAuth = async <T>(request: () => Promise<T>): Promise<T> => {
    const sentWith = this.options.api.token;
    try {
      return await request();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401 && (this.renewedSince(sentWith) || (await this.renew()))) {
        return request();
      }
      throw err;
    }
  };

  /**
   * For a request refused with 401 that cannot simply be run again (a stream): resolves when it may try again.
   * `sentWith` is the token the refused request carried.
   */
  readonly awaitToken = async (sentWith: string | null): Promise<void> => {
    const seen = this.tokens$.value;
    if (this.renewedSince(sentWith) || (await this.renew())) return;
    await Promise.race([
      firstValueFrom(this.tokens$.pipe(filter((n) => n > seen))),
      firstValueFrom(this.ended$.pipe(filter(Boolean))),
    ]);
  };

  /**
   * A request sent before the renewal that answered its siblings' 401 was refused for the old token: it needs no
   * renewal of its own. Without this it asked for one after the held password was used up, waited for a token that
   * never came (a collection's stream stayed down for good: sync fuzzer seed 20260303) and told the status bar that
   * the sign-in had failed.
   */
  private renewedSince(sentWith: string | null): boolean {
    return this.options.api.token !== null && this.options.api.token !== sentWith;
  }

  /** One login with the held password for all the requests refused at once; false when there is none (any more). */
  renew(): Promise<boolean> {
    this.renewing ??= this.loginWithHeldPassword().finally(() => {
      this.renewing = null;
    });
    return this.renewing;
  }

  /** A password the user typed after the server refused the token (expired, or changed there). */
  async reauthenticate(password: string): Promise<void> {
    const { api, username, device } = this.options;
    const res = await api.login({ username, password, device });
    this.accepted(res.token);
    await this.options.keepPassword(res.user, password);
  }

  /** The session is over: whoever waits for a token stops waiting. */
  end(): void {
    this.ended$.next(true);
  }

  private async loginWithHeldPassword(): Promise<boolean> {
    const password = this.heldPassword;
    if (!password) {
      this.options.onAuthState({ state: 'failed', code: 'token_expired', message: 'token_expired' });
      return false;
    }
    const { api, username, device } = this.options;
    try {
      this.accepted((await api.login({ username, password, device })).token);
      return true;
    } catch (err) {
      // No answer, or a server that is down or restarting (5xx), says nothing about the password: the caller tries
      // again later. Dropping it here stranded a laptop unlocked offline for good (found by the sync fuzzer).
      if (!(err instanceof ApiError) || err.status >= 500) throw err;
      // Refused: do not try this password again, it would only count towards the lock-out.
      this.heldPassword = null;
      this.options.onAuthState({ state: 'failed', code: err.code, message: err.message });
      return false;
    }
  }

  private accepted(token: string): void {
    this.options.api.token = token;
    this.heldPassword = null;
    this.options.onAuthState({ state: 'ok' });
    this.tokens$.next(this.tokens$.value + 1);
  }
}
