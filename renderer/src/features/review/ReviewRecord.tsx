import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  type ReactNode,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

import { obligationsOf } from '../../../../shared/deadlines';
import type { DeadlineFacts } from '../../../../shared/deadlines/rules';
import { formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { deadlineFactsOf } from '../../../../shared/nightRecord/deadlineFacts';
import { responsibilityOf } from '../../../../shared/nightRecord/responsibility';
import { reviewAfter, type Step, stepDenial, type StepInput } from '../../../../shared/rules/intake';
import { type Intake, isLocked, reviewStateOf } from '../../../../shared/schema/intake';
import { useClient } from '../../app/client-context';
import { isTypingTarget } from '../../app/typing-target';
import { useNow } from '../../app/use-now';
import { useRecordOpened } from '../../app/use-record-opened';
import type { EntryInput } from '../../data/entries';
import { useDirectory, useEntries, usePendingIds, useRejections } from '../../data/hooks';
import type { RejectionView } from '../../data/rejections';
import { ConflictsPanel } from '../../record/ConflictsPanel';
import { EntryLog } from '../../record/EntryLog';
import { nameOf } from '../../record/name';
import { ObligationsPanel } from '../../record/ObligationsPanel';
import { rejectionMessage } from '../../record/rejection-message';
import { ResponsibilityInfo } from '../../record/ResponsibilityInfo';
import { reviewStateColor } from '../../record/review-state';
import { RecordSummary } from './RecordSummary';
import { reviewActions } from './review-actions';
import { CountersignDialog, HandoverDialog, ReturnDialog } from './ReviewDialogs';

const t = de.review.ui;

type Dialog = 'countersign' | 'return' | 'handover' | null;

export type ReviewRecordProps = {
  intake: Intake;
  onBack: () => void;
  /** The printable handover report's button (features/handover-report), shown beside the review steps. */
  reportAction?: ReactNode;
  now?: () => number;
};

/**
 * One submitted record as the supervisor reviews it: read-only with its deadlines, conflicts and log, and the steps
 * of the review (countersign, return with a comment, hand over to the responsible office). Each step is one write
 * of `review` (steps.ts); the server checks it and writes the log line. A refusal shows here in German.
 */
export function ReviewRecord({ intake, onBack, reportAction, now = Date.now }: ReviewRecordProps) {
  const client = useClient();
  useRecordOpened(intake.id);
  const names = useDirectory();
  const clock = useNow(now);
  const entries = useEntries(intake.id);
  const pendingIds = usePendingIds();
  const rejections = useRejections();
  const factsKey = JSON.stringify(deadlineFactsOf(intake));
  const obligations = useMemo(() => obligationsOf(JSON.parse(factsKey) as DeadlineFacts, clock), [factsKey, clock]);
  const actions = reviewActions(client.user, intake, clock);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const steps = useReviewSteps(intake, actions.startReview, now, headingRef);
  useEscapeBack(onBack, steps.dialog !== null);
  const locked = isLocked(intake);
  const rejection = rejections.find((r) => r.id === intake.id);

  const onAppend = useCallback(
    async (input: EntryInput) => void (await client.entries.append(intake.id, input)),
    [client, intake.id],
  );
  const onRestore = useCallback((entryId: string) => void client.entries.restoreFromServer(entryId), [client]);
  const onTake = useCallback(
    (conflictId: string) => void client.intakes.takeConflictValue(intake.id, conflictId),
    [client, intake.id],
  );
  const onKeep = useCallback(
    (conflictId: string) => void client.intakes.dismissConflict(intake.id, conflictId),
    [client, intake.id],
  );

  return (
    <Stack gap="md" data-testid="review-record" data-record-id={intake.id} data-review-state={reviewStateOf(intake)}>
      <ReviewHeader
        intake={intake}
        actions={actions}
        steps={steps}
        headingRef={headingRef}
        pending={pendingIds.has(intake.id)}
        rejected={rejection !== undefined}
        reportAction={reportAction}
        onBack={onBack}
      />
      <ReviewNotices
        intake={intake}
        rejection={rejection}
        error={steps.dialog ? null : steps.error}
        pending={pendingIds.has(intake.id)}
        names={names}
      />
      <ConflictsPanel
        intake={intake}
        currentUserId={client.user.id}
        onTake={onTake}
        onKeep={onKeep}
        actions={locked ? 'keepOnly' : 'all'}
        names={names}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ObligationsPanel obligations={obligations} />
        <div>
          <ResponsibilityInfo intake={intake} />
        </div>
      </SimpleGrid>
      <RecordSummary intake={intake} />
      <EntryLog
        entries={entries}
        pendingIds={pendingIds}
        rejections={rejections}
        now={now}
        onAppend={onAppend}
        onRestore={onRestore}
        names={names}
      />

      <CountersignDialog
        opened={steps.dialog === 'countersign'}
        error={steps.dialog === 'countersign' ? steps.error : null}
        onClose={() => steps.setDialog(null)}
        onConfirm={() => steps.apply('countersign')}
      />
      <ReturnDialog
        opened={steps.dialog === 'return'}
        error={steps.dialog === 'return' ? steps.error : null}
        onClose={() => steps.setDialog(null)}
        onConfirm={(comment) => steps.apply('return', { comment })}
      />
      <HandoverDialog
        opened={steps.dialog === 'handover'}
        error={steps.dialog === 'handover' ? steps.error : null}
        from={intake.officeId}
        suggested={responsibilityOf(intake).officeId}
        onClose={() => steps.setDialog(null)}
        onConfirm={(to) => steps.apply('hand_over', { to })}
      />
    </Stack>
  );
}

type ReviewSteps = ReturnType<typeof useReviewSteps>;

/**
 * The review's steps on one record: which dialog is open, the last step's failure, and `apply`. After a step the
 * focus goes to the record's heading (the button that was pressed may be gone).
 */
function useReviewSteps(
  intake: Intake,
  mayStart: boolean,
  now: () => number,
  headingRef: RefObject<HTMLHeadingElement | null>,
) {
  const client = useClient();
  const [dialog, setDialogState] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const setDialog = (next: Dialog) => {
    setError(null);
    setDialogState(next);
  };
  const [focusHeading, setFocusHeading] = useState(0);
  useEffect(() => {
    if (focusHeading > 0) headingRef.current?.focus();
  }, [focusHeading, headingRef]);

  /**
   * Applies a step to the record as it is when written (IntakeRepository.modify): a colleague's change that arrived
   * meanwhile is kept, and a step the record no longer allows is not written. True when the step was saved.
   */
  const apply = async (step: Step, input: Omit<StepInput, 'at'> = {}): Promise<boolean> => {
    setError(null);
    try {
      const saved = await client.intakes.modify(intake.id, (current) => {
        const at = now();
        if (step === 'delete' || stepDenial(client.user, current, step, { ...input, at }) !== null) return null;
        return { review: reviewAfter(current, step, client.user, { ...input, at }) };
      });
      if (!saved) {
        setError(t.stepOutdated);
        return false;
      }
      setDialogState(null);
      setFocusHeading((n) => n + 1);
      return true;
    } catch (err) {
      // The German text only; the technical cause goes to the log.
      console.warn('review step not saved', err);
      setError(t.stepFailed);
      return false;
    }
  };

  // Opening a new record of the own office starts its review ("in Prüfung"), once per record shown; only if it is
  // still new when written.
  const started = useRef<string | null>(null);
  useEffect(() => {
    if (!mayStart || started.current === intake.id) return;
    started.current = intake.id;
    const input = { at: now() };
    client.intakes
      .modify(intake.id, (current) =>
        reviewStateOf(current) === 'new' && stepDenial(client.user, current, 'start_review', input) === null
          ? { review: reviewAfter(current, 'start_review', client.user, input) }
          : null,
      )
      .catch((err: unknown) => {
        console.warn('review not marked "in Prüfung"', err);
        setError(t.stepFailed);
      });
  }, [client, intake.id, mayStart, now]);

  return { dialog, setDialog, error, apply };
}

/** Esc leads back to the queue, unless a dialog is open (it closes the dialog itself). */
function useEscapeBack(onBack: () => void, dialogOpen: boolean) {
  const backRef = useRef(onBack);
  const dialogRef = useRef(dialogOpen);
  useLayoutEffect(() => {
    backRef.current = onBack;
    dialogRef.current = dialogOpen;
  });
  useEffect(() => {
    const onEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || dialogRef.current || isTypingTarget(e.target)) return;
      e.preventDefault();
      backRef.current();
    };
    window.addEventListener('keydown', onEscape);
    return () => window.removeEventListener('keydown', onEscape);
  }, []);
}

/** The sticky head of the record: name, review state, sync state, and the steps the supervisor may take now. */
function ReviewHeader(props: {
  intake: Intake;
  actions: ReturnType<typeof reviewActions>;
  steps: ReviewSteps;
  headingRef: RefObject<HTMLHeadingElement | null>;
  pending: boolean;
  rejected: boolean;
  reportAction?: ReactNode;
  onBack: () => void;
}) {
  const { intake, actions, steps, headingRef, pending, rejected } = props;
  const state = reviewStateOf(intake);
  const signHint =
    actions.countersignBlocked === 'four_eyes'
      ? t.countersign.ownRecord
      : actions.countersignBlocked === 'conflicts_open'
        ? t.countersign.conflictsFirst
        : null;
  const signable = actions.countersign || signHint !== null;
  return (
    <Paper withBorder p="sm" pos="sticky" top={56} style={{ zIndex: 5 }}>
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Title order={2} size="h3" ref={headingRef} tabIndex={-1} data-testid="review-heading">
            {t.record.title(nameOf(intake))}
          </Title>
          <Badge color={reviewStateColor(state)} data-testid="review-state">
            {de.review.states[state]}
          </Badge>
          {isLocked(intake) && (
            <Badge color="gray" variant="outline" data-testid="review-locked">
              {t.record.lockedBadge}
            </Badge>
          )}
          <Text
            size="sm"
            c={pending ? 'yellow' : 'dimmed'}
            data-testid="review-sync"
            data-state={rejected ? 'rejected' : pending ? 'pending' : 'synced'}
          >
            {rejected ? t.sync.rejected : pending ? t.sync.pending : t.sync.synced}
          </Text>
        </Group>
        <Group gap="xs" aria-label={t.record.actions} role="group">
          {signable && (
            <Button
              color="teal"
              disabled={!actions.countersign}
              onClick={() => steps.setDialog('countersign')}
              aria-describedby={signHint ? 'review-countersign-hint' : undefined}
              data-testid="review-countersign"
            >
              {t.countersign.button}
            </Button>
          )}
          {actions.giveBack && (
            <Button
              color="orange"
              variant="light"
              onClick={() => steps.setDialog('return')}
              data-testid="review-return"
            >
              {t.giveBack.button}
            </Button>
          )}
          {/* Once countersigned the responsibility section is locked, so the handover is always offered (the dialog
              suggests). */}
          {actions.handOver && (
            <Button
              color="grape"
              variant="light"
              onClick={() => steps.setDialog('handover')}
              data-testid="review-handover"
            >
              {t.handOver.button}
            </Button>
          )}
          {actions.close && (
            <Button
              color="gray"
              variant="light"
              onClick={() => void steps.apply('close')}
              title={t.close.hint}
              data-testid="review-close"
            >
              {t.close.button}
            </Button>
          )}
          {props.reportAction}
          <Button variant="default" onClick={props.onBack} data-testid="review-back">
            {t.record.back}
          </Button>
        </Group>
      </Group>
      {signHint && (
        <Text size="sm" c="yellow" mt={4} id="review-countersign-hint" data-testid="review-countersign-hint">
          {signHint}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {t.record.keyboardHint}
      </Text>
    </Paper>
  );
}

/** What the supervisor must know before reading on: a refusal, a failed step, whose record, the review so far. */
function ReviewNotices(props: {
  intake: Intake;
  rejection: RejectionView | undefined;
  /** A failed step whose dialog is closed already. */
  error: string | null;
  pending: boolean;
  names: ReadonlyMap<string, string>;
}) {
  const { intake, rejection, pending } = props;
  const client = useClient();
  const personName = (id: string | undefined) => (id ? (props.names.get(id) ?? id) : '');
  const state = reviewStateOf(intake);
  const review = intake.review;
  return (
    <>
      {rejection && (
        <Alert color="red" title={t.rejected.title} role="alert" data-testid="review-rejection">
          <Text size="sm">{rejectionMessage(rejection)}</Text>
          <Text size="sm">{t.rejected.hint}</Text>
          <Button size="xs" variant="light" color="red" mt="xs" onClick={() => void client.dismissRejection(intake.id)}>
            {t.rejected.seen}
          </Button>
        </Alert>
      )}
      {props.error && (
        <Alert color="red" role="alert" data-testid="review-error">
          {props.error}
        </Alert>
      )}
      {intake.officeId !== client.user.officeId && (
        <Alert color="grape">{t.record.receivedFrom(intake.officeId)}</Alert>
      )}
      {intake.status !== 'submitted' && <Alert color="yellow">{t.record.notSubmitted}</Alert>}
      {isLocked(intake) && (
        <Alert color="teal" data-testid="review-locked-note">
          {t.record.locked}
        </Alert>
      )}
      {review && (review.countersignedAt || review.returnedAt || review.handedOverAt) && (
        <Paper withBorder p="sm" data-testid="review-history">
          {review.state === 'returned' && review.returnedAt !== undefined && (
            <Text size="sm" c="orange" data-testid="review-return-comment">
              {t.record.returnedBy(
                personName(review.returnedBy),
                formatDateTime(review.returnedAt),
                review.returnComment ?? '',
              )}
            </Text>
          )}
          {review.countersignedAt !== undefined && (
            <Text size="sm">
              {t.record.countersignedBy(personName(review.countersignedBy), formatDateTime(review.countersignedAt))}
            </Text>
          )}
          {review.handedOverAt !== undefined && review.handedOverTo && (
            <Text size="sm">
              {t.record.handedOverBy(
                personName(review.handedOverBy),
                review.handedOverTo,
                formatDateTime(review.handedOverAt),
              )}
            </Text>
          )}
        </Paper>
      )}
      {pending && !rejection && (state === 'countersigned' || state === 'returned' || state === 'handed_over') && (
        <Text size="sm" c="yellow">
          {t.pendingStep}
        </Text>
      )}
    </>
  );
}
