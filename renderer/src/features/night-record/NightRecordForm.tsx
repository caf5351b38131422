import {
  Alert,
  Anchor,
  Badge,
  Button,
  Fieldset,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type ReactNode, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';

import type { PlacementAnswer, RefusalReason } from '../../../../shared/catalogues/entry';
import { obligationsOf } from '../../../../shared/deadlines';
import type { DeadlineFacts } from '../../../../shared/deadlines/rules';
import { de } from '../../../../shared/i18n';
import { deadlineFactsOf } from '../../../../shared/nightRecord/deadlineFacts';
import { fieldLabel, missingLabel } from '../../../../shared/nightRecord/fieldLabel';
import { missingForSubmit } from '../../../../shared/nightRecord/submit';
import { resubmitted } from '../../../../shared/rules/intake';
import type { Entry } from '../../../../shared/schema/entry';
import { type Intake, reviewStateOf } from '../../../../shared/schema/intake';
import { getAtPath, labelKeyOf, setAtPath } from '../../../../shared/sync/paths';
import { useNow } from '../../app/use-now';
import type { EntryInput } from '../../data/entries';
import type { IntakeRepository } from '../../data/intakes';
import { newId } from '../../data/intakes';
import type { RejectionView } from '../../data/rejections';
import { CONFLICTS_ID, ConflictsPanel } from '../../record/ConflictsPanel';
import { EntryLog } from '../../record/EntryLog';
import { type FieldSpec, inputId, type ListSpec, SECTIONS, type SectionSpec, specOf } from '../../record/fields';
import { nameOf } from '../../record/name';
import { ObligationsPanel } from '../../record/ObligationsPanel';
import { rejectionMessage } from '../../record/rejection-message';
import { ResponsibilityInfo } from '../../record/ResponsibilityInfo';
import { reviewStateColor } from '../../record/review-state';
import { displayOf } from '../../record/values';
import { isFieldEditable, recordAccess } from './access';
import { ChildGroupPanel } from './ChildGroupPanel';
import { EarlierIntakesPanel } from './EarlierIntakesPanel';
import { BoundField } from './FieldInput';
import { PlacementSearch, type PlaceRef, type PlaceSuggestion } from './PlacementSearch';
import { recordChecks } from './record-checks';
import { REVIEW_STATUS_ID, ReviewStatus } from './ReviewStatus';
import { type DraftStore, parsedDraft, useRecordEditor, useSaveState } from './useRecordEditor';
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
  /** Every record on this device: the child's earlier intakes are found among them. */
  records?: readonly Intake[];
};

/** The app's sticky header (Session.tsx). */
const APP_HEADER_PX = 56;

/** A section jumped to: its heading (links), or its first field (Alt+digit, to type at once). */
function focusSection(sectionId: string, what: 'heading' | 'field'): void {
  const section = document.getElementById(`section-${sectionId}`);
  const target =
    what === 'heading'
      ? document.getElementById(`section-${sectionId}-title`)
      : section?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled])');
  target?.focus({ preventScroll: true });
  (what === 'heading' ? section : target)?.scrollIntoView?.({ block: what === 'heading' ? 'start' : 'nearest' });
}

/** The element that takes the cursor for a field path: its input, a group's first box, a list's add button. */
function fieldTarget(path: string): HTMLElement | null {
  const id = inputId(path);
  const el = document.getElementById(id);
  return el && ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(el.tagName)
    ? el
    : document.getElementById(`${id}-first`);
}

/** Focuses the input of a field path (the missing list's links); a group of checkboxes by its first box. */
export function focusField(path: string): void {
  const target = fieldTarget(path);
  target?.focus();
  target?.scrollIntoView?.({ block: 'center' });
}

/**
 * Alt+N: the next field still missing for "Zur Prüfung vorlegen" after the cursor, in the order of the form (then
 * from the top); when nothing is missing, the button itself. The night's path through the record without Tab runs.
 */
function focusNextMissing(missing: readonly string[]): void {
  const active = document.activeElement;
  // The field being left counts as done: a choice typed there is taken as the cursor leaves it.
  const targets = missing
    .map(fieldTarget)
    .filter((el): el is HTMLElement => el !== null && el !== active && !el.hasAttribute('disabled'));
  if (targets.length === 0) {
    document.querySelector<HTMLElement>('[data-testid="submit"]')?.focus();
    return;
  }
  const after = (el: HTMLElement) =>
    active !== null && (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const ordered = targets.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const next = ordered.find(after) ?? ordered[0];
  next.focus({ preventScroll: true });
  next.scrollIntoView?.({ block: 'center' });
}

/**
 * The night record: sections in the order of the night, saved while typing (useRecordEditor), with its deadlines,
 * what is still missing for "Abschließen", conflicts to decide, the placement search and the log. Keyboard-first:
 * Tab moves on, Enter (or Esc outside a field) closes (everything is saved), "J" in a time field sets now.
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
  const [showMissing, setShowMissing] = useState(false);
  const [blocked, setBlocked] = useState<string | null>(null);
  const [resubmitBlocked, setResubmitBlocked] = useState<string | null>(null);
  const [restoreFailed, setRestoreFailed] = useState<string | null>(null);
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const doneRef = useRef<HTMLButtonElement>(null);

  const missing = useMemo(() => missingForSubmit(effective), [effective]);
  const missingSet = useMemo(() => new Set(missing), [missing]);
  const checks = useMemo(() => recordChecks(effective), [effective]);
  // Recomputed only when a fact changes, not on every keystroke: the panels below re-render only when needed.
  const factsKey = JSON.stringify(deadlineFactsOf(effective));
  const obligations = useMemo(() => obligationsOf(JSON.parse(factsKey) as DeadlineFacts, clock), [factsKey, clock]);
  const effectiveRef = useRef(effective);
  useLayoutEffect(() => {
    effectiveRef.current = effective;
  });
  /** A record with what was typed a moment ago and is not written yet. */
  const withDrafts = (doc: Intake): Intake => {
    for (const [path, raw] of editor.store.entries()) {
      const parsed = parsedDraft(path, raw, now());
      if (parsed) doc = setAtPath(doc, path, parsed.value);
    }
    return doc;
  };
  const placementEntries = useMemo(() => entries.filter((e) => e.kind === 'placement'), [entries]);
  const rejection = props.rejections.find((r) => r.id === id && r.at !== restoredAt);
  const submitted = intake?.status === 'submitted';
  const ground = effective.decision?.ground;

  const extraErrorOf = (path: string) =>
    checks[path] ?? (showMissing && missingSet.has(path) ? t.validation.requiredForSubmit : undefined);

  /** Closing saves first; a value that does not parse keeps the user here with its message, so nothing is lost. */
  const close = async () => {
    await editor.flush();
    const invalid = editor.invalid();
    if (invalid.length > 0) {
      focusField(invalid[0]);
      return;
    }
    if (editor.store.state === 'failed') return; // the header says so; what was typed stays in the inputs
    props.onClose();
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
    await editor.flush();
    const invalid = editor.invalid();
    if (invalid.length > 0) {
      focusField(invalid[0]);
      return;
    }
    if (editor.store.state === 'failed') return; // as close(): the header says so, nothing goes to the supervisor
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

  const { flush, write } = editor;
  const { onAppendEntry, suggestions } = props;
  const answerPlace = useCallback(
    async (place: PlaceRef, answer: PlacementAnswer, reason?: RefusalReason) => {
      await flush();
      const effective = effectiveRef.current;
      await onAppendEntry({
        kind: 'placement',
        text: '',
        placement: { ...place, answer, ...(reason ? { reason } : {}) },
      });
      if (answer !== 'accepted') return;
      // The place that takes the child becomes the record's placement (step 4), unless one is already chosen.
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
  const takeConflict = useCallback(
    (conflictId: string) => void intakes.takeConflictValue(id, conflictId),
    [intakes, id],
  );
  const keepConflict = useCallback((conflictId: string) => void intakes.dismissConflict(id, conflictId), [intakes, id]);

  const visible = SECTIONS.filter((s) => !s.showWhen || s.showWhen(ground) || getAtPath(effective, s.id) !== undefined);

  // Enter never leaves the record (out of habit it ended a field and threw the worker back to the list); Ctrl+Enter
  // does, from anywhere, also when the focus has left the form (e.g. after submitting). Esc is left to dialogs and
  // menus. Alt+1 … 9 jump to a section's first field, Alt+N to the next field still missing.
  const missingNow = () => missingForSubmit(withDrafts(effectiveRef.current));
  const keysRef = useRef({ close, visible, missingNow });
  useLayoutEffect(() => {
    keysRef.current = { close, visible, missingNow };
  });
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void keysRef.current.close();
        return;
      }
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN') {
        e.preventDefault();
        focusNextMissing(keysRef.current.missingNow());
        return;
      }
      const digit = e.altKey && !e.ctrlKey && !e.metaKey ? /^Digit([1-9])$/.exec(e.code) : null;
      const section = digit ? keysRef.current.visible[Number(digit[1]) - 1] : undefined;
      if (section) {
        e.preventDefault();
        focusSection(section.id, 'field');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A returned record opens at the supervisor's comment, one with conflicts at the conflicts panel: what the worker
  // must see first, once per record. Otherwise the cursor stays in the first field (autoFocus below).
  const opensAt =
    intake && reviewStateOf(intake) === 'returned' && access === 'edit'
      ? REVIEW_STATUS_ID
      : intake && intake.conflicts.length > 0
        ? CONFLICTS_ID
        : null;
  const openedAt = useRef<string | null>(null);
  useEffect(() => {
    if (!intake || openedAt.current === id) return;
    openedAt.current = id;
    const target = opensAt ? document.getElementById(opensAt) : null;
    target?.focus({ preventScroll: true });
    target?.scrollIntoView?.({ block: 'start' });
  }, [intake, id, opensAt]);

  // The record's own header is sticky below the app's: whatever is scrolled to (a jump, a focused field) must land
  // below both, so the page's scroll padding follows the header's height while the record is open.
  const stickyRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = stickyRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const update = () => {
      root.style.scrollPaddingTop = `${APP_HEADER_PX + el.offsetHeight + 12}px`;
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingTop = '';
    };
  }, []);

  // A late fact is written when its field is left. Switching to another app blurs it too, but the user has not left
  // the field: half a value would become the permanent fact. That blur is ignored (the document no longer has the
  // focus once the blur is through); the next real one, or closing the record, writes it.
  const flushOnBlur = useCallback(() => {
    setTimeout(() => {
      if (document.hasFocus()) void flush();
    }, 0);
  }, [flush]);

  const fieldProps = (spec: FieldSpec, path: string) => ({
    store: editor.store,
    spec,
    path,
    disabled: !isFieldEditable(access, intake, path),
    deferred: access === 'locked',
    stored: getAtPath(effective, path),
    extraError: extraErrorOf(path),
    now,
    onChange: editor.change,
    onBlur: flushOnBlur,
  });

  return (
    <Stack gap="md" data-testid="night-record" data-record-id={id}>
      <Paper ref={stickyRef} withBorder p="sm" pos="sticky" top={APP_HEADER_PX} style={{ zIndex: 5 }}>
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm">
            <Title order={2} size="h3">
              {intake ? t.title(nameOf(effective)) : t.titleNew}
            </Title>
            <Badge color={submitted ? 'teal' : 'gray'} data-testid="record-status">
              {de.intakeStatus[effective.status]}
            </Badge>
            {intake && submitted && (
              <Badge
                color={reviewStateColor(reviewStateOf(intake))}
                variant="outline"
                data-testid="record-review-state"
              >
                {de.review.states[reviewStateOf(intake)]}
              </Badge>
            )}
            {readOnly && (
              <Badge color="gray" variant="outline" data-testid="record-locked">
                {de.review.ui.record.lockedBadge}
              </Badge>
            )}
            {intake && effective.conflicts.length > 0 && (
              <Badge color="orange" data-testid="marker-conflict">
                {de.app.intakes.markers.conflict}
              </Badge>
            )}
            <SaveStateView store={editor.store} synced={intake ? !props.pendingIds.has(id) : null} />
          </Group>
          <Group gap="xs">
            {!submitted && !readOnly && (
              <Button color="teal" onClick={() => void submit()} data-testid="submit">
                {t.submit}
              </Button>
            )}
            <Button ref={doneRef} variant="default" onClick={() => void close()}>
              {t.done}
            </Button>
          </Group>
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          {access === 'locked'
            ? t.review.keyboardHintLocked
            : access === 'received'
              ? t.review.keyboardHintReceived
              : t.keyboardHint}
        </Text>
      </Paper>

      {intake && (
        <ReviewStatus
          intake={intake}
          access={access}
          onResubmit={() => void resubmit()}
          blocked={resubmitBlocked}
          names={props.names}
        />
      )}
      {intake && <WithheldNotice intake={intake} />}
      {intake && props.documentsAction}
      {submitted && !readOnly && <Alert color="teal">{t.submitted}</Alert>}
      {editor.skipped.length > 0 && (
        <Alert color="orange" role="alert" data-testid="record-not-written">
          <Text size="sm">
            {t.review.notWritten(
              editor.skipped
                .map(([path, value]) => `${fieldLabel(path, effective)}: ${displayOf(specOf(path), value)}`)
                .join('; '),
            )}
          </Text>
          <Button size="xs" variant="light" color="orange" mt="xs" onClick={editor.dismissSkipped}>
            {t.review.notWrittenSeen}
          </Button>
        </Alert>
      )}
      {rejection && (
        <Alert color="red" title={t.rejection.title} role="alert" data-testid="intake-rejection">
          <Text size="sm">{rejection.message || rejectionMessage(rejection)}</Text>
          <Text size="sm">{rejection.code === 'intake_locked' ? t.rejection.hintLocked : t.rejection.hint}</Text>
          {restoreFailed && (
            <Text size="sm" c="red" data-testid="intake-restore-failed">
              {restoreFailed}
            </Text>
          )}
          <Group gap="xs" mt="xs">
            {rejection.code === 'intake_locked' && (
              <Button
                size="xs"
                color="red"
                onClick={() => void restoreFromServer(rejection.at)}
                data-testid="intake-restore"
              >
                {t.rejection.restore}
              </Button>
            )}
            <Button size="xs" variant="light" color="red" onClick={() => props.onDismissRejection(id)}>
              {t.rejection.seen}
            </Button>
          </Group>
        </Alert>
      )}
      {intake && (
        <ConflictsPanel
          intake={intake}
          currentUserId={props.currentUserId}
          names={props.names}
          onTake={takeConflict}
          onKeep={keepConflict}
          actions={access === 'edit' ? 'all' : access === 'locked' ? 'keepOnly' : 'none'}
        />
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ObligationsPanel obligations={obligations} />
        {!readOnly && <MissingPanel missing={missing} doc={effective} blocked={blocked} />}
      </SimpleGrid>

      <Group gap={6} aria-label={t.sectionsNav} role="navigation">
        {visible.map((s, i) => (
          <Anchor
            key={s.id}
            size="xs"
            href={`#section-${s.id}`}
            aria-keyshortcuts={i < 9 ? `Alt+${i + 1}` : undefined}
            onClick={(e) => {
              e.preventDefault();
              focusSection(s.id, 'heading');
            }}
          >
            {s.title}
          </Anchor>
        ))}
      </Group>

      {visible.map((section) => (
        <Fieldset
          key={section.id}
          id={`section-${section.id}`}
          legend={
            <span id={`section-${section.id}-title`} tabIndex={-1}>
              {section.title}
            </span>
          }
          data-section={section.id}
        >
          <Stack gap="sm">
            {section.id === 'placement' && props.onOpenBoard && !readOnly && (
              <Button
                variant="light"
                onClick={props.onOpenBoard}
                style={{ alignSelf: 'flex-start' }}
                data-testid="open-board"
              >
                {de.app.board.searchForIntake}
              </Button>
            )}
            {section.id === 'placement' && (
              <PlacementSearch
                intakeId={id}
                entries={placementEntries}
                suggestions={props.suggestions}
                onAnswer={answerPlace}
                readOnly={readOnly}
              />
            )}
            <SectionFields
              section={section}
              fieldProps={fieldProps}
              autoFocusFirst={section.id === 'child' && !opensAt}
            />
            {section.id === 'child' && props.records && (
              <EarlierIntakesPanel
                record={effective}
                records={props.records}
                officeId={props.userOfficeId}
                editable={access === 'edit'}
                write={editor.write}
              />
            )}
            {section.id === 'child' && props.records && (
              <ChildGroupPanel
                record={effective}
                records={props.records}
                officeId={props.userOfficeId}
                editable={access === 'edit'}
                write={editor.write}
                intakes={intakes}
              />
            )}
            {section.list && (
              <ListItems
                list={section.list}
                doc={effective}
                fieldProps={fieldProps}
                write={editor.write}
                readOnly={readOnly}
              />
            )}
            {section.id === 'responsibility' && <ResponsibilityInfo intake={effective} />}
          </Stack>
        </Fieldset>
      ))}

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

type FieldPropsOf = (spec: FieldSpec, path: string) => Parameters<typeof BoundField>[0];

function SectionFields({
  section,
  fieldProps,
  autoFocusFirst,
}: {
  section: SectionSpec;
  fieldProps: FieldPropsOf;
  autoFocusFirst: boolean;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {section.fields.map((spec, i) => (
        <div
          key={spec.path}
          style={spec.kind === 'textarea' || spec.kind === 'codes' ? { gridColumn: '1 / -1' } : undefined}
        >
          <BoundField {...fieldProps(spec, spec.path)} autoFocus={autoFocusFirst && i === 0} />
        </div>
      ))}
    </SimpleGrid>
  );
}

function ListItems({
  list,
  doc,
  fieldProps,
  write,
  readOnly,
}: {
  list: ListSpec;
  doc: Intake;
  fieldProps: FieldPropsOf;
  write: (edits: readonly (readonly [string, unknown])[]) => Promise<void>;
  /** No person is added or removed once the record is locked or received (a late one goes into the log). */
  readOnly: boolean;
}) {
  const items = (getAtPath(doc, list.path) as { id: string }[] | undefined) ?? [];
  // The first field of a person just added takes the cursor once it is on screen.
  const [added, setAdded] = useState<string | null>(null);
  const add = async () => {
    const itemId = newId();
    setAdded(itemId);
    await write([[`${list.path}[${itemId}]`, { id: itemId }]]);
  };
  return (
    <Stack gap="sm">
      {list.path === 'custodians' && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t.noCustodians}
        </Text>
      )}
      {items.map((item, n) => (
        <Paper key={item.id} withBorder p="xs" data-testid="list-item" data-list={list.path}>
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={600}>
              {list.itemLabel(n + 1)}
            </Text>
            {!readOnly && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => void write([[`${list.path}[${item.id}]`, undefined]])}
              >
                {t.removeItem(list.itemLabel(n + 1))}
              </Button>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {list.fields.map((spec, i) => (
              <div key={spec.path} style={spec.kind === 'textarea' ? { gridColumn: '1 / -1' } : undefined}>
                <BoundField
                  {...fieldProps(spec, `${list.path}[${item.id}].${spec.path}`)}
                  autoFocus={i === 0 && item.id === added}
                />
              </div>
            ))}
          </SimpleGrid>
        </Paper>
      ))}
      {!readOnly && (
        <Group>
          <Button size="xs" variant="light" id={inputId(list.path)} onClick={() => void add()}>
            {list.addLabel}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function MissingPanel({ missing, doc, blocked }: { missing: string[]; doc: Intake; blocked: string | null }) {
  return (
    <Paper withBorder p="sm" data-testid="intake-missing" data-count={missing.length}>
      <Title order={3} size="h5" mb="xs" c={blocked ? 'red' : undefined}>
        {blocked
          ? `${blocked} ${t.missing.title(missing.length)}`
          : missing.length
            ? t.missing.title(missing.length)
            : t.missing.complete}
      </Title>
      {missing.length > 0 && (
        <List size="sm" spacing={2}>
          {missing.map((path) => {
            const label = missingLabel(path, doc);
            return (
              <List.Item key={path} data-path={labelKeyOf(path)}>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => focusField(path)}
                  aria-label={t.missing.goTo(label)}
                  // A button centres its lines; a wrapped entry would stand apart from its bullet.
                  style={{ textAlign: 'left' }}
                >
                  {label}
                </Anchor>
              </List.Item>
            );
          })}
        </List>
      )}
    </Paper>
  );
}

/** Whether what was typed is on this device yet, and on the server; re-renders on its own as typing goes on. */
function SaveStateView({ store, synced }: { store: DraftStore; synced: boolean | null }) {
  const { state, unsaved } = useSaveState(store);
  return (
    <Text
      size="sm"
      c={state === 'failed' ? 'red' : 'dimmed'}
      data-testid="save-state"
      data-state={state}
      data-unsaved={unsaved}
    >
      {t.save[state]}
      {synced !== null && ` · ${synced ? t.sync.synced : t.sync.pending}`}
    </Text>
  );
}
