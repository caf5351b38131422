import { randomUUID } from 'node:crypto';

import type { AccessAnswer } from '../../shared/privacy/access-request';
import type { EntrustedMark } from '../../shared/schema/entrusted';
import type { IntakeWire } from '../../shared/schema/intake';
import type { LoginResponse } from '../../shared/sync/protocol';
import { login, makeIntakeBy, pullAll, push, request } from '../support/api';
import { noteEntry, serverOnPostgres } from '../support/server-suite';

/**
 * Issue 16, access request (Art. 15 DSGVO, § 83 SGB X) on the real server and PostgreSQL: one (fictional) child
 * with two records in Pinneberg, one handed over to Segeberg. The supervisor's answer holds both records, their
 * logs, the recipient of the handover and the audit of who read them; entrusted content only with consent; a record
 * of a namesake with another birth date is not in it, one without a birth date is named for a check by hand. The
 * production is audited without the name asked for.
 */
const server = serverOnPostgres('obhut_access');
const { stored, change } = server;

const ask = (who: LoginResponse, body: unknown) =>
  request<AccessAnswer & { error?: { code: string } }>(server.url, 'POST', '/privacy/access-request', {
    token: who.token,
    body,
  });

const entry = (intakeId: string, author: string, text: string) => noteEntry('pinneberg', intakeId, author, text);

describe('access request (Art. 15 DSGVO, § 83 SGB X)', () => {
  it('gives everything stored about one person: two records, logs, the handover and who read them', async () => {
    const worker = await login(server.url, 'bereitschaft.pinneberg');
    const pinneberg = await login(server.url, 'leitung.pinneberg');
    const segeberg = await login(server.url, 'leitung.segeberg');

    const child = { firstName: 'Lena', lastName: 'Beispielkind', birthDate: '2014-03-02' };
    const t0 = Date.now();
    const mark = (id: string, over: Partial<EntrustedMark>): EntrustedMark => ({
      id,
      from: 'Tante (fiktiv)',
      markedBy: worker.user.id,
      markedAt: t0,
      ...over,
    });
    const a0 = makeIntakeBy(worker.user, { status: 'submitted', child });
    const first: IntakeWire = {
      ...a0,
      situation: 'Erste Inobhutnahme, Polizei bringt das Kind.',
      risk: { ...a0.risk, assessment: 'Die Tante erzählt vertraulich von Gewalt.' },
      call: { ...a0.call, note: 'Lena erzählt selbst vom Streit.' },
      entrusted: [
        mark('m1', { field: 'risk.assessment' }),
        mark('m2', {
          field: 'call.note',
          from: 'Lena selbst',
          basis: 'nr1_consent',
          basisBy: worker.user.id,
          basisAt: t0,
        }),
      ],
    };
    const second = makeIntakeBy(worker.user, {
      status: 'submitted',
      child: { ...child, firstName: ' lena ' },
      situation: 'Zweite Inobhutnahme im selben Jahr.',
    });
    const namesake = makeIntakeBy(worker.user, { child: { ...child, birthDate: '2015-01-01' } });
    const undated = makeIntakeBy(worker.user, { child: { firstName: 'Lena', lastName: 'Beispielkind' } });
    const others = [namesake, undated];
    expect(
      (
        await push(
          server.url,
          worker.token,
          'intakes',
          [first, second, ...others].map((d) => ({ newDocumentState: d })),
        )
      ).rejected,
    ).toEqual([]);
    const lines = [
      entry(first.id, worker.user.id, 'Kind in der Bereitschaftspflege angekommen.'),
      entry(second.id, worker.user.id, 'Mutter am Morgen erreicht.'),
      entry(namesake.id, worker.user.id, 'Anderes Kind gleichen Namens.'),
    ];
    expect(
      (
        await push(
          server.url,
          worker.token,
          'entries',
          lines.map((d) => ({ newDocumentState: d })),
        )
      ).rejected,
    ).toEqual([]);

    // The first record is countersigned and handed over to Segeberg, which reads it.
    const t = Date.now();
    const signed: IntakeWire = {
      ...first,
      updatedAt: t,
      review: { state: 'countersigned', countersignedBy: pinneberg.user.id, countersignedAt: t },
    };
    expect((await change(pinneberg, signed)).rejected).toEqual([]);
    const review = {
      ...signed.review!,
      state: 'handed_over' as const,
      handedOverTo: 'segeberg' as const,
      handedOverBy: pinneberg.user.id,
      handedOverAt: t + 1,
    };
    expect((await change(pinneberg, { ...signed, updatedAt: t + 1, review })).rejected).toEqual([]);
    await pullAll(server.url, segeberg.token, 'intakes');
    // The worker opens the second record on the laptop.
    const opened = await request(server.url, 'POST', '/local-events', {
      token: worker.token,
      body: { events: [{ id: `ev-${randomUUID()}`, kind: 'opened', recordId: second.id, at: Date.now() }] },
    });
    expect(opened.status).toBe(200);

    // Only the supervisor asks, and only with name and a real birth date.
    expect((await ask(worker, child)).status).toBe(403);
    const bad = await ask(pinneberg, { ...child, birthDate: '2014-02-30' });
    expect([bad.status, bad.body.error?.code]).toEqual([400, 'invalid_access_request']);

    const res = await ask(pinneberg, { firstName: 'LENA', lastName: ' Beispielkind ', birthDate: '2014-03-02' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const answer = res.body;
    expect(answer.officeId).toBe('pinneberg');
    expect(answer.producedBy).toContain('leitung.pinneberg');
    expect(answer.records.map((r) => r.intake.id).sort()).toEqual([first.id, second.id].sort());
    expect(answer.toCheck).toEqual([undated.id]);
    const [one, two] = [first.id, second.id].map((id) => answer.records.find((r) => r.intake.id === id)!);

    // Complete: the stored record (less what the entrusted-data rule withholds) and its whole log.
    const { _deleted, ...firstStored } = await stored(first.id);
    void _deleted;
    expect(one.intake).toEqual({
      ...firstStored,
      risk: { ...firstStored.risk, assessment: undefined },
      entrusted: [
        { id: 'm1', field: 'risk.assessment', markedBy: worker.user.id, markedAt: t0, withheld: true },
        firstStored.entrusted![1],
      ],
    });
    expect(one.intake.risk).not.toHaveProperty('assessment');
    expect(JSON.stringify(answer)).not.toContain('vertraulich von Gewalt');
    expect(one.intake.call?.note).toBe('Lena erzählt selbst vom Streit.');
    expect(one.withheld).toEqual({ fields: ['risk.assessment'], entryIds: [] });
    expect(one.log.map((e) => e.text)).toContain(lines[0].text);
    expect(two.log.map((e) => e.text)).toEqual([lines[1].text]);
    expect(JSON.stringify(answer)).not.toContain('Anderes Kind');
    expect(two.intake.situation).toBe(second.situation);

    // Recipients: the handover to Segeberg; the second record went nowhere.
    expect(one.recipients).toEqual([{ officeId: 'segeberg', at: t + 1, by: pinneberg.user.id }]);
    expect(two.recipients).toEqual([]);
    // Who read it: Segeberg's pull of the first record, the opening of the second on the worker's laptop.
    expect(one.reads).toContainEqual(
      expect.objectContaining({ action: 'sync.pull', actor: 'leitung.segeberg', officeId: 'pinneberg' }),
    );
    expect(one.reads.some((r) => r.action === 'sync.push' && r.actor === 'leitung.pinneberg')).toBe(true);
    expect(two.reads).toContainEqual(
      expect.objectContaining({ action: 'case.opened', actor: 'bereitschaft.pinneberg' }),
    );
    expect(two.reads.some((r) => r.actor === 'leitung.segeberg')).toBe(false);

    // The production is in the audit, with the record ids and without the name asked for.
    const rows = await server.db.query<{ actor_name: string; office_id: string; details: unknown }>(
      `SELECT actor_name, office_id, details FROM audit_log WHERE action = 'privacy.access_request'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].actor_name).toBe('leitung.pinneberg');
    expect(rows[0].office_id).toBe('pinneberg');
    expect(JSON.stringify(rows[0].details)).not.toContain('Beispielkind');
    expect((rows[0].details as { recordIds: string[] }).recordIds.sort()).toEqual([first.id, second.id].sort());

    // Segeberg holds the handed-over record only, as it received it: the entrusted assessment is not in it.
    const there = await ask(segeberg, child);
    expect(there.body.records.map((r) => [r.intake.id, r.received])).toEqual([[first.id, true]]);
    expect(there.body.records[0].intake.risk).not.toHaveProperty('assessment');
    expect(there.body.records[0].log.map((e) => e.text)).toContain(lines[0].text);
  });
});
