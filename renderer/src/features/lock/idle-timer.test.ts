import { watchIdle } from './idle-timer';

describe('idle timer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once after the idle time, and every activity starts the time again', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    watchIdle({ target, timeoutMs: 10 * 60_000, onIdle });

    vi.advanceTimersByTime(9 * 60_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(9 * 60_000);
    target.dispatchEvent(new Event('pointermove'));
    vi.advanceTimersByTime(9 * 60_000 + 59_000);
    expect(onIdle).not.toHaveBeenCalled();

    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60 * 60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('stops listening when stopped', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    const stop = watchIdle({ target, timeoutMs: 1_000, onIdle });
    stop();
    vi.advanceTimersByTime(5_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
