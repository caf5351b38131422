import { addRxPlugin } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';

import { demoNightRecord } from '../../shared/demo/nightRecord';
import { de } from '../../shared/i18n';
import type { EntryWire } from '../../shared/schema/entry';
import type { Intake, IntakeWire } from '../../shared/schema/intake';
import { login, pullAll } from '../support/api';
import { clientsClosedAfterEachTest, type Laptop, waitFor } from '../support/devices';
import { serverOnPostgres } from '../support/server-suite';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);

/**
 * Issue 3, Show 2: the night record between two laptops through the real server on PostgreSQL. Edits made offline
 * merge field by field (the custodians by item); the same field edited on both keeps one value and shows the other
 * on both laptops as a conflict with author and time; a log entry cannot be changed once on the server.
 */
const server = serverOnPostgres('obhut_night');
const { laptop } = clientsClosedAfterEachTest(server);

const START = Date.now() - 2 * 3_600_000;
const get = (l: Laptop, id: string) => l.client.intakes.get(id);
const synced = (l: Laptop) =>
  waitFor(async () => (await l.client.awaitInSync(), l.client.status.pendingCount === 0), 'synced');

/** A draft night record both laptops have, with the mother as the one custodian. */
async function shared(a: Laptop, b: Laptop): Promise<Intake> {
  const night = demoNightRecord(START);
  const created = await a.client.intakes.create({ ...night, status: 'draft' });
  await waitFor(() => get(b, created.id), 'record on B');
  return created;
}

async function storedOnServer(id: string): Promise<IntakeWire> {
  const [row] = await server.db.query<{ data: IntakeWire }>(
    `SELECT data FROM documents WHERE collection = 'intakes' AND id = $1`,
    [id],
  );
  return row.data;
}

describe('the night record between two laptops on PostgreSQL', () => {
  it('offline edits of different fields, sections and custodians reach both laptops without a conflict', async () => {
    const a = await laptop('bereitschaft.segeberg');
    const b = await laptop('leitung.segeberg');
    const record = await shared(a, b);
    a.network.goOffline();
    b.network.goOffline();

    await a.client.intakes.setFields(record.id, [
      ['risk.assessment', 'Einschätzung von A'],
      ['custodians[custodian-1].informedAt', START + 3_600_000],
      ['custodians[custodian-1].channel', 'phone'],
      ['risk.indicators', ['child_alone', 'neglect', 'domestic_violence']],
    ]);
    await b.client.intakes.setFields(record.id, [
      ['decision.reasons', 'Begründung von B'],
      ['custodians[father].role', 'father'],
      ['custodians[father].name', 'Max Musterfrau (fiktiv)'],
      ['risk.indicators', ['child_alone', 'neglect', 'parent_addiction']],
      ['court.court', 'Amtsgericht Norderstedt'],
    ]);
    expect(a.client.status.pendingIds).toEqual([record.id]);

    a.network.goOnline();
    await synced(a);
    b.network.goOnline();
    await synced(b);
    await waitFor(async () => (await get(a, record.id))?.court?.court === 'Amtsgericht Norderstedt', "B's edit on A");

    for (const l of [a, b]) {
      const doc = (await get(l, record.id))!;
      expect(doc.conflicts).toEqual([]);
      expect(doc.risk?.assessment).toBe('Einschätzung von A');
      expect(doc.decision?.reasons).toBe('Begründung von B');
      expect(doc.risk?.indicators).toEqual(['child_alone', 'neglect', 'domestic_violence', 'parent_addiction']);
      expect(doc.custodians).toEqual([
        expect.objectContaining({ id: 'custodian-1', informedAt: START + 3_600_000, channel: 'phone' }),
        { id: 'father', role: 'father', name: 'Max Musterfrau (fiktiv)' },
      ]);
    }
    const server = await storedOnServer(record.id);
    expect(server.court).toEqual({ court: 'Amtsgericht Norderstedt' });
    expect(server.custodians).toHaveLength(2);
  });

  it('the same field on both: the first to reach the server stays, the other is a conflict on both laptops with author and time', async () => {
    const a = await laptop('bereitschaft.segeberg');
    const b = await laptop('leitung.segeberg');
    const record = await shared(a, b);
    a.network.goOffline();
    b.network.goOffline();

    await a.client.intakes.setFields(record.id, [
      ['decision.ground', '42_1_2b'],
      ['custodians[custodian-1].reaction', 'Einverstanden (A)'],
    ]);
    const bEdit = await b.client.intakes.setFields(record.id, [
      ['decision.ground', '42_1_1'],
      ['custodians[custodian-1].reaction', 'Widerspricht (B)'],
      ['transport.transportedBy', 'Polizei'],
    ]);

    a.network.goOnline();
    await synced(a);
    b.network.goOnline();
    await synced(b);
    await waitFor(async () => (await get(a, record.id))?.conflicts.length === 2, 'conflicts on A');

    for (const l of [a, b]) {
      const doc = (await get(l, record.id))!;
      expect(doc.decision?.ground).toBe('42_1_2b');
      expect(doc.custodians?.[0].reaction).toBe('Einverstanden (A)');
      expect(doc.transport?.transportedBy).toBe('Polizei'); // only B changed it: merged silently
      expect(doc.conflicts.map((c) => [c.field, JSON.parse(c.value), c.by, c.at])).toEqual([
        ['decision.ground', '42_1_1', 'leitung.segeberg', bEdit.updatedAt],
        ['custodians[custodian-1].reaction', 'Widerspricht (B)', 'leitung.segeberg', bEdit.updatedAt],
      ]);
    }
    expect(b.client.status.conflictIds).toContain(record.id);

    // Someone decides: B's reaction is right after all, the ground stays. Both laptops end without conflicts.
    const doc = (await get(a, record.id))!;
    const reaction = doc.conflicts.find((c) => c.field.startsWith('custodians'))!;
    const ground = doc.conflicts.find((c) => c.field === 'decision.ground')!;
    await a.client.intakes.takeConflictValue(record.id, reaction.id);
    await a.client.intakes.dismissConflict(record.id, ground.id);
    await synced(a);
    await waitFor(async () => (await get(b, record.id))?.conflicts.length === 0, 'resolution on B');
    expect((await get(b, record.id))?.custodians?.[0].reaction).toBe('Widerspricht (B)');
    expect((await get(b, record.id))?.decision?.ground).toBe('42_1_2b');
  });

  it('a log entry is immutable once on the server: a change is refused with a reason, and the line can be put back', async () => {
    const a = await laptop('bereitschaft.segeberg');
    const b = await laptop('leitung.segeberg');
    const record = await shared(a, b);
    const entry = await a.client.entries.append(record.id, {
      kind: 'placement',
      text: 'Kein Platz frei.',
      placement: { facilityName: 'Kinderhaus Travetal', answer: 'refused', reason: 'no_place' },
    });
    await synced(a);
    await waitFor(async () => (await b.client.db.entries.findOne(entry.id).exec()) !== null, 'entry on B');

    // An older or faulty client changes the stored line in its database.
    const doc = await a.client.db.entries.findOne(entry.id).exec();
    await doc!.incrementalPatch({ text: 'Platz frei.', updatedAt: Date.now() });
    const rejection = await waitFor(
      () => a.client.status.rejections.find((r) => r.id === entry.id),
      'refusal recorded',
    );
    expect(rejection.code).toBe('entry_immutable');
    expect(rejection.message).toBe(de.errors.entry_immutable);
    expect(rejection.message).toMatch(/nicht mehr geändert werden/);

    const [row] = await server.db.query<{ data: EntryWire }>(
      `SELECT data FROM documents WHERE collection = 'entries' AND id = $1`,
      [entry.id],
    );
    expect(row.data.text).toBe('Kein Platz frei.');
    expect((await b.client.db.entries.findOne(entry.id).exec())?.text).toBe('Kein Platz frei.');

    await a.client.entries.restoreFromServer(entry.id);
    await waitFor(() => a.client.status.rejections.length === 0, 'refusal cleared');
    expect((await a.client.db.entries.findOne(entry.id).exec())?.text).toBe('Kein Platz frei.');

    // Nor can a line be deleted; and the log is the office's own.
    const session = await login(server.url, 'bereitschaft.stormarn');
    expect(
      (await pullAll<EntryWire>(server.url, session.token, 'entries')).documents.map((e) => e.intakeId),
    ).not.toContain(record.id);
  });

  it('the server refuses a submitted record with gaps by the same rule as the form, naming them in German', async () => {
    const a = await laptop('bereitschaft.segeberg');
    const created = await a.client.intakes.create({
      receivedAt: START,
      child: { firstName: 'Ole', lastName: 'Lückenhaft', estimatedAge: 12 },
      initiatedBy: 'police',
      situation: 'Fiktiv.',
      status: 'draft',
    });
    await synced(a);
    // Past the form's check, straight into the local database.
    const doc = await a.client.db.intakes.findOne(created.id).exec();
    await doc!.incrementalPatch({ status: 'submitted', updatedAt: Date.now() });
    const rejection = await waitFor(
      () => a.client.status.rejections.find((r) => r.id === created.id),
      'refusal recorded',
    );
    expect(rejection.code).toBe('incomplete_submission');
    expect(rejection.message).toContain('3 · Entscheidung und Rechtsgrundlage – Rechtsgrundlage');
    expect(rejection.message).toContain('Personensorgeberechtigte');
    expect((await storedOnServer(created.id)).status).toBe('draft');

    // Completed, it is accepted.
    await a.client.intakes.update(created.id, { ...demoNightRecord(START), child: created.child, status: 'submitted' });
    await waitFor(() => a.client.status.rejections.length === 0, 'refusal cleared');
    await waitFor(async () => (await storedOnServer(created.id)).status === 'submitted', 'submitted on the server');
  });
});
