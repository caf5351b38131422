import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/** The latest value of an observable, re-subscribing when the observable changes. */
export function useObservable<T>(source: Observable<T> | null | undefined, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    if (!source) return;
    const sub = source.subscribe(setValue);
    return () => sub.unsubscribe();
  }, [source]);
  return value;
}
