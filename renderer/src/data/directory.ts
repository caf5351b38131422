import {
  BehaviorSubject,
  catchError,
  distinctUntilChanged,
  EMPTY,
  filter,
  from,
  map,
  type Observable,
  type Subscription,
  switchMap,
} from 'rxjs';

import type { DirectoryResponse, DirectoryUser } from '../../../shared/directory';
import type { SessionUser } from '../../../shared/sync/protocol';
import type { SyncApi } from './http';
import type { SyncStatus } from './sync-status';

/** Display names by user id. */
export type DirectoryNames = ReadonlyMap<string, string>;

/**
 * The office directory of the server (server/directory/, every role, own office): id, user name and display name of
 * the office's staff, so records can show names instead of ids.
 */
export class DirectoryApi {
  constructor(
    private readonly api: SyncApi,
    /** Retries once with a new token after a 401 (the session's renewal). */
    private readonly withAuth: <T>(request: () => Promise<T>) => Promise<T>,
  ) {}

  /** The staff of the user's own office, disabled accounts included. */
  list(): Promise<DirectoryUser[]> {
    return this.withAuth(
      async () => ((await (await this.api.request('GET', '/directory', {})).json()) as DirectoryResponse).users,
    );
  }
}

/** The names of a list, with the session's own user in any case (the list may lack it or be empty). */
export function namesOf(
  user: Pick<SessionUser, 'id' | 'displayName'>,
  users: readonly DirectoryUser[],
): DirectoryNames {
  const names = new Map<string, string>([[user.id, user.displayName]]);
  for (const u of users) names.set(u.id, u.displayName);
  return names;
}

/**
 * The office directory of one session, in memory only: names of staff are not written to the device (the local
 * database holds only what is replicated, encrypted; names would otherwise lie about in plain text). Fetched
 * whenever the server becomes reachable with a valid session (after the login, after an offline unlock once the
 * server answers, after every loss of the connection); a failed fetch keeps the last list. Until the first list
 * arrives the names hold the own user only, and callers show the id of anyone else.
 */
export class OfficeDirectory {
  private readonly subject: BehaviorSubject<DirectoryNames>;

  constructor(
    private readonly source: Pick<DirectoryApi, 'list'>,
    private readonly user: Pick<SessionUser, 'id' | 'displayName'>,
  ) {
    this.subject = new BehaviorSubject(namesOf(user, []));
  }

  /** Display names by user id; always holds the own user. */
  get names$(): Observable<DirectoryNames> {
    return this.subject.asObservable();
  }

  get names(): DirectoryNames {
    return this.subject.value;
  }

  /** Fetches the list now; resolves false (and keeps the last list) when the server could not be asked. */
  async refresh(): Promise<boolean> {
    try {
      this.subject.next(namesOf(this.user, await this.source.list()));
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Fetches each time `status$` turns online with a valid session. An answer still on its way when the connection
   * is lost and comes back is dropped for the newer one. Unsubscribe at the end of the session.
   */
  follow(status$: Observable<Pick<SyncStatus, 'connection' | 'auth'>>): Subscription {
    return status$
      .pipe(
        map((s) => s.connection === 'online' && s.auth.state === 'ok'),
        distinctUntilChanged(),
        filter(Boolean),
        switchMap(() => from(this.source.list()).pipe(catchError(() => EMPTY))),
      )
      .subscribe((users) => this.subject.next(namesOf(this.user, users)));
  }
}
