import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type ReactNode, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';

import { obligationsOf } from '../../../../shared/deadlines';
import type { DeadlineFacts } from '../../../../shared/deadlines/rules';
import { formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { deadlineFactsOf } from '../../../../shared/nightRecord/deadlineFacts';
import { responsibilityOf } from '../../../../shared/nightRecord/responsibility';
import { isOfficeId, OFFICE_IDS, type OfficeId } from '../../../../shared/offices';
import { intakeFieldLimits } from '../../../../shared/rules/fieldLimits';
import { reviewAfter, type Step, stepDenial, type StepInput } from '../../../../shared/rules/intake';
import type { Entry } from '../../../../shared/schema/entry';
import { type Intake, isLocked, reviewStateOf } from '../../../../shared/schema/intake';
import { useClient } from '../../app/client-context';
import { isTypingTarget } from '../../app/typing-target';
import { useDirectory } from '../../app/use-directory';
import { useNow } from '../../app/use-now';
import { useObservable } from '../../app/use-observable';
import { useRecordOpened } from '../../app/use-record-opened';
import type { EntryInput } from '../../data/entries';
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

const t = de.review.ui;

type Dialog = 'countersign' | 'return' | 'handover' | null;

export type ReviewRecordProps = {
  intake: Intake;
  pendingIds: ReadonlySet<string>;
  rejections: readonly RejectionView[];
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
export function ReviewRecord({
  intake,
  pendingIds,
  rejections,
  onBack,
  reportAction,
  now = Date.now,
}: ReviewRecordProps) {
  const client = useClient();
  useRecordOpened(intake.id);
  const names = useDirectory();
  const personName = (id: string | undefined) => (id ? (names.get(id) ?? id) : '');
  const clock = useNow(now);
  const entries$ = useMemo(() => client.entries.list$(intake.id), [client, intake.id]);
  const entries = useObservable<Entry[]>(entries$, []);
  const [dialog, setDialogState] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const setDialog = (next: Dialog) => {
    setError(null);
    setDialogState(next);
  };
  // After a step the focus goes to the record's heading (the button that was pressed may be gone).
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusHeading, setFocusHeading] = useState(0);
  useEffect(() => {
    if (focusHeading > 0) headingRef.current?.focus();
  }, [focusHeading]);
  const factsKey = JSON.stringify(deadlineFactsOf(intake));
  const obligations = useMemo(() => obligationsOf(JSON.parse(factsKey) as DeadlineFacts, clock), [factsKey, clock]);

  const state = reviewStateOf(intake);
  const locked = isLocked(intake);
  const own = intake.officeId === client.user.officeId;
  const submitted = intake.status === 'submitted';
  const responsibility = responsibilityOf(intake);
  const actions = reviewActions(client.user, intake, clock);
  const signHint =
    actions.countersignBlocked === 'four_eyes'
      ? t.countersign.ownRecord
      : actions.countersignBlocked === 'conflicts_open'
        ? t.countersign.conflictsFirst
        : null;
  const canSign = actions.countersign;
  const signable = canSign || signHint !== null;
  const canReturn = actions.giveBack;
  // Once countersigned the responsibility section is locked, so the handover is always offered (the dialog suggests).
  const canHandOver = actions.handOver;
  const canClose = actions.close;
  const rejection = rejections.find((r) => r.id === intake.id);
  const pending = pendingIds.has(intake.id);
  const review = intake.review;

  // Esc leads back to the queue, unless a dialog is open (it closes the dialog itself).
  const backRef = useRef(onBack);
  const dialogRef = useRef(dialog);
  useLayoutEffect(() => {
    backRef.current = onBack;
    dialogRef.current = dialog;
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
  const mayStart = actions.startReview;
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
    <Stack gap="md" data-testid="review-record" data-record-id={intake.id} data-review-state={state}>
      <Paper withBorder p="sm" pos="sticky" top={56} style={{ zIndex: 5 }}>
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm">
            <Title order={2} size="h3" ref={headingRef} tabIndex={-1} data-testid="review-heading">
              {t.record.title(nameOf(intake))}
            </Title>
            <Badge color={reviewStateColor(state)} data-testid="review-state">
              {de.review.states[state]}
            </Badge>
            {locked && (
              <Badge color="gray" variant="outline" data-testid="review-locked">
                {t.record.lockedBadge}
              </Badge>
            )}
            <Text
              size="sm"
              c={pending ? 'yellow' : 'dimmed'}
              data-testid="review-sync"
              data-state={rejection ? 'rejected' : pending ? 'pending' : 'synced'}
            >
              {rejection ? t.sync.rejected : pending ? t.sync.pending : t.sync.synced}
            </Text>
          </Group>
          <Group gap="xs" aria-label={t.record.actions} role="group">
            {signable && (
              <Button
                color="teal"
                disabled={!canSign}
                onClick={() => setDialog('countersign')}
                aria-describedby={signHint ? 'review-countersign-hint' : undefined}
                data-testid="review-countersign"
              >
                {t.countersign.button}
              </Button>
            )}
            {canReturn && (
              <Button color="orange" variant="light" onClick={() => setDialog('return')} data-testid="review-return">
                {t.giveBack.button}
              </Button>
            )}
            {canHandOver && (
              <Button color="grape" variant="light" onClick={() => setDialog('handover')} data-testid="review-handover">
                {t.handOver.button}
              </Button>
            )}
            {canClose && (
              <Button
                color="gray"
                variant="light"
                onClick={() => void apply('close')}
                title={t.close.hint}
                data-testid="review-close"
              >
                {t.close.button}
              </Button>
            )}
            {reportAction}
            <Button variant="default" onClick={onBack} data-testid="review-back">
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

      {rejection && (
        <Alert color="red" title={t.rejected.title} role="alert" data-testid="review-rejection">
          <Text size="sm">{rejectionMessage(rejection)}</Text>
          <Text size="sm">{t.rejected.hint}</Text>
          <Button size="xs" variant="light" color="red" mt="xs" onClick={() => void client.dismissRejection(intake.id)}>
            {t.rejected.seen}
          </Button>
        </Alert>
      )}
      {error && !dialog && (
        <Alert color="red" role="alert" data-testid="review-error">
          {error}
        </Alert>
      )}
      {!own && <Alert color="grape">{t.record.receivedFrom(intake.officeId)}</Alert>}
      {!submitted && <Alert color="yellow">{t.record.notSubmitted}</Alert>}
      {locked && (
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
        opened={dialog === 'countersign'}
        error={dialog === 'countersign' ? error : null}
        onClose={() => setDialog(null)}
        onConfirm={() => apply('countersign')}
      />
      <ReturnDialog
        opened={dialog === 'return'}
        error={dialog === 'return' ? error : null}
        onClose={() => setDialog(null)}
        onConfirm={(comment) => apply('return', { comment })}
      />
      <HandoverDialog
        opened={dialog === 'handover'}
        error={dialog === 'handover' ? error : null}
        from={intake.officeId}
        suggested={responsibility.officeId}
        onClose={() => setDialog(null)}
        onConfirm={(to) => apply('hand_over', { to })}
      />
    </Stack>
  );
}

/** The step's failure, inside the dialog that is still open (not behind it). */
function StepError({ error }: { error: string | null }) {
  return error ? (
    <Alert color="red" role="alert" data-testid="review-error">
      {error}
    </Alert>
  ) : null;
}

type DialogProps = { opened: boolean; error: string | null; onClose: () => void };

function CountersignDialog({ opened, error, onClose, onConfirm }: DialogProps & { onConfirm: () => Promise<boolean> }) {
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened={opened} onClose={onClose} title={t.countersign.title}>
      <Stack>
        <Text size="sm">{t.countersign.text}</Text>
        <StepError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.cancel}
          </Button>
          <Button
            color="teal"
            data-autofocus
            loading={busy}
            data-testid="review-countersign-confirm"
            onClick={async () => {
              setBusy(true);
              await onConfirm();
              setBusy(false);
            }}
          >
            {t.countersign.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ReturnDialog({
  opened,
  error: stepError,
  onClose,
  onConfirm,
}: DialogProps & { onConfirm: (comment: string) => Promise<boolean> }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!comment.trim()) {
      setError(t.giveBack.commentRequired);
      return;
    }
    setError(null);
    setBusy(true);
    const saved = await onConfirm(comment);
    setBusy(false);
    // A comment that could not be saved stays, so that it can be sent again.
    if (saved) setComment('');
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t.giveBack.title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Textarea
            label={t.giveBack.comment}
            description={t.giveBack.commentHint}
            value={comment}
            error={error}
            autosize
            minRows={4}
            maxLength={intakeFieldLimits('review.returnComment')?.maxLength}
            data-autofocus
            data-testid="review-return-comment-input"
            onChange={(e) => setComment(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void submit();
              }
            }}
          />
          <StepError error={stepError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t.cancel}
            </Button>
            <Button type="submit" color="orange" loading={busy} data-testid="review-return-confirm">
              {t.giveBack.confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function HandoverDialog(
  props: DialogProps & { from: OfficeId; suggested: string | undefined; onConfirm: (to: OfficeId) => Promise<boolean> },
) {
  const options = OFFICE_IDS.filter((o) => o !== props.from);
  const initial = isOfficeId(props.suggested) && props.suggested !== props.from ? props.suggested : '';
  const [to, setTo] = useState<OfficeId | ''>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Each opening starts from the suggestion again (state adjusted while rendering, as React's docs show).
  const [shownFor, setShownFor] = useState({ initial, opened: props.opened });
  if (shownFor.initial !== initial || shownFor.opened !== props.opened) {
    setShownFor({ initial, opened: props.opened });
    setTo(initial);
  }
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t.handOver.title}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!to) {
            setError(t.handOver.targetRequired);
            return;
          }
          setBusy(true);
          await props.onConfirm(to);
          setBusy(false);
          setError(null);
        }}
      >
        <Stack>
          {props.suggested === 'outside' && (
            <Alert color="yellow" p="xs">
              {t.handOver.outside}
            </Alert>
          )}
          <NativeSelect
            label={t.handOver.target}
            value={to}
            error={error}
            data-autofocus
            data-testid="review-handover-target"
            onChange={(e) => setTo(e.currentTarget.value as OfficeId | '')}
            data={[
              { value: '', label: t.handOver.targetNone },
              ...options.map((o) => ({ value: o, label: de.offices[o] })),
            ]}
          />
          {to && isOfficeId(props.suggested) && to !== props.suggested && (
            <Alert color="yellow" p="xs" data-testid="review-handover-differs">
              {t.handOver.differs(props.suggested)}
            </Alert>
          )}
          <Text size="sm">{t.handOver.text(props.from)}</Text>
          <StepError error={props.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t.cancel}
            </Button>
            <Button type="submit" color="grape" loading={busy} data-testid="review-handover-confirm">
              {t.handOver.confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
