/** What counts as someone at the keyboard. */
export const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

export const DEFAULT_IDLE_LOCK_MINUTES = 10;

/**
 * Calls `onIdle` once nothing in `target` happened for `timeoutMs`. Activity only stamps the time; one timer
 * checks the stamp, so a mouse move costs nothing. Returns the function that stops watching.
 */
export function watchIdle(options: {
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  timeoutMs: number;
  onIdle: () => void;
  now?: () => number;
}): () => void {
  const now = options.now ?? Date.now;
  let last = now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onActivity = () => {
    last = now();
  };
  const check = () => {
    const idle = now() - last;
    if (idle >= options.timeoutMs) {
      stop();
      options.onIdle();
      return;
    }
    timer = setTimeout(check, options.timeoutMs - idle);
  };
  const stop = () => {
    clearTimeout(timer);
    for (const event of ACTIVITY_EVENTS) options.target.removeEventListener(event, onActivity, true);
  };
  for (const event of ACTIVITY_EVENTS) {
    options.target.addEventListener(event, onActivity, { capture: true, passive: true });
  }
  timer = setTimeout(check, options.timeoutMs);
  return stop;
}
