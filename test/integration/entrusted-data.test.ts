import { documentOf } from '../../renderer/src/features/documents/document-model';
import { antragFamiliengericht } from '../../renderer/src/features/documents/templates/antrag-familiengericht';
import { bescheidInobhutnahme } from '../../renderer/src/features/documents/templates/bescheid-inobhutnahme';
import { withheldOf, withholdFromEntries, withholdFromIntake } from '../../shared/privacy/entrusted';
import type { LaptopCopy } from '../../shared/privacy/laptop-purge';
import type { EntrustedMark } from '../../shared/schema/entrusted';
import type { EntryWire } from '../../shared/schema/entry';
import type { IntakeWire } from '../../shared/schema/intake';
import { login, makeIntakeBy, pullAll, push, request } from '../support/api';
import { noteEntry, serverOnPostgres } from '../support/server-suite';

/**
 * Issue 16, entrusted data (§ 65 SGB VIII) on the real server and PostgreSQL: Pinneberg marks what a neighbour
 * told in confidence (a field and a log line) and hands the record to Segeberg. Segeberg's copy lacks the marked
 * content and says that something was withheld; a basis recorded for the handover (Nr. 3) releases its mark. The
 * documents made from Pinneberg's own copy leave marked content out until a basis for that document is recorded.
 */
const server = serverOnPostgres('obhut_entrusted');
const { stored, change } = server;

const SECRET = 'Die Nachbarin hat im Vertrauen von Schlägen am Wochenende erzählt.';
const SECRET_LINE = 'Vertraulich von der Tante: der Vater trinkt seit Monaten.';
const RELEASED = 'Der Junge selbst berichtet, dass er nicht nach Hause will.';

const entry = (intakeId: string, author: string, text: string) => noteEntry('pinneberg', intakeId, author, text);

describe('entrusted data (§ 65 SGB VIII)', () => {
  it('is withheld from the receiving office and from documents without a recorded basis', async () => {
    const worker = await login(server.url, 'bereitschaft.pinneberg');
    const pinneberg = await login(server.url, 'leitung.pinneberg');
    const segeberg = await login(server.url, 'leitung.segeberg');

    const line = entry('pending', worker.user.id, SECRET_LINE);
    const t0 = Date.now();
    const mark = (id: string, over: Partial<EntrustedMark>): EntrustedMark => ({
      id,
      from: 'Nachbarin (fiktiv)',
      markedBy: worker.user.id,
      markedAt: t0,
      ...over,
    });
    const base = makeIntakeBy(worker.user, { status: 'submitted' });
    const record: IntakeWire = {
      ...base,
      situation: SECRET,
      risk: { ...base.risk, assessment: SECRET },
      call: { ...base.call, note: RELEASED },
      entrusted: [mark('m1', { field: 'situation' }), mark('m2', { field: 'risk.assessment' })],
    };
    const note: EntryWire = { ...line, intakeId: record.id };
    const withLine: IntakeWire = { ...record, entrusted: [...record.entrusted!, mark('m3', { entryId: note.id })] };

    // A mark without its source or naming no field is refused with a code; the complete one is stored.
    const noSource = { ...withLine, entrusted: [mark('m1', { field: 'situation', from: ' ' })] };
    expect((await push(server.url, worker.token, 'intakes', [{ newDocumentState: noSource }])).rejected[0]?.code).toBe(
      'entrusted_source_missing',
    );
    const noTarget = { ...withLine, entrusted: [mark('m1', {})] };
    expect((await push(server.url, worker.token, 'intakes', [{ newDocumentState: noTarget }])).rejected[0]?.code).toBe(
      'entrusted_mark_invalid',
    );
    expect((await push(server.url, worker.token, 'intakes', [{ newDocumentState: withLine }])).rejected).toEqual([]);
    expect((await push(server.url, worker.token, 'entries', [{ newDocumentState: note }])).rejected).toEqual([]);

    // Countersigned, then a fourth mark with the handover's basis (Nr. 3) recorded after the lock, then handed over.
    const t = Date.now();
    const signed: IntakeWire = {
      ...withLine,
      updatedAt: t,
      review: { state: 'countersigned', countersignedBy: pinneberg.user.id, countersignedAt: t },
    };
    expect((await change(pinneberg, signed)).rejected).toEqual([]);
    const basis = { basis: 'nr3_responsibility', basisBy: pinneberg.user.id, basisAt: t + 1 } as const;
    const marked: IntakeWire = {
      ...signed,
      updatedAt: t + 1,
      entrusted: [...signed.entrusted!, mark('m4', { field: 'call.note', from: 'der Junge selbst', ...basis })],
    };
    expect((await change(pinneberg, marked)).rejected).toEqual([]);
    const handed: IntakeWire = {
      ...marked,
      updatedAt: t + 2,
      review: {
        ...marked.review!,
        state: 'handed_over',
        handedOverTo: 'segeberg',
        handedOverBy: pinneberg.user.id,
        handedOverAt: t + 2,
      },
    };
    expect((await change(pinneberg, handed)).rejected).toEqual([]);

    // Segeberg's copy: no marked content, no source, the note that something was withheld; the released field is there.
    const copy = (await pullAll<IntakeWire>(server.url, segeberg.token, 'intakes')).documents.find(
      (d) => d.id === record.id,
    )!;
    expect(JSON.stringify(copy)).not.toContain('Schlägen');
    expect(JSON.stringify(copy)).not.toContain('Nachbarin');
    expect(copy.situation).toBe('');
    expect(copy.risk?.assessment).toBeUndefined();
    expect(copy.risk?.indicators).toEqual(record.risk?.indicators);
    expect(copy.call?.note).toBe(RELEASED);
    expect(withheldOf(copy)).toEqual({ fields: ['situation', 'risk.assessment'], entryIds: [note.id] });
    const log = (await pullAll<EntryWire>(server.url, segeberg.token, 'entries')).documents;
    const copiedLine = log.find((e) => e.id === note.id)!;
    expect(copiedLine.text).toBe('');
    expect(copiedLine.at).toBe(note.at);
    expect(JSON.stringify(log)).not.toContain('Vater trinkt');
    // A laptop of Segeberg that removed its copy gets the same copy again (GET /privacy/laptop-copy, laptop purge).
    const refetched = await request<LaptopCopy>(server.url, 'GET', `/privacy/laptop-copy/${record.id}`, {
      token: segeberg.token,
    });
    expect(refetched.status).toBe(200);
    expect(refetched.body.intake).toEqual(copy);
    expect(refetched.body.entries.find((e) => e.id === note.id)).toEqual(copiedLine);
    expect(JSON.stringify(refetched.body)).not.toMatch(/Schlägen|Nachbarin|Vater trinkt/);

    // The stored record is unchanged, and Pinneberg itself reads everything.
    expect((await stored(record.id)).situation).toBe(SECRET);
    const own = (await pullAll<IntakeWire>(server.url, pinneberg.token, 'intakes')).documents.find(
      (d) => d.id === record.id,
    )!;
    expect(own).toEqual(await stored(record.id));
    const ownLog = (await pullAll<EntryWire>(server.url, pinneberg.token, 'entries')).documents;
    expect(ownLog.find((e) => e.id === note.id)?.text).toBe(SECRET_LINE);

    // Documents from Pinneberg's own copy: no marked content without a basis for that document (documentOf applies
    // the rule itself, so even the office's own full copy does not put it into the court application).
    const text = (intake: IntakeWire, template: typeof antragFamiliengericht) =>
      JSON.stringify(documentOf(template, intake, Date.now(), 'Leitung Pinneberg'));
    expect(JSON.stringify(own)).toContain('Schlägen');
    expect(text(own, antragFamiliengericht)).not.toContain('Schlägen');
    const toCourt = withholdFromIntake(own, 'family_court');
    expect(text(toCourt, antragFamiliengericht)).not.toContain('Schlägen');
    expect(withholdFromEntries(ownLog, own, 'family_court').find((e) => e.id === note.id)?.text).toBe('');

    // The family court's basis (Nr. 2) recorded for the situation opens that document only, not the Bescheid.
    const courtBasis: IntakeWire = {
      ...own,
      updatedAt: t + 3,
      entrusted: own.entrusted!.map((m) =>
        m.id === 'm1' ? { ...m, basis: 'nr2_family_court', basisBy: pinneberg.user.id, basisAt: t + 3 } : m,
      ),
    };
    expect((await change(pinneberg, courtBasis)).rejected).toEqual([]);
    const after = await stored(record.id);
    expect(text(withholdFromIntake(after, 'family_court'), antragFamiliengericht)).toContain('Schlägen');
    expect(text(withholdFromIntake(after, 'document'), bescheidInobhutnahme)).not.toContain('Schlägen');
    // Nr. 2 is no basis for the handover: Segeberg's copy still lacks the situation.
    const again = (await pullAll<IntakeWire>(server.url, segeberg.token, 'intakes')).documents.find(
      (d) => d.id === record.id,
    )!;
    expect(again.situation).toBe('');
  });
});
