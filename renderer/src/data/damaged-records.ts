import { BehaviorSubject, type Observable } from 'rxjs';

import type { DamagedRecordError } from './sealed-storage';

export type DamagedRecord = { collection: string; id: string };

/**
 * The stored records of this session whose encryption does not verify (changed on disk, or copied from another
 * record). Queries leave them out and return the rest (sealed-storage.ts); here each is listed once for the user.
 */
export class DamagedRecords {
  private readonly found = new BehaviorSubject<DamagedRecord[]>([]);

  get list$(): Observable<DamagedRecord[]> {
    return this.found.asObservable();
  }

  get current(): DamagedRecord[] {
    return this.found.value;
  }

  /** For React's useSyncExternalStore: `listener` runs on every newly found record. */
  readonly subscribe = (listener: () => void): (() => void) => {
    const subscription = this.found.subscribe(listener);
    return () => subscription.unsubscribe();
  };

  readonly report = (error: DamagedRecordError): void => {
    const known = this.found.value;
    if (known.some((r) => r.collection === error.collection && r.id === error.documentId)) return;
    this.found.next([...known, { collection: error.collection, id: error.documentId }]);
  };
}
