import { useEffect, useState } from 'react';

/** The current time, renewed every `everyMs`: deadlines turn "überfällig" on screen without a reload. */
export function useNow(now: () => number = Date.now, everyMs = 30_000): number {
  const [value, setValue] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setValue(now()), everyMs);
    return () => clearInterval(timer);
  }, [now, everyMs]);
  return value;
}
