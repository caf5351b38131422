import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';

import { jsonEqual } from '../../../../shared/equal';
import { isEmptyFact } from '../../../../shared/nightRecord/lateFacts';
import { type Intake, isLocked } from '../../../../shared/schema/intake';
import { getAtPath, setAtPath } from '../../../../shared/sync/paths';
import type { FieldEdit, IntakeInput, IntakeRepository } from '../../data/intakes';
import type { Raw } from '../../record/values';
import { isFieldEditable } from './access';
import { AUTOSAVE_MS, DraftStore, parsedDraft } from './draft-store';

type Options = {
  repo: Pick<IntakeRepository, 'create' | 'setFields' | 'get'>;
  id: string;
  /** The record as stored locally; null until a new record's first save. */
  intake: Intake | null;
  now: () => number;
  /**
   * A locked record (features/night-record/access.ts): only empty late-fact fields take input, and each is filled
   * once. What is typed is then written when the field is left or the record closes, not after a pause in typing,
   * so that half a word does not become the fact; an empty value is never written.
   */
  addOnly?: boolean;
};

/**
 * Continuous autosave of the night record: what the user types is held as input text per field path and written
 * to the local store after a short pause, on leaving the field, before the page goes away and when the record
 * closes. Only the touched fields are written, onto the record as it is then (IntakeRepository.setFields), so a
 * colleague's change that arrived meanwhile stays. There is no save button to forget.
 */
export function useRecordEditor({ repo, id, intake, now, addOnly = false }: Options) {
  const store = useMemo(() => new DraftStore(), []);
  const created = useRef(intake !== null);
  const intakeRef = useRef(intake);
  const addOnlyRef = useRef(addOnly);
  // The writes below run after render: they read the latest props through refs, updated once the render commits.
  useLayoutEffect(() => {
    if (intake) created.current = true;
    intakeRef.current = intake;
    addOnlyRef.current = addOnly;
  });
  const [openedAt] = useState(now);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Re-derive the record (missing list, deadlines) once typing is written, not on every keystroke.
  const [written, setWritten] = useState(0);
  // What was typed into a field that was no longer editable when it was to be written (the record got countersigned
  // meanwhile, or another device filled the late fact): not written, shown to the user with its value.
  const [skipped, setSkipped] = useState<readonly FieldEdit[]>([]);

  /** Writes the given edits (and every draft that parses) through the one queue, in order. */
  const write = useCallback(
    (extra: readonly FieldEdit[] = []): Promise<void> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const run = queue.current.then(async () => {
        // The record as stored at this moment, not as last rendered: it may have been locked, or a late fact filled
        // by another device, while the user typed. The server would refuse such a write (and every later one).
        const latest = created.current ? await repo.get(id) : null;
        const stored = latest ?? intakeRef.current;
        const locked = stored !== null && isLocked(stored);
        const edits: FieldEdit[] = [];
        const refused: FieldEdit[] = [];
        for (const [path, raw] of store.entries()) {
          const parsed = parsedDraft(path, raw, now());
          if (parsed && (addOnlyRef.current || locked) && isEmptyFact(parsed.value)) {
            store.delete(path);
            continue;
          }
          if (parsed && locked && !isFieldEditable('locked', stored, path)) {
            if (!jsonEqual(parsed.value, getAtPath(stored, path))) refused.push([path, parsed.value]);
            store.delete(path);
            continue;
          }
          if (parsed && !(stored && jsonEqual(parsed.value, getAtPath(stored, path)))) edits.push([path, parsed.value]);
        }
        edits.push(...extra);
        if (refused.length > 0)
          setSkipped((before) => [...before.filter(([p]) => !refused.some(([q]) => q === p)), ...refused]);
        if (edits.length === 0) {
          if (store.state === 'pending') store.setState(store.size ? 'failed' : 'saved');
          return;
        }
        store.setState('saving');
        try {
          if (created.current) await repo.setFields(id, edits);
          else {
            const initial: IntakeInput = {
              receivedAt: openedAt,
              child: { firstName: '', lastName: '' },
              situation: '',
              status: 'draft',
            };
            await repo.create(
              edits.reduce<IntakeInput>((doc, [path, value]) => setAtPath(doc, path, value), initial),
              id,
            );
            created.current = true;
          }
          store.setState('saved');
          setWritten((n) => n + 1);
        } catch (err) {
          store.setState('failed');
          throw err;
        }
      });
      queue.current = run.catch(() => {});
      return run;
    },
    [repo, id, now, store, openedAt],
  );

  const flush = useCallback(() => write().catch(() => {}), [write]);

  const change = useCallback(
    (path: string, raw: Raw) => {
      store.set(path, raw);
      if (addOnlyRef.current) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
    },
    [flush, store],
  );

  // A draft is done once the store holds its value. Until then the input keeps what was typed, never the older
  // stored value (the store may lag behind the write by a tick).
  useEffect(() => {
    if (!intake) return;
    for (const [path, raw] of store.entries()) {
      const parsed = parsedDraft(path, raw, now());
      if (parsed && jsonEqual(parsed.value, getAtPath(intake, path))) store.delete(path);
    }
  }, [intake, now, store]);

  // Nothing typed may be lost when the record closes or the page goes away.
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  /** The record with every draft that parses applied: what the missing list and the deadlines look at. */
  const effective = useMemo(() => {
    void written;
    let doc: Intake =
      intake ??
      ({
        receivedAt: openedAt,
        child: { firstName: '', lastName: '' },
        situation: '',
        status: 'draft',
        conflicts: [],
      } as unknown as Intake);
    for (const [path, raw] of store.entries()) {
      const parsed = parsedDraft(path, raw, now());
      if (parsed) doc = setAtPath(doc, path, parsed.value);
    }
    return doc;
  }, [intake, written, now, store, openedAt]);

  /** Fields whose typed text does not parse: kept unsaved, with their message, until corrected. */
  const invalid = useCallback(
    () =>
      store
        .entries()
        .filter(([path, raw]) => !parsedDraft(path, raw, now()))
        .map(([path]) => path),
    [store, now],
  );

  const dismissSkipped = useCallback(() => setSkipped([]), []);

  return { store, effective, change, flush, write, invalid, skipped, dismissSkipped };
}
