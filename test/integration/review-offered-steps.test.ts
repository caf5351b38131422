import fc from 'fast-check';

import { reviewActions } from '../../renderer/src/features/review/review-actions';
import { guardCollection } from '../../server/authz/collections';
import { collectionByName } from '../../server/sync/collections';
import { decideRow } from '../../server/sync/push';
import { demoNightRecord } from '../../shared/demo/nightRecord';
import { OFFICE_IDS, type OfficeId } from '../../shared/offices';
import { type Role, ROLES } from '../../shared/roles';
import { afterStep, offeredSteps, type Step, stepDenial, type StepInput, STEPS } from '../../shared/rules/intake';
import { type IntakeReview, type IntakeWire, REVIEW_STATES } from '../../shared/schema/intake';
import { conflictRecord } from '../../shared/sync/merge';
import type { SessionUser } from '../../shared/sync/protocol';

/**
 * Issue 11, Show 2: for generated records, users, roles and review states, the steps the app offers are exactly the
 * steps the server accepts. The app's side is the review page's model (renderer/src/features/review/review-actions.ts)
 * and the rule book's offeredSteps (resubmitting, deleting); the server's side is its decision on a pushed row
 * (server/sync/push.ts decideRow) through the authorisation guard, schema validation and the collection's rules, as
 * a push from that user with the record as the assumed and stored state would be decided.
 */
const intakes = guardCollection(collectionByName('intakes')!);
const T = Date.UTC(2026, 2, 2, 8, 0);
const OFFICES: OfficeId[] = ['pinneberg', 'segeberg'];
const PEOPLE = ['bereitschaft.pinneberg', 'leitung.pinneberg', 'leitung2.pinneberg', 'bereitschaft.segeberg'];

const user = fc.record({
  id: fc.constantFrom(...PEOPLE),
  officeId: fc.constantFrom(...OFFICES),
  roles: fc.subarray([...ROLES] as Role[], { minLength: 1 }),
});

/** A review in any state, with or without the traces of earlier steps (also combinations no path reaches). */
const review: fc.Arbitrary<IntakeReview | undefined> = fc.option(
  fc.record(
    {
      state: fc.constantFrom(...REVIEW_STATES),
      returnedBy: fc.constantFrom(...PEOPLE),
      returnedAt: fc.constant(T - 5_000),
      returnComment: fc.constantFrom('Bitte ergänzen.', ' '),
      countersignedBy: fc.constantFrom(...PEOPLE),
      countersignedAt: fc.constant(T - 4_000),
      handedOverTo: fc.constantFrom(...OFFICE_IDS),
      handedOverBy: fc.constantFrom(...PEOPLE),
      handedOverAt: fc.constant(T - 3_000),
    },
    { requiredKeys: ['state'] },
  ),
  { nil: undefined },
);

const record: fc.Arbitrary<IntakeWire> = fc
  .record({
    officeId: fc.constantFrom(...OFFICES),
    createdBy: fc.constantFrom(...PEOPLE),
    status: fc.constantFrom('draft' as const, 'submitted' as const),
    review,
    conflicted: fc.boolean(),
    ended: fc.boolean(),
    deleted: fc.boolean(),
  })
  .map(({ officeId, createdBy, status, review, conflicted, ended, deleted }) => {
    const night = demoNightRecord(T - 86_400_000);
    const doc: IntakeWire = {
      ...night,
      id: 'r-property',
      officeId,
      createdBy,
      createdAt: T - 86_400_000,
      updatedAt: T - 10_000,
      updatedBy: createdBy,
      child: { firstName: 'Mia', lastName: 'Musterkind', estimatedAge: 7 },
      situation: 'Fiktiver Fall.',
      status,
      conflicts: conflicted ? [conflictRecord('situation', 'Andere Fassung.', createdBy, T - 9_000)] : [],
      end: ended ? { endedAt: T - 2_000, reason: 'foster_family' } : {},
      _deleted: deleted,
    };
    if (review) doc.review = review;
    return doc;
  });

const input: fc.Arbitrary<StepInput> = fc.record({
  at: fc.integer({ min: T - 60_000, max: T + 60_000 }),
  comment: fc.constantFrom('Bitte die Uhrzeit ergänzen.', '', '   '),
  to: fc.constantFrom(...OFFICE_IDS),
});

const session = (u: { id: string; officeId: string; roles: Role[] }): SessionUser => ({
  ...u,
  username: u.id,
  displayName: u.id,
});

/** Does the server store this step as pushed by `u`, and is it a step (the record moves)? */
function serverTakes(u: SessionUser, doc: IntakeWire, step: Step, given: StepInput): boolean {
  const next = afterStep(doc, step, u, given) as IntakeWire;
  const decision = decideRow(intakes, u, { assumedMasterState: doc, newDocumentState: next }, doc);
  const moves = step === 'delete' ? !doc._deleted : (doc.review?.state ?? 'new') !== next.review?.state;
  return decision.kind === 'write' && moves;
}

/** The review page's buttons, by step. */
function pageOffers(u: SessionUser, doc: IntakeWire): Partial<Record<Step, boolean>> {
  const actions = reviewActions(u, doc, T);
  return {
    start_review: actions.startReview,
    countersign: actions.countersign,
    return: actions.giveBack,
    hand_over: actions.handOver,
    close: actions.close,
  };
}

describe('offered steps equal accepted steps (same rule book, both sides)', () => {
  it('the review page offers a step exactly when the server accepts it, for every role and review state', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(user, record, (u, doc) => {
        const caller = session(u);
        const sample: StepInput = { at: T, comment: 'x', to: OFFICE_IDS.find((o) => o !== doc.officeId) };
        const page = pageOffers(caller, doc);
        const offered = new Set(offeredSteps(caller, doc, T));
        for (const step of STEPS) {
          const accepted = serverTakes(caller, doc, step, sample);
          expect(offered.has(step), `${step} by ${JSON.stringify(u)} on ${JSON.stringify(doc.review)}`).toBe(accepted);
          const shown = page[step];
          if (shown !== undefined) expect(shown, `page ${step}`).toBe(accepted);
          if (accepted) seen.add(step);
        }
      }),
      { numRuns: 2000, seed: 11 },
    );
    // The generators reach every step being accepted somewhere, so the equality is not vacuous.
    expect([...seen].sort()).toEqual([...STEPS].sort());
  });

  it('a step written with what the dialog asked (comment, office) is taken exactly when the app lets it through', () => {
    fc.assert(
      fc.property(user, record, fc.constantFrom(...STEPS), input, (u, doc, step, given) => {
        const caller = session(u);
        expect(stepDenial(caller, doc, step, given) === null).toBe(serverTakes(caller, doc, step, given));
      }),
      { numRuns: 3000, seed: 12 },
    );
  });
});
