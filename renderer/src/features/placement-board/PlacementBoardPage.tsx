import { Alert, Button, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';

import { ageGroupOf } from '../../../../shared/catalogues/ageGroup';
import { formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { groupCriteria, groupMembers } from '../../../../shared/intakes/childGroups';
import { roomSearched } from '../../../../shared/placement/match';
import { ageYearsAt } from '../../../../shared/placement/newHold';
import { mayAtAll } from '../../../../shared/rules/authz';
import type { Facility } from '../../../../shared/schema/facility';
import type { HoldStatus } from '../../../../shared/schema/hold';
import type { Intake } from '../../../../shared/schema/intake';
import { useClient } from '../../app/client-context';
import { useNow } from '../../app/use-now';
import type { ObhutClient } from '../../data/client';
import { useFacilities, useHolds, useIntakes, usePendingIds, useRefusedHolds, useSyncStatus } from '../../data/hooks';
import { nameOf } from '../../record/name';
import { factsOf, holdFromBoard } from './board-actions';
import { type BoardCard, boardCards, type BoardCriteria, NO_CRITERIA } from './board-model';
import { BoardFilters } from './BoardFilters';
import { FacilityCard } from './FacilityCard';
import { type CompleteHold, HoldDialog, type HoldDraft } from './HoldDialog';

const t = de.app.board;
/**
 * Cards rendered at first and added per "Weitere anzeigen". The best matches come first, so the night's answer
 * is in the first few; rendering all 300 cards of the Verbund at once would take seconds on an office laptop.
 */
const PAGE_SIZE = 30;

type Props = {
  /** Opened from an intake: the place is searched and held for it. */
  intakeId?: string;
};

/**
 * The search and how many cards show. The intake's facts become the search once, when it is chosen (or arrives);
 * the worker may change them after. Children taken in together are placed together: the search is the group's
 * (shared/intakes/childGroups.ts), once.
 */
function useBoardSearch(intake: Intake | undefined, members: readonly Intake[], now: number) {
  const [criteria, setCriteriaState] = useState<BoardCriteria>(() => NO_CRITERIA);
  const [limit, setLimit] = useState(PAGE_SIZE);
  // A new search starts again with its best matches.
  const setCriteria = useCallback((next: BoardCriteria) => {
    setCriteriaState(next);
    setLimit(PAGE_SIZE);
  }, []);
  const [appliedIntake, setAppliedIntake] = useState<string | undefined>(undefined);
  if (intake && appliedIntake !== intake.id) {
    setAppliedIntake(intake.id);
    const group = groupCriteria(members);
    // A mother-and-child place is searched by the mother's age.
    const searchedFor = (group.motherAndChild && members.find((m) => m.group?.role === 'mother')) || intake;
    const facts = factsOf(searchedFor, now);
    setCriteria({
      ...criteria,
      ageYears: facts.ageYears,
      ...(facts.sex ? { sex: facts.sex } : {}),
      siblings: group.siblings,
      motherAndChild: group.motherAndChild,
    });
  }
  return { criteria, setCriteria, limit, showMore: () => setLimit(limit + PAGE_SIZE) };
}

type Dialog = { facility: Facility; draft: HoldDraft; full: boolean };

/** Holding a place (at once, or through the dialog) and the next step of an own hold. */
function useBoardActions(
  client: ObhutClient,
  intakes: readonly Intake[],
  intake: Intake | undefined,
  criteria: BoardCriteria,
  cards: readonly BoardCard[],
) {
  const canHold = mayAtAll(client.user, 'holds', 'write');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const hold = useCallback(
    async (facility: Facility, request: CompleteHold) => {
      setError(null);
      try {
        const { made } = await holdFromBoard(client, facility, request, intakes, roomSearched(criteria));
        setNotice(t.hold.held(facility.name, formatDateTime(made[made.length - 1].expiresAt)));
        setDialog(null);
      } catch {
        setError(t.hold.failed);
      }
    },
    [client, intakes, criteria],
  );

  const onHold = useMemo(
    () =>
      canHold
        ? (facility: Facility) => {
            const at = Date.now();
            const card = cards.find((c) => c.match.facility.id === facility.id);
            // The room the search takes: a mother with her child is full when the mother-and-child room is.
            const full = !card || card.match.searched.free <= 0;
            const draft: HoldDraft = {
              intakeRef: intake?.id,
              ageGroup:
                (intake && ageGroupOf(ageYearsAt(intake.child, at) ?? Number.NaN)) ??
                (criteria.ageYears === undefined ? undefined : ageGroupOf(criteria.ageYears)),
              sex: criteria.sex ?? (intake && factsOf(intake, at).sex),
            };
            // One action: with the intake, its age and the sex known, the place is held at once - unless the board
            // shows it full: then the worker is asked why, and the hold is marked over-booked at once.
            if (!full && draft.intakeRef && draft.ageGroup && draft.sex) void hold(facility, draft as CompleteHold);
            else setDialog({ facility, draft, full });
          }
        : undefined,
    [canHold, intake, criteria, hold, cards],
  );
  const onSetStatus = useMemo(
    () =>
      canHold
        ? (holdId: string, next: HoldStatus) => {
            void client.holds.setStatus(holdId, next).catch(() => setError(t.hold.failed));
          }
        : undefined,
    [canHold, client],
  );
  return { canHold, hold, onHold, onSetStatus, dialog, closeDialog: () => setDialog(null), notice, error };
}

/** The matching facilities, best first, a page at a time. */
function BoardResults(props: {
  empty: boolean;
  cards: readonly BoardCard[];
  limit: number;
  showMore: () => void;
  now: number;
  onHold?: (facility: Facility) => void;
  onSetStatus?: (holdId: string, next: HoldStatus) => void;
  intakeName: (id: string) => string | undefined;
}) {
  const { cards, limit } = props;
  if (props.empty) return <Text c="dimmed">{t.noFacilities}</Text>;
  if (cards.length === 0) return <Text c="dimmed">{t.empty}</Text>;
  return (
    <Stack gap="sm">
      {cards.slice(0, limit).map((card) => (
        <FacilityCard
          key={card.match.facility.id}
          card={card}
          now={props.now}
          onHold={props.onHold}
          onSetStatus={props.onSetStatus}
          intakeName={props.intakeName}
        />
      ))}
      {cards.length > limit && (
        <Button variant="light" onClick={props.showMore} data-testid="board-more">
          {t.showMore(Math.min(PAGE_SIZE, cards.length - limit), limit, cards.length)}
        </Button>
      )}
    </Stack>
  );
}

/**
 * "Where is a free place for this child, now?" Every facility of the Verbund with its free places, matched
 * against the search; works on the device's last snapshot while offline and says so.
 */
export function PlacementBoardPage(props: Props) {
  const intakes = useIntakes();
  // Opened from a record, the board searches with that child's facts: shown before the records are read, it would
  // name no child for a moment and a worker could start a search without them.
  if (intakes === null) return <Loader size="sm" aria-label={de.app.shell.loading} />;
  return <Board {...props} intakes={intakes} />;
}

function Board({ intakeId: initialIntakeId, intakes }: Props & { intakes: Intake[] }) {
  const client = useClient();
  const now = useNow();
  const status = useSyncStatus();
  const facilities = useFacilities();
  const holds = useHolds();
  // Who keeps the Verbund's facilities: the authorisation table's (shared/rules/authz.ts).
  const overseesVerbund = mayAtAll(client.user, 'facilities', 'write');

  const [intakeId, setIntakeId] = useState<string | undefined>(initialIntakeId);
  const intake = intakes.find((i) => i.id === intakeId);
  const members = useMemo(() => (intake ? groupMembers(intake, intakes) : []), [intake, intakes]);
  const { criteria, setCriteria, limit, showMore } = useBoardSearch(intake, members, now);

  const pendingIds = usePendingIds();
  const rejections = useRefusedHolds();
  const cards = useMemo(
    () =>
      boardCards(facilities, holds, criteria, now, {
        officeId: client.user.officeId,
        pendingIds,
        rejections,
        overseesVerbund,
      }),
    [facilities, holds, criteria, now, client, pendingIds, rejections, overseesVerbund],
  );
  const names = useMemo(() => new Map(intakes.map((i) => [i.id, nameOf(i)])), [intakes]);
  const intakeName = useMemo(() => (id: string) => names.get(id), [names]);
  const fitting = cards.filter((c) => c.match.fits).length;
  const actions = useBoardActions(client, intakes, intake, criteria, cards);
  const { dialog } = actions;

  const offline = status !== null && status.connection !== 'online';
  return (
    // Room below the last card: the status bar (footer) overlays the bottom of the page.
    <Stack data-testid="placement-board" pb={96}>
      <Title order={2}>{t.title}</Title>
      <Text size="sm" c="dimmed">
        {t.intro}
      </Text>
      {offline && (
        <Alert color="yellow" data-testid="offline-snapshot">
          {status.lastSyncedAt === null ? t.neverSynced : t.offlineSnapshot(formatDateTime(status.lastSyncedAt))}
        </Alert>
      )}
      {actions.canHold && (
        <Select
          label={t.filters.intake}
          placeholder={t.filters.intakePlaceholder}
          data={intakes.map((i) => ({ value: i.id, label: nameOf(i) }))}
          value={intakeId ?? null}
          onChange={(v) => setIntakeId(v ?? undefined)}
          clearable
          searchable
          maw={420}
        />
      )}
      {members.length > 1 && (
        <Text size="sm" data-testid="board-group">
          {de.relatedRecords.group.boardGroup(
            de.nightRecord.childGroupKinds[members[0].group!.kind],
            members.map((m) => nameOf(m)).join(', '),
            members.length,
          )}
        </Text>
      )}
      <BoardFilters criteria={criteria} onChange={setCriteria} />
      {actions.notice && (
        <Text c="teal" role="status" data-testid="board-notice">
          {actions.notice}
        </Text>
      )}
      {actions.error && (
        <Text c="red" role="alert">
          {actions.error}
        </Text>
      )}
      <Group justify="space-between">
        <Text size="sm" data-testid="board-count">
          {t.count(cards.length, fitting)}
        </Text>
      </Group>
      <BoardResults
        empty={facilities.length === 0}
        cards={cards}
        limit={limit}
        showMore={showMore}
        now={now}
        onHold={actions.onHold}
        onSetStatus={actions.onSetStatus}
        intakeName={intakeName}
      />
      {dialog && (
        <HoldDialog
          facility={dialog.facility}
          draft={dialog.draft}
          full={dialog.full}
          intakes={intakes.map((i) => ({ id: i.id, name: nameOf(i) }))}
          onConfirm={(request) => actions.hold(dialog.facility, request)}
          onCancel={actions.closeDialog}
        />
      )}
    </Stack>
  );
}
