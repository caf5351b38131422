import { review } from '../../shared/i18n/de/review';
import type { EntryWire } from '../../shared/schema/entry';
import type { IntakeWire } from '../../shared/schema/intake';
import { login, makeIntake, pull, pullAll, push } from '../support/api';
import { noteEntry, serverOnPostgres } from '../support/server-suite';

/**
 * Issue 7, Show 2 on the real server and PostgreSQL: Pinneberg's supervisor hands a countersigned record to the
 * responsible office Segeberg. Segeberg then pulls that record and its log, and nothing else of Pinneberg;
 * Stormarn sees nothing; Segeberg cannot change it; the handover is in both offices' logs and audit trails.
 */
const server = serverOnPostgres('obhut_handover');
const { stored, change } = server;

const entry = (intakeId: string, author: string, text: string) => noteEntry('pinneberg', intakeId, author, text);

describe('handover to the responsible office', () => {
  it('lets Segeberg read the handed-over record and its log, not Stormarn, and logs it on both sides', async () => {
    const worker = await login(server.url, 'bereitschaft.pinneberg');
    const pinneberg = await login(server.url, 'leitung.pinneberg');
    const segeberg = await login(server.url, 'leitung.segeberg');
    const stormarn = await login(server.url, 'leitung.stormarn');

    const record = makeIntake('pinneberg', { status: 'submitted' });
    const other = makeIntake('pinneberg', { status: 'submitted' });
    await push(server.url, worker.token, 'intakes', [{ newDocumentState: record }, { newDocumentState: other }]);
    const note = entry(record.id, worker.user.id, 'Kind in der Bereitschaftspflege angekommen.');
    const otherNote = entry(other.id, worker.user.id, 'Anderer Fall.');
    expect(
      (await push(server.url, worker.token, 'entries', [{ newDocumentState: note }, { newDocumentState: otherNote }]))
        .rejected,
    ).toEqual([]);

    // Segeberg is in sync before the handover and sees nothing of Pinneberg.
    const intakesBefore = await pullAll<IntakeWire>(server.url, segeberg.token, 'intakes');
    const entriesBefore = await pullAll<EntryWire>(server.url, segeberg.token, 'entries');
    expect(intakesBefore.documents.filter((d) => d.officeId === 'pinneberg')).toEqual([]);
    expect(entriesBefore.documents.filter((d) => d.officeId === 'pinneberg')).toEqual([]);

    const t = Date.now();
    const signed: IntakeWire = {
      ...record,
      updatedAt: t,
      updatedBy: pinneberg.user.id,
      review: { state: 'countersigned', countersignedBy: pinneberg.user.id, countersignedAt: t },
    };
    expect((await change(pinneberg, signed)).rejected).toEqual([]);

    // Only the supervisor hands over, and only to another office.
    const toSelf: IntakeWire = {
      ...signed,
      updatedAt: t + 1,
      review: {
        ...signed.review!,
        state: 'handed_over',
        handedOverTo: 'pinneberg',
        handedOverBy: pinneberg.user.id,
        handedOverAt: t + 1,
      },
    };
    expect((await change(pinneberg, toSelf)).rejected[0]?.code).toBe('handover_target_invalid');
    const handed: IntakeWire = { ...toSelf, review: { ...toSelf.review!, handedOverTo: 'segeberg' } };
    const byWorker: IntakeWire = { ...handed, review: { ...handed.review!, handedOverBy: worker.user.id } };
    expect((await change(worker, byWorker)).rejected[0]?.code).toBe('review_not_allowed');
    expect((await change(pinneberg, handed)).rejected).toEqual([]);

    // Segeberg's next pull, from its checkpoint, brings that record and its whole log, nothing else of Pinneberg.
    const intakesAfter = await pull<IntakeWire>(server.url, segeberg.token, 'intakes', {
      checkpoint: intakesBefore.checkpoint,
    });
    expect(intakesAfter.documents.map((d) => d.id)).toEqual([record.id]);
    expect(intakesAfter.documents[0]).toEqual(await stored(record.id));
    const entriesAfter = await pull<EntryWire>(server.url, segeberg.token, 'entries', {
      checkpoint: entriesBefore.checkpoint,
    });
    expect(entriesAfter.documents.every((e) => e.intakeId === record.id)).toBe(true);
    const texts = entriesAfter.documents.map((e) => e.text);
    expect(texts).toContain(note.text);
    expect(texts).not.toContain(otherNote.text);
    const who = 'Leitung Kreis Pinneberg (leitung.pinneberg)';
    expect(texts).toContain(review.log.handedOver(who, 'segeberg'));
    expect(texts).toContain(review.log.received(who, 'pinneberg'));

    // Stormarn sees none of it.
    const stormarnIntakes = await pullAll<IntakeWire>(server.url, stormarn.token, 'intakes');
    const stormarnEntries = await pullAll<EntryWire>(server.url, stormarn.token, 'entries');
    expect(stormarnIntakes.documents.map((d) => d.id)).not.toContain(record.id);
    expect(stormarnEntries.documents.filter((e) => e.intakeId === record.id)).toEqual([]);

    // Segeberg reads, but cannot write Pinneberg's record; Pinneberg keeps reading it.
    const edit: IntakeWire = {
      ...(await stored(record.id)),
      situation: 'Von Segeberg geändert.',
      updatedAt: Date.now(),
    };
    expect((await change(segeberg, edit)).rejected[0]?.code).toBe('other_office');
    const own = await pullAll<IntakeWire>(server.url, pinneberg.token, 'intakes');
    expect(own.documents.map((d) => d.id)).toEqual(expect.arrayContaining([record.id, other.id]));

    // The handover is in both offices' logs: a line of each office on the record, and in each audit trail.
    const lines = await server.db.query<{ office_id: string }>(
      `SELECT office_id FROM documents WHERE collection = 'entries' AND data->>'intakeId' = $1 AND data->>'kind' = 'handover' ORDER BY office_id`,
      [record.id],
    );
    expect(lines.map((l) => l.office_id)).toEqual(['pinneberg', 'segeberg']);
    const trail = await server.db.query<{
      office_id: string;
      actor_id: string;
      details: { intakeId: string; from: string; to: string };
    }>(`SELECT office_id, actor_id, details FROM audit_log WHERE action = 'case.handover' ORDER BY office_id`);
    expect(trail).toEqual([
      {
        office_id: 'pinneberg',
        actor_id: 'leitung.pinneberg',
        details: { intakeId: record.id, from: 'pinneberg', to: 'segeberg' },
      },
      {
        office_id: 'segeberg',
        actor_id: 'leitung.pinneberg',
        details: { intakeId: record.id, from: 'pinneberg', to: 'segeberg' },
      },
    ]);
  });
});
