import { type RefObject, useCallback, useLayoutEffect, useRef, useState } from 'react';

import type { PlacementAnswer, RefusalReason } from '../../../../shared/catalogues/entry';
import { de } from '../../../../shared/i18n';
import { fieldLabel } from '../../../../shared/nightRecord/fieldLabel';
import { missingForSubmit } from '../../../../shared/nightRecord/submit';
import { resubmitted } from '../../../../shared/rules/intake';
import type { Intake } from '../../../../shared/schema/intake';
import { setAtPath } from '../../../../shared/sync/paths';
import type { EntryInput } from '../../data/entries';
import type { IntakeRepository } from '../../data/intakes';
import { specOf } from '../../record/fields';
import { displayOf } from '../../record/values';
import { parsedDraft } from './draft-store';
import type { PlaceRef, PlaceSuggestion } from './PlacementSearch';
import { focusField } from './record-focus';
import type { useRecordEditor } from './useRecordEditor';

const t = de.app.nightRecord;

type Editor = ReturnType<typeof useRecordEditor>;

type ActionOptions = {
  id: string;
  intake: Intake | null;
  editor: Editor;
  intakes: Pick<IntakeRepository, 'get' | 'modify' | 'restoreFromServer'>;
  now: () => number;
  onClose: () => void;
  onAppendEntry: (input: EntryInput) => Promise<void>;
  /** Takes the cursor once the record is submitted (the submit button goes away). */
  doneRef: RefObject<HTMLButtonElement | null>;
};

/**
 * What the record's buttons and shortcuts do: close, submit for review, resubmit a returned record, take the
 * server's state after a refusal. Each saves what was typed first; what blocks them is kept for the panels to show.
 */
export function useRecordActions({ id, intake, editor, intakes, now, onClose, onAppendEntry, doneRef }: ActionOptions) {
  const [showMissing, setShowMissing] = useState(false);
  const [blocked, setBlocked] = useState<string | null>(null);
  const [resubmitBlocked, setResubmitBlocked] = useState<string | null>(null);
  const [restoreFailed, setRestoreFailed] = useState<string | null>(null);
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const effectiveRef = useRef(editor.effective);
  useLayoutEffect(() => {
    effectiveRef.current = editor.effective;
  });

  /** A record with what was typed a moment ago and is not written yet. */
  const withDrafts = (doc: Intake): Intake => {
    for (const [path, raw] of editor.store.entries()) {
      const parsed = parsedDraft(path, raw, now());
      if (parsed) doc = setAtPath(doc, path, parsed.value);
    }
    return doc;
  };
  const missingNow = () => missingForSubmit(withDrafts(effectiveRef.current));

  /** Saves first; a value that does not parse keeps the user here with its message, so nothing is lost. */
  const savedOrStay = async (): Promise<boolean> => {
    await editor.flush();
    const invalid = editor.invalid();
    if (invalid.length > 0) {
      focusField(invalid[0]);
      return false;
    }
    return editor.store.state !== 'failed'; // the header says so; what was typed stays in the inputs
  };

  const close = async () => {
    if (await savedOrStay()) onClose();
  };

  const submit = async () => {
    setBlocked(null);
    await editor.flush();
    // The record as stored after the flush, with what is still being typed: a choice made a moment ago counts.
    const gaps = missingForSubmit(withDrafts((await intakes.get(id)) ?? effectiveRef.current));
    if (gaps.length > 0) {
      setShowMissing(true);
      setBlocked(t.submitFailed);
      focusField(gaps[0]);
      return;
    }
    await editor.write([['status', 'submitted']]);
    // The submit button goes away: the cursor goes to the way back to the list, not to the page's body.
    doneRef.current?.focus();
  };

  /** A returned record, corrected, goes back to the supervisor: only its review state changes (server: review.ts). */
  const resubmit = async () => {
    setResubmitBlocked(null);
    if (!(await savedOrStay())) return; // as close(): nothing goes to the supervisor
    try {
      // What is missing in the record as stored now, with what was just typed (the server checks the same).
      const current = await intakes.get(id);
      if (!current) return;
      const gaps = missingForSubmit(current);
      if (gaps.length > 0) {
        setShowMissing(true);
        setResubmitBlocked(`${t.review.resubmitFailed} ${t.missing.title(gaps.length)}`);
        focusField(gaps[0]);
        return;
      }
      // Written from the record as it is at that moment: only if it is still returned, and only its review.
      await intakes.modify(id, (latest) =>
        latest.review?.state === 'returned' ? { review: resubmitted(latest) } : null,
      );
    } catch (err) {
      setResubmitBlocked(`${t.review.resubmitFailed} ${String(err instanceof Error ? err.message : err)}`);
    }
  };

  /**
   * After an `intake_locked` refusal: take the server's state (so this device can write again) and keep in ONE log
   * line what this device had and the server lacks, so nothing typed is lost; then the refusal is done with.
   */
  const restoreFromServer = async (refusedAt: number) => {
    setRestoreFailed(null);
    try {
      const local = (await intakes.get(id)) ?? intake;
      const lost = await intakes.restoreFromServer(id);
      if (lost.length > 0) {
        const values = lost
          .map(({ path, value }) => `${fieldLabel(path, local)}: ${displayOf(specOf(path), value)}`)
          .join('; ');
        await onAppendEntry({ kind: 'note', text: t.rejection.notTaken(values) });
      }
      // The refusal record itself stays until the server has accepted the restored state: the replication names its
      // server state as the base of that push (replication.ts) and clears it then. Here it is done with.
      setRestoredAt(refusedAt);
    } catch (err) {
      setRestoreFailed(`${t.rejection.restoreFailed} ${String(err instanceof Error ? err.message : err)}`);
    }
  };

  return {
    close,
    submit,
    resubmit,
    restoreFromServer,
    missingNow,
    showMissing,
    blocked,
    resubmitBlocked,
    restoreFailed,
    restoredAt,
  };
}

/**
 * An answer to a placement request goes into the log; an accepted place becomes the record's placement (step 4),
 * unless another one is already chosen.
 */
export function usePlacementAnswer(
  editor: Pick<Editor, 'flush' | 'write' | 'effective'>,
  onAppendEntry: (input: EntryInput) => Promise<void>,
  suggestions: readonly PlaceSuggestion[] | undefined,
) {
  const { flush, write } = editor;
  const effectiveRef = useRef(editor.effective);
  useLayoutEffect(() => {
    effectiveRef.current = editor.effective;
  });
  return useCallback(
    async (place: PlaceRef, answer: PlacementAnswer, reason?: RefusalReason) => {
      await flush();
      const effective = effectiveRef.current;
      await onAppendEntry({
        kind: 'placement',
        text: '',
        placement: { ...place, answer, ...(reason ? { reason } : {}) },
      });
      if (answer !== 'accepted') return;
      const chosen = effective.placement?.facilityName;
      if (chosen && chosen !== place.facilityName) return;
      const known = suggestions?.find((s) => s.facilityId === place.facilityId);
      await write([
        ['placement.facilityName', place.facilityName],
        ...(place.facilityId ? ([['placement.facilityId', place.facilityId]] as const) : []),
        ...(known?.provider && !effective.placement?.provider
          ? ([['placement.provider', known.provider]] as const)
          : []),
      ]);
    },
    [flush, write, onAppendEntry, suggestions],
  );
}
