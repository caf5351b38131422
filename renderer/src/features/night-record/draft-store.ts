import { useCallback, useSyncExternalStore } from 'react';

import { specOf } from '../../record/fields';
import { parseRaw, type Raw } from '../../record/values';

/** How long typing may pause before it is written to the local store. */
export const AUTOSAVE_MS = 400;

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

/**
 * What the user typed and the store does not hold yet, per field path, outside React state: a keystroke re-renders
 * the one field it went into (useDraft), not the whole record of a hundred fields.
 */
export class DraftStore {
  private drafts = new Map<string, Raw>();
  private listeners = new Map<string, Set<() => void>>();
  private anyListeners = new Set<() => void>();
  state: SaveState = 'idle';

  get(path: string): Raw | undefined {
    return this.drafts.get(path);
  }
  entries(): [string, Raw][] {
    return [...this.drafts.entries()];
  }
  get size(): number {
    return this.drafts.size;
  }
  set(path: string, raw: Raw): void {
    this.drafts.set(path, raw);
    this.state = 'pending';
    this.emit(path);
  }
  delete(path: string): void {
    if (this.drafts.delete(path)) this.emit(path);
  }
  setState(state: SaveState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit();
  }
  subscribe(path: string | null, listener: () => void): () => void {
    const set = path === null ? this.anyListeners : (this.listeners.get(path) ?? new Set());
    if (path !== null) this.listeners.set(path, set);
    set.add(listener);
    return () => set.delete(listener);
  }
  private emit(path?: string): void {
    if (path !== undefined) for (const l of this.listeners.get(path) ?? []) l();
    for (const l of this.anyListeners) l();
  }
}

/** The draft of one field (undefined: none, show the stored value). */
export function useDraft(store: DraftStore, path: string): Raw | undefined {
  const subscribe = useCallback((listener: () => void) => store.subscribe(path, listener), [store, path]);
  return useSyncExternalStore(subscribe, () => store.get(path));
}

/** The save state and the number of fields with unsaved text, for the header. */
export function useSaveState(store: DraftStore): { state: SaveState; unsaved: number } {
  const subscribe = useCallback((listener: () => void) => store.subscribe(null, listener), [store]);
  const state = useSyncExternalStore(subscribe, () => store.state);
  const unsaved = useSyncExternalStore(subscribe, () => store.size);
  return { state, unsaved };
}

/** The value a draft stands for, or null while it does not parse. */
export function parsedDraft(path: string, raw: Raw, now: number): { value: unknown } | null {
  const spec = specOf(path);
  const parsed = spec && parseRaw(spec, raw, now);
  return parsed?.ok ? { value: parsed.value } : null;
}
