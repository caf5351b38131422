import { describe, expect, it } from 'vitest';

import { conflictRecord } from '../sync/merge';
import { addsConflictEntries, isStampedForm, stampConflicts, type StoredOrigin, type WriteOrigin } from './conflicts';

const worker: WriteOrigin = { by: 'bereitschaft.segeberg', deviceId: 'laptop-7', deviceName: 'Obhut Desktop (Win32)' };
const storedBy: StoredOrigin = { by: 'leitung.segeberg', at: 5_000, deviceId: 'laptop-2', deviceName: null };

const doc = (conflicts: ReturnType<typeof conflictRecord>[]) => ({ id: 'r1', situation: 'A', conflicts });

describe('stampConflicts', () => {
  it("names the writer and the writer's device as the author of a new lost value, whatever the push said", () => {
    const forged = { ...conflictRecord('situation', 'B', 'leitung.segeberg', 4_000), deviceId: 'elsewhere' };
    const next = stampConflicts(doc([forged]), doc([]), worker, storedBy);
    expect(next.conflicts).toEqual([
      {
        id: forged.id,
        field: 'situation',
        value: '"B"',
        by: 'bereitschaft.segeberg',
        at: 4_000,
        deviceId: 'laptop-7',
        deviceName: 'Obhut Desktop (Win32)',
        winner: { by: 'leitung.segeberg', at: 5_000, deviceId: 'laptop-2' },
      },
    ]);
  });

  it('replaces a pushed winner by the stored state, and leaves it out where nothing was stored', () => {
    const claimed = { ...conflictRecord('situation', 'B', 'x', 4_000), winner: { by: 'someone', at: 1 } };
    expect(stampConflicts(doc([claimed]), doc([]), worker, storedBy).conflicts[0].winner).toEqual({
      by: 'leitung.segeberg',
      at: 5_000,
      deviceId: 'laptop-2',
    });
    expect(stampConflicts(doc([claimed]), undefined, worker, null).conflicts[0]).not.toHaveProperty('winner');
  });

  it('keeps an entry the server already holds exactly as stored: a later push cannot rewrite its author', () => {
    const stored = { ...conflictRecord('situation', 'B', 'leitung.segeberg', 4_000), deviceId: 'laptop-2' };
    const rewritten = { ...stored, by: 'bereitschaft.segeberg', deviceId: 'laptop-7' };
    expect(stampConflicts(doc([rewritten]), doc([stored]), worker, storedBy).conflicts).toEqual([stored]);
  });

  it('names no device for a write the server makes itself, and passes documents without conflicts unchanged', () => {
    const server: WriteOrigin = { by: 'bereitschaft.segeberg', deviceId: null, deviceName: 'ignored' };
    const lost = conflictRecord('situation', 'B', 'bereitschaft.segeberg', 4_000);
    const next = stampConflicts(doc([lost]), doc([]), server, null).conflicts[0];
    expect(next).not.toHaveProperty('deviceId');
    expect(next).not.toHaveProperty('deviceName');
    const entry = { id: 'e1', text: 'Log' };
    expect(stampConflicts(entry, undefined, worker, storedBy)).toBe(entry);
  });
});

describe('the stamped form of a push (what the writer must take over from the server)', () => {
  const lost = conflictRecord('situation', 'B', 'bereitschaft.segeberg', 4_000);
  const pushed = doc([lost]);
  const stored = stampConflicts(pushed, doc([]), worker, storedBy);

  it('a push adds conflict entries when it names one the assumed server state lacks', () => {
    expect(addsConflictEntries(pushed, doc([]))).toBe(true);
    expect(addsConflictEntries(pushed, undefined)).toBe(true);
    expect(addsConflictEntries(pushed, stored)).toBe(false);
    expect(addsConflictEntries(doc([]), doc([]))).toBe(false);
  });

  it('is the push with its entries stamped, and nothing else', () => {
    expect(isStampedForm(pushed, stored)).toBe(true);
    expect(isStampedForm(pushed, pushed)).toBe(false);
    // A colleague's later write is not this push's form, nor is another value or another entry.
    expect(isStampedForm(pushed, { ...stored, situation: 'C' })).toBe(false);
    expect(isStampedForm(pushed, { ...stored, conflicts: [{ ...stored.conflicts[0], value: '"D"' }] })).toBe(false);
    expect(isStampedForm(pushed, { ...stored, conflicts: [] })).toBe(false);
  });
});
