import { act, render } from '@testing-library/react';

import type { LockReason, ObhutBridge } from '../../../../shared/ipc';
import { type LockCause, useAutoLock } from './use-auto-lock';

function Harness(props: {
  active: boolean;
  onLock: (cause: LockCause) => void;
  bridge?: ObhutBridge;
  target: EventTarget;
}) {
  useAutoLock({
    active: props.active,
    idleMinutes: 10,
    onLock: props.onLock,
    bridge: props.bridge,
    target: props.target,
  });
  return null;
}

/** The desktop bridge's lock requests, as electron/bridge.ts delivers them. */
function bridgeWithSignals() {
  const listeners = new Set<(reason: LockReason) => void>();
  const bridge = {
    onLockRequest(listener: (reason: LockReason) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as ObhutBridge;
  return { bridge, send: (reason: LockReason) => listeners.forEach((l) => l(reason)), listeners };
}

describe('auto-lock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks once after the idle minutes without input; input in between postpones it', () => {
    const target = new EventTarget();
    const onLock = vi.fn();
    render(<Harness active onLock={onLock} target={target} />);
    void act(() => vi.advanceTimersByTime(8 * 60_000));
    target.dispatchEvent(new Event('keydown'));
    void act(() => vi.advanceTimersByTime(9 * 60_000));
    expect(onLock).not.toHaveBeenCalled();
    void act(() => vi.advanceTimersByTime(60_000));
    expect(onLock).toHaveBeenCalledExactlyOnceWith('idle');
  });

  it('locks at once when the desktop app reports sleep or a locked screen', () => {
    const { bridge, send } = bridgeWithSignals();
    const onLock = vi.fn();
    const { rerender } = render(<Harness active onLock={onLock} bridge={bridge} target={new EventTarget()} />);
    act(() => send('suspend'));
    expect(onLock).toHaveBeenCalledExactlyOnceWith('sleep');

    const second = vi.fn();
    rerender(<Harness active={false} onLock={second} bridge={bridge} target={new EventTarget()} />);
    rerender(<Harness active onLock={second} bridge={bridge} target={new EventTarget()} />);
    act(() => send('lock-screen'));
    expect(second).toHaveBeenCalledExactlyOnceWith('screen');
  });

  it('does nothing while no session is open, and stops listening', () => {
    const { bridge, send, listeners } = bridgeWithSignals();
    const onLock = vi.fn();
    const { unmount } = render(<Harness active={false} onLock={onLock} bridge={bridge} target={new EventTarget()} />);
    void act(() => vi.advanceTimersByTime(60 * 60_000));
    act(() => send('suspend'));
    expect(onLock).not.toHaveBeenCalled();
    expect(listeners.size).toBe(0);
    unmount();
  });
});
