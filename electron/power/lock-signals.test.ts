import { EventEmitter } from 'node:events';

import type { PowerMonitor } from 'electron';

import type { LockReason } from '../../shared/ipc';
import { forwardLockSignals } from './lock-signals';

describe('lock signals', () => {
  it('forwards sleep and screen lock, nothing else, until stopped', () => {
    const monitor = new EventEmitter();
    const sent: LockReason[] = [];
    const stop = forwardLockSignals(monitor as unknown as PowerMonitor, (reason) => sent.push(reason));
    monitor.emit('suspend');
    monitor.emit('resume');
    monitor.emit('unlock-screen');
    monitor.emit('lock-screen');
    expect(sent).toEqual(['suspend', 'lock-screen']);
    stop();
    monitor.emit('suspend');
    expect(sent).toHaveLength(2);
    expect(monitor.listenerCount('suspend') + monitor.listenerCount('lock-screen')).toBe(0);
  });
});
