import { Alert, SimpleGrid, Stack } from '@mantine/core';
import { type ReactNode, useCallback, useMemo, useRef } from 'react';

import { obligationsOf } from '../../../../shared/deadlines';
import type { DeadlineFacts } from '../../../../shared/deadlines/rules';
import { de } from '../../../../shared/i18n';
import { deadlineFactsOf } from '../../../../shared/nightRecord/deadlineFacts';
import { missingForSubmit } from '../../../../shared/nightRecord/submit';
import type { Entry } from '../../../../shared/schema/entry';
import { type Intake, reviewStateOf } from '../../../../shared/schema/intake';
import { getAtPath } from '../../../../shared/sync/paths';
import { useNow } from '../../app/use-now';
import type { EntryInput } from '../../data/entries';
import type { IntakeRepository } from '../../data/intakes';
import type { RejectionView } from '../../data/rejections';
import { CONFLICTS_ID, ConflictsPanel } from '../../record/ConflictsPanel';
import { EntryLog } from '../../record/EntryLog';
import { type FieldSpec, SECTIONS } from '../../record/fields';
import { ObligationsPanel } from '../../record/ObligationsPanel';
import { isFieldEditable, type RecordAccess, recordAccess } from './access';
import { EntrustedPanel } from './EntrustedPanel';
import type { PlaceSuggestion } from './PlacementSearch';
import { recordChecks } from './record-checks';
import { NotWrittenAlert, RejectionAlert } from './RecordAlerts';
import { RecordHeader } from './RecordHeader';
import { MissingPanel, RecordSection, type SectionContext, SectionsNav } from './RecordSections';
import { REVIEW_STATUS_ID, ReviewStatus } from './ReviewStatus';
import { usePlacementAnswer, useRecordActions } from './useRecordActions';
import { useRecordEditor } from './useRecordEditor';
import { useOpenAt, useRecordKeys, useStickyScrollPadding } from './useRecordKeys';
import { WithheldNotice } from './WithheldNotice';

const t = de.app.nightRecord;

export type NightRecordFormProps = {
  id: string;
  /** The record as stored on this device; null for a new one until its first autosave. */
  intake: Intake | null;
  entries: readonly Entry[];
  intakes: Pick<
    IntakeRepository,
    'create' | 'get' | 'modify' | 'setFields' | 'takeConflictValue' | 'dismissConflict' | 'restoreFromServer'
  >;
  /** The office of the user: a record of another office (received by handover) is read only here. */
  userOfficeId: string;
  onAppendEntry: (input: EntryInput) => Promise<void>;
  onRestoreEntry: (id: string) => void;
  currentUserId: string;
  pendingIds: ReadonlySet<string>;
  rejections: readonly RejectionView[];
  onDismissRejection: (id: string) => void;
  /** The buttons producing documents from the saved record (features/documents), given by the page. */
  documentsAction?: ReactNode;
  suggestions?: readonly PlaceSuggestion[];
  /** Opens the Verbund's placement board for this intake: one click there holds a place and logs it here. */
  onOpenBoard?: () => void;
  now?: () => number;
  onClose: () => void;
  /** Display names by user id (the office directory); anyone not in it shows by id. */
  names?: ReadonlyMap<string, string>;
  /**
   * Beside the child, the child's earlier intakes and the children taken in with it (EarlierIntakes, ChildGroupPanel),
   * which read the session's local database: the record page shows them, a form without a session does not.
   */
  relatedPanels?: boolean;
};

/** Where the cursor goes when a record opens: the supervisor's comment, the conflicts, or (null) the first field. */
function opensAtOf(intake: Intake | null, access: RecordAccess): string | null {
  if (intake && reviewStateOf(intake) === 'returned' && access === 'edit') return REVIEW_STATUS_ID;
  if (intake && intake.conflicts.length > 0) return CONFLICTS_ID;
  return null;
}

type SectionOptions = {
  editor: ReturnType<typeof useRecordEditor>;
  access: RecordAccess;
  now: () => number;
  autoFocusFirst: boolean;
  /** The fields marked as required for submitting, once a submit was tried; null before. */
  missingShown: ReadonlySet<string> | null;
};

/** What the sections share; each field gets its draft store, stored value, message and whether it takes input. */
function useSectionContext(
  props: NightRecordFormProps,
  { editor, access, now, autoFocusFirst, missingShown }: SectionOptions,
): SectionContext {
  const { intake, entries } = props;
  const { effective, flush } = editor;
  const onAnswer = usePlacementAnswer(editor, props.onAppendEntry, props.suggestions);
  const placementEntries = useMemo(() => entries.filter((e) => e.kind === 'placement'), [entries]);
  // A late fact is written when its field is left. Switching to another app blurs it too, but the user has not left
  // the field: half a value would become the permanent fact. That blur is ignored (the document no longer has the
  // focus once the blur is through); the next real one, or closing the record, writes it.
  const flushOnBlur = useCallback(() => {
    setTimeout(() => {
      if (document.hasFocus()) void flush();
    }, 0);
  }, [flush]);
  const checks = useMemo(() => recordChecks(effective), [effective]);
  const fieldProps = (spec: FieldSpec, path: string) => ({
    store: editor.store,
    spec,
    path,
    disabled: !isFieldEditable(access, intake, path),
    deferred: access === 'locked',
    stored: getAtPath(effective, path),
    extraError: checks[path] ?? (missingShown?.has(path) ? t.validation.requiredForSubmit : undefined),
    now,
    onChange: editor.change,
    onBlur: flushOnBlur,
  });
  return {
    id: props.id,
    effective,
    editable: access === 'edit',
    readOnly: access !== 'edit',
    fieldProps,
    autoFocusFirst,
    write: editor.write,
    intakes: props.intakes,
    userOfficeId: props.userOfficeId,
    relatedPanels: props.relatedPanels,
    placementEntries,
    suggestions: props.suggestions,
    onAnswer,
    onOpenBoard: props.onOpenBoard,
  };
}

/**
 * The night record: sections in the order of the night, saved while typing (useRecordEditor), with its deadlines,
 * what is still missing for "Zur Prüfung vorlegen", conflicts to decide, the placement search and the log.
 * Keyboard-first (useRecordKeys): Tab moves on, Ctrl+Enter closes (everything is saved), Alt+1…9 and Alt+N jump.
 */
export function NightRecordForm(props: NightRecordFormProps) {
  const { id, intake, entries, intakes, now = Date.now } = props;
  // Locked (countersigned) or received by handover: the server refuses changes, so the form offers none, except
  // that an empty late fact of the own office's locked record may be filled once (access.ts).
  const access = recordAccess(intake, props.userOfficeId);
  const readOnly = access !== 'edit';
  const editor = useRecordEditor({ repo: intakes, id, intake, now, addOnly: access === 'locked' });
  const { effective } = editor;
  const clock = useNow(now);
  const doneRef = useRef<HTMLButtonElement>(null);
  const stickyRef = useRef<HTMLDivElement>(null);
  const actions = useRecordActions({
    id,
    intake,
    editor,
    intakes,
    now,
    onClose: props.onClose,
    onAppendEntry: props.onAppendEntry,
    doneRef,
  });

  const missing = useMemo(() => missingForSubmit(effective), [effective]);
  const missingSet = useMemo(() => new Set(missing), [missing]);
  const ground = effective.decision?.ground;
  // Recomputed only when a fact changes, not on every keystroke: the panels below re-render only when needed.
  const factsKey = JSON.stringify(deadlineFactsOf(effective));
  const obligations = useMemo(() => obligationsOf(JSON.parse(factsKey) as DeadlineFacts, clock), [factsKey, clock]);
  const rejection = props.rejections.find((r) => r.id === id && r.at !== actions.restoredAt);
  const submitted = intake?.status === 'submitted';
  const visible = SECTIONS.filter((s) => !s.showWhen || s.showWhen(ground) || getAtPath(effective, s.id) !== undefined);
  const opensAt = opensAtOf(intake, access);

  useRecordKeys({ close: actions.close, visible, missingNow: actions.missingNow });
  // The scroll padding first: the record opens at its comment or conflicts below the sticky headers, not under them.
  useStickyScrollPadding(stickyRef);
  useOpenAt(id, intake !== null, opensAt);

  const ctx = useSectionContext(props, {
    editor,
    access,
    now,
    autoFocusFirst: !opensAt,
    missingShown: actions.showMissing ? missingSet : null,
  });

  return (
    <Stack gap="md" data-testid="night-record" data-record-id={id}>
      <RecordHeader
        ref={stickyRef}
        doneRef={doneRef}
        intake={intake}
        effective={effective}
        access={access}
        store={editor.store}
        synced={intake ? !props.pendingIds.has(id) : null}
        onSubmit={() => void actions.submit()}
        onClose={() => void actions.close()}
      />
      {intake && (
        <ReviewStatus
          intake={intake}
          access={access}
          onResubmit={() => void actions.resubmit()}
          blocked={actions.resubmitBlocked}
          names={props.names}
        />
      )}
      {intake && <WithheldNotice intake={intake} />}
      {intake && props.documentsAction}
      {submitted && !readOnly && <Alert color="teal">{t.submitted}</Alert>}
      <NotWrittenAlert skipped={editor.skipped} doc={effective} onSeen={editor.dismissSkipped} />
      {rejection && (
        <RejectionAlert
          rejection={rejection}
          restoreFailed={actions.restoreFailed}
          onRestore={() => void actions.restoreFromServer(rejection.at)}
          onSeen={() => props.onDismissRejection(id)}
        />
      )}
      {intake && (
        <RecordConflicts
          intake={intake}
          intakes={intakes}
          access={access}
          currentUserId={props.currentUserId}
          names={props.names}
        />
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ObligationsPanel obligations={obligations} />
        {!readOnly && <MissingPanel missing={missing} doc={effective} blocked={actions.blocked} />}
      </SimpleGrid>
      <SectionsNav visible={visible} />
      {visible.map((section) => (
        <RecordSection key={section.id} section={section} ctx={ctx} />
      ))}
      {intake && access !== 'received' && (
        <EntrustedPanel
          intake={intake}
          entries={entries}
          intakes={intakes}
          currentUserId={props.currentUserId}
          now={now}
        />
      )}
      <EntryLog
        names={props.names}
        entries={entries}
        pendingIds={props.pendingIds}
        rejections={props.rejections}
        now={now}
        onAppend={props.onAppendEntry}
        onRestore={props.onRestoreEntry}
      />
    </Stack>
  );
}

/** The record's conflicts: only the own office's editable record may take the other value; a locked one may keep. */
function RecordConflicts({
  intake,
  intakes,
  access,
  currentUserId,
  names,
}: {
  intake: Intake;
  intakes: Pick<IntakeRepository, 'takeConflictValue' | 'dismissConflict'>;
  access: RecordAccess;
  currentUserId: string;
  names?: ReadonlyMap<string, string>;
}) {
  const id = intake.id;
  const onTake = useCallback((conflictId: string) => void intakes.takeConflictValue(id, conflictId), [intakes, id]);
  const onKeep = useCallback((conflictId: string) => void intakes.dismissConflict(id, conflictId), [intakes, id]);
  return (
    <ConflictsPanel
      intake={intake}
      currentUserId={currentUserId}
      names={names}
      onTake={onTake}
      onKeep={onKeep}
      actions={access === 'edit' ? 'all' : access === 'locked' ? 'keepOnly' : 'none'}
    />
  );
}
