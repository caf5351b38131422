import { randomUUID } from 'node:crypto';

import { compileValidator } from '../../server/sync/validate';
import { de } from '../../shared/i18n';
import { review } from '../../shared/i18n/de/review';
import { fieldLabel } from '../../shared/nightRecord/fieldLabel';
import { type EntryWire, entryWireSchema } from '../../shared/schema/entry';
import type { IntakeWire } from '../../shared/schema/intake';
import { conflictRecord } from '../../shared/sync/merge';
import { login, makeIntake, pullAll, push } from '../support/api';
import { serverOnPostgres } from '../support/server-suite';

/**
 * Issue 7, Show 1 on the real server and PostgreSQL: the worker submits, the supervisor returns the record with a
 * comment, the worker sees it, corrects and resubmits, the supervisor countersigns. After that the record is
 * locked (a German refusal, nothing stored changes) and later facts go in as addendum entries. Every step is a
 * line on the record's log, with who and when.
 */
const validateEntry = compileValidator(entryWireSchema, {});
const server = serverOnPostgres('obhut_review');
const { stored, change } = server;

const logOf = async (token: string, intakeId: string) =>
  (await pullAll<EntryWire>(server.url, token, 'entries')).documents.filter((e) => e.intakeId === intakeId);

describe('countersigning (Vier-Augen-Prinzip)', () => {
  it('returns with a comment, countersigns after the correction, then locks the record and accepts addenda', async () => {
    const worker = await login(server.url, 'bereitschaft.pinneberg');
    const boss = await login(server.url, 'leitung.pinneberg');
    const t0 = Date.now();

    // The worker submits the night record.
    // A record id as long as the schema allows: the server's log lines for it must still be valid documents.
    const draft = makeIntake('pinneberg', { id: `p-${randomUUID()}${'x'.repeat(26)}` });
    expect((await push(server.url, worker.token, 'intakes', [{ newDocumentState: draft }])).rejected).toEqual([]);
    const submitted: IntakeWire = { ...draft, status: 'submitted', updatedAt: t0 + 1 };
    expect((await change(worker, submitted)).rejected).toEqual([]);

    // The worker cannot countersign their own record.
    const selfSigned: IntakeWire = {
      ...submitted,
      updatedAt: t0 + 2,
      review: { state: 'countersigned', countersignedBy: worker.user.id, countersignedAt: t0 + 2 },
    };
    const refused = await change(worker, selfSigned);
    expect(refused.rejected).toEqual([
      { id: draft.id, code: 'review_not_allowed', message: de.errors.review_not_allowed },
    ]);

    // A return needs a comment.
    const bare: IntakeWire = {
      ...submitted,
      updatedAt: t0 + 3,
      updatedBy: boss.user.id,
      review: { state: 'returned', returnedBy: boss.user.id, returnedAt: t0 + 3, returnComment: '  ' },
    };
    expect((await change(boss, bare)).rejected[0]?.code).toBe('return_comment_missing');

    const comment = 'Bitte die Uhrzeit der Information der Sorgeberechtigten ergänzen.';
    const returned: IntakeWire = { ...bare, review: { ...bare.review!, returnComment: comment } };
    expect((await change(boss, returned)).rejected).toEqual([]);

    // The worker sees the comment at the next sync, corrects the record and hands it back.
    const seen = (await pullAll<IntakeWire>(server.url, worker.token, 'intakes')).documents.find(
      (d) => d.id === draft.id,
    )!;
    expect(seen.review).toMatchObject({ state: 'returned', returnComment: comment, returnedBy: boss.user.id });
    const corrected: IntakeWire = {
      ...seen,
      situation: 'Fiktiver Testfall. Sorgeberechtigte um 03:10 Uhr telefonisch informiert.',
      updatedAt: t0 + 4,
      updatedBy: worker.user.id,
      review: { ...seen.review!, state: 'new' },
    };
    expect((await change(worker, corrected)).rejected).toEqual([]);

    // The supervisor countersigns.
    const signed: IntakeWire = {
      ...corrected,
      updatedAt: t0 + 5,
      updatedBy: boss.user.id,
      review: { ...corrected.review!, state: 'countersigned', countersignedBy: boss.user.id, countersignedAt: t0 + 5 },
    };
    expect((await change(boss, signed)).rejected).toEqual([]);
    expect((await stored(draft.id)).review).toMatchObject({
      state: 'countersigned',
      countersignedBy: 'leitung.pinneberg',
    });

    // Locked: an edit, by the worker or the supervisor, is refused in German; the stored record stays as signed.
    const before = await stored(draft.id);
    for (const who of [worker, boss]) {
      const edit: IntakeWire = { ...before, situation: 'Nachträglich geändert.', updatedAt: t0 + 6 };
      const answer = await change(who, edit);
      expect(answer.rejected).toEqual([{ id: draft.id, code: 'intake_locked', message: de.errors.intake_locked }]);
      expect(answer.rejected[0].message).toMatch(/gegengezeichnet.*Nachtrag/);
    }
    const reopen: IntakeWire = {
      ...before,
      status: 'draft',
      review: { ...before.review!, state: 'returned' },
      updatedAt: t0 + 7,
    };
    expect((await change(boss, reopen)).rejected[0]?.code).toBe('intake_locked');
    expect(await stored(draft.id)).toEqual(before);

    // An addendum entry is accepted.
    const addendum: EntryWire = {
      id: `e-${randomUUID()}`,
      officeId: 'pinneberg',
      intakeId: draft.id,
      kind: 'note',
      at: t0 + 8,
      createdBy: worker.user.id,
      createdAt: t0 + 8,
      updatedAt: t0 + 8,
      text: 'Nachtrag: Die Mutter hat sich am Morgen gemeldet.',
      _deleted: false,
    };
    expect((await push(server.url, worker.token, 'entries', [{ newDocumentState: addendum }])).rejected).toEqual([]);

    // Every review step is on the record's log with who and when.
    const log = await logOf(worker.token, draft.id);
    const texts = log.map((e) => e.text);
    expect(texts).toContain(review.log.returned('Leitung Kreis Pinneberg (leitung.pinneberg)', comment));
    expect(texts).toContain(review.log.resubmitted('Bereitschaft Kreis Pinneberg (bereitschaft.pinneberg)'));
    expect(texts).toContain(review.log.countersigned('Leitung Kreis Pinneberg (leitung.pinneberg)'));
    expect(texts).toContain(addendum.text);
    const steps = log.filter((e) => e.id.startsWith('review-'));
    expect(steps.map((e) => e.createdBy)).toEqual(['leitung.pinneberg', 'bereitschaft.pinneberg', 'leitung.pinneberg']);
    expect(steps.every((e) => e.at >= t0)).toBe(true);
    // Clients validate what they store (and would drop these lines otherwise).
    for (const line of steps) expect(validateEntry(line)).toBeNull();
  });

  it("refuses a countersignature of another office's supervisor and of a draft", async () => {
    const worker = await login(server.url, 'bereitschaft.stormarn');
    const boss = await login(server.url, 'leitung.stormarn');
    const draft = makeIntake('stormarn');
    await push(server.url, worker.token, 'intakes', [{ newDocumentState: draft }]);
    const signed: IntakeWire = {
      ...draft,
      updatedAt: draft.updatedAt + 1,
      review: { state: 'countersigned', countersignedBy: boss.user.id, countersignedAt: Date.now() },
    };
    expect((await change(boss, signed)).rejected[0]?.code).toBe('invalid_review_step');

    const foreign = await login(server.url, 'leitung.segeberg');
    const submitted: IntakeWire = { ...draft, status: 'submitted', updatedAt: draft.updatedAt + 2 };
    await change(worker, submitted);
    const byOther: IntakeWire = {
      ...submitted,
      updatedAt: draft.updatedAt + 3,
      review: { state: 'countersigned', countersignedBy: foreign.user.id, countersignedAt: Date.now() },
    };
    expect((await change(foreign, byOther)).rejected[0]?.code).toBe('other_office');
    expect((await stored(draft.id)).review).toBeUndefined();
  });

  it('takes a record into review; after countersigning, late facts are added once and logged, then it closes', async () => {
    const worker = await login(server.url, 'bereitschaft.segeberg');
    const boss = await login(server.url, 'leitung.segeberg');
    const draft = makeIntake('segeberg', { status: 'submitted' });
    expect((await push(server.url, worker.token, 'intakes', [{ newDocumentState: draft }])).rejected).toEqual([]);
    const at = (n: number) => draft.updatedAt + n;

    // Only the supervisor starts the review.
    const byWorker: IntakeWire = { ...draft, updatedAt: at(1), review: { state: 'in_review' } };
    expect((await change(worker, byWorker)).rejected[0]?.code).toBe('review_not_allowed');
    const inReview: IntakeWire = {
      ...draft,
      updatedAt: at(2),
      updatedBy: boss.user.id,
      review: { state: 'in_review' },
    };
    expect((await change(boss, inReview)).rejected).toEqual([]);

    // Not closed before it is countersigned.
    const early: IntakeWire = { ...inReview, updatedAt: at(3), review: { state: 'closed' } };
    expect((await change(boss, early)).rejected[0]?.code).toBe('invalid_review_step');
    const signed: IntakeWire = {
      ...inReview,
      updatedAt: at(4),
      review: { state: 'countersigned', countersignedBy: boss.user.id, countersignedAt: at(4) },
    };
    expect((await change(boss, signed)).rejected).toEqual([]);
    // Nor before the measure has ended.
    const notEnded: IntakeWire = { ...signed, updatedAt: at(5), review: { ...signed.review!, state: 'closed' } };
    expect((await change(boss, notEnded)).rejected).toEqual([
      { id: draft.id, code: 'measure_not_ended', message: de.errors.measure_not_ended },
    ]);

    // Two days later the worker adds the end of the measure: a late fact, accepted once, then fixed.
    const ended: IntakeWire = {
      ...signed,
      updatedAt: at(6),
      updatedBy: worker.user.id,
      end: { endedAt: at(6), reason: 'foster_family' },
    };
    expect((await change(worker, ended)).rejected).toEqual([]);
    const moved: IntakeWire = { ...ended, updatedAt: at(7), end: { endedAt: at(7), reason: 'foster_family' } };
    expect((await change(worker, moved)).rejected[0]?.code).toBe('intake_locked');

    const closed: IntakeWire = {
      ...ended,
      updatedAt: at(8),
      updatedBy: boss.user.id,
      review: { ...signed.review!, state: 'closed' },
    };
    expect((await change(boss, closed)).rejected).toEqual([]);
    expect((await stored(draft.id)).review).toEqual({
      state: 'closed',
      countersignedBy: boss.user.id,
      countersignedAt: at(4),
    });
    expect((await stored(draft.id)).end).toEqual({ endedAt: at(6), reason: 'foster_family' });
    // Closed is final.
    const reopened: IntakeWire = { ...closed, updatedAt: at(9), review: { ...closed.review!, state: 'countersigned' } };
    expect((await change(boss, reopened)).rejected[0]?.code).toBe('invalid_review_step');

    const texts = (await logOf(worker.token, draft.id)).map((e) => e.text);
    const lead = 'Leitung Kreis Segeberg (leitung.segeberg)';
    const oncall = 'Bereitschaft Kreis Segeberg (bereitschaft.segeberg)';
    expect(texts).toEqual(
      expect.arrayContaining([
        review.log.step(lead, 'in_review'),
        review.log.countersigned(lead),
        review.log.lateFacts(oncall, [fieldLabel('end.endedAt'), fieldLabel('end.reason')]),
        review.log.step(lead, 'closed'),
      ]),
    );
  });

  it('keeps four eyes: a supervisor does not countersign a record they wrote', async () => {
    const boss = await login(server.url, 'leitung.stormarn');
    const own = makeIntake('stormarn', { status: 'submitted', createdBy: boss.user.id, updatedBy: boss.user.id });
    expect((await push(server.url, boss.token, 'intakes', [{ newDocumentState: own }])).rejected).toEqual([]);
    const signed: IntakeWire = {
      ...own,
      updatedAt: own.updatedAt + 1,
      review: { state: 'countersigned', countersignedBy: boss.user.id, countersignedAt: own.updatedAt + 1 },
    };
    expect((await change(boss, signed)).rejected).toEqual([
      { id: own.id, code: 'four_eyes', message: de.errors.four_eyes },
    ]);
    // Naming someone else as the author does not get round it: the stored author counts, and stays.
    const disguised: IntakeWire = { ...signed, createdBy: 'bereitschaft.stormarn' };
    expect((await change(boss, disguised)).rejected[0]?.code).toBe('field_not_writable');
    const renamed: IntakeWire = { ...own, updatedAt: own.updatedAt + 2, createdBy: 'bereitschaft.stormarn' };
    expect((await change(boss, renamed)).rejected[0]?.code).toBe('field_not_writable');
    expect((await stored(own.id)).review).toBeUndefined();
    expect((await stored(own.id)).createdBy).toBe(boss.user.id);
  });

  it('signs only a record that came back from the worker and has no open conflicts; a step is never rewritten', async () => {
    const worker = await login(server.url, 'bereitschaft.herzogtum-lauenburg');
    const boss = await login(server.url, 'leitung.herzogtum-lauenburg');
    const draft = makeIntake('herzogtum-lauenburg', { status: 'submitted' });
    expect((await push(server.url, worker.token, 'intakes', [{ newDocumentState: draft }])).rejected).toEqual([]);
    const at = (n: number) => draft.updatedAt + n;
    const returned: IntakeWire = {
      ...draft,
      updatedAt: at(1),
      review: { state: 'returned', returnedBy: boss.user.id, returnedAt: at(1), returnComment: 'Bitte ergänzen.' },
    };
    expect((await change(boss, returned)).rejected).toEqual([]);

    // The comment stands as given: changing it is not a step and would go without a log line.
    const reworded: IntakeWire = {
      ...returned,
      updatedAt: at(2),
      review: { ...returned.review!, returnComment: 'Anders.' },
    };
    expect((await change(boss, reworded)).rejected[0]?.code).toBe('invalid_review_step');
    // Not signed while the worker corrects it.
    const signed = (base: IntakeWire, n: number): IntakeWire => ({
      ...base,
      updatedAt: at(n),
      // What the review recorded before (the return) stays: a step adds to it, never rewrites it.
      review: { ...base.review, state: 'countersigned', countersignedBy: boss.user.id, countersignedAt: at(n) },
    });
    expect((await change(boss, signed(returned, 3))).rejected[0]?.code).toBe('invalid_review_step');

    const back: IntakeWire = {
      ...returned,
      updatedAt: at(4),
      updatedBy: worker.user.id,
      review: { ...returned.review!, state: 'new' },
    };
    expect((await change(worker, back)).rejected).toEqual([]);
    // A conflict still open is settled first.
    const conflicted: IntakeWire = {
      ...back,
      updatedAt: at(5),
      conflicts: [conflictRecord('situation', 'Andere Fassung.', worker.user.id, at(5))],
    };
    expect((await change(worker, conflicted)).rejected).toEqual([]);
    expect((await change(boss, signed(conflicted, 6))).rejected).toEqual([
      { id: draft.id, code: 'conflicts_open', message: de.errors.conflicts_open },
    ]);
    const settled: IntakeWire = { ...conflicted, updatedAt: at(7), conflicts: [] };
    expect((await change(worker, settled)).rejected).toEqual([]);
    expect((await change(boss, signed(settled, 8))).rejected).toEqual([]);
    expect((await stored(draft.id)).review?.state).toBe('countersigned');
  });
});
