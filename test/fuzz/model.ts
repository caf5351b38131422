import { jsonEqual } from '../../shared/equal';
import { lapsedHolds } from '../../shared/placement/expiry';
import { settleFacilityHolds } from '../../shared/placement/settle';
import type { Contact } from '../../shared/schema/contact';
import type { FacilityWire } from '../../shared/schema/facility';
import type { Hold, HoldWire } from '../../shared/schema/hold';
import type { WireDocument } from '../../shared/sync/protocol';
import { contactField } from './contacts';
import { holdField } from './holds';
import { trackedValue } from './intakes';
import type { ActionResult, Written } from './protocol';

export type Failure = { ids: string[]; text: string };

/**
 * Who wrote: a user on one client (`c2/leitung.segeberg`). A user's refusals live in that user's database on that
 * laptop, so they are asked of that pair; another user on the same laptop sees none of them.
 */
export type Writer = string;

type Conflicted = { conflicts?: { id: string; field: string; value: string }[] };

const key = (w: Written) => `${w.collection}/${w.id}/${w.field}/${JSON.stringify(w.value)}`;

/** Reads a tracked field of a stored document (per collection). */
function readField(collection: string, doc: WireDocument, field: string): unknown {
  if (collection === 'intakes') return trackedValue(doc as never, field);
  if (collection === 'entries' && field === 'text') return (doc as unknown as { text: string }).text;
  if (collection === 'holds') return holdField(doc as unknown as Hold, field);
  if (collection === 'contacts') return contactField(doc as unknown as Contact, field);
  throw new Error(`no tracked fields for ${collection}`);
}

/**
 * What must exist at the end: every document a client created, every accepted delete as a tombstone, and every
 * value an accepted write put in place - unless a later writer replaced it knowingly (it was in that writer's local
 * state), it must be the current value or be kept as a conflict on its document.
 */
export class Model {
  readonly created = new Map<string, { collection: string; id: string; officeId: string; by: Writer; step: number }>();
  readonly deleted = new Map<string, { by: Writer; step: number }>();
  readonly writes: { w: Written; by: Writer; step: number }[] = [];
  private readonly replaced = new Map<string, { by: Writer; step: number }>();
  /** Writes the server must refuse, by writer: `${collection}/${id}` -> code. */
  private readonly refused = new Map<Writer, Map<string, { code: string; step: number }>>();
  /**
   * Writes the server may accept or refuse, by client, depending on which of two offices' writes reached it first:
   * `${collection}/${id}` -> the code of the refusal.
   */
  private readonly mayBeRefused = new Map<Writer, Map<string, string>>();

  record(result: ActionResult, by: Writer, step: number): void {
    if (!result.ok) return;
    for (const c of [result.created ?? []].flat()) this.created.set(`${c.collection}/${c.id}`, { ...c, by, step });
    if (result.deleted) this.deleted.set(`${result.deleted.collection}/${result.deleted.id}`, { by, step });
    for (const w of result.writes) this.writes.push({ w, by, step });
    for (const w of result.replaced) this.replaced.set(key(w), { by, step });
    if (result.refused) {
      const mine = this.refused.get(by) ?? new Map<string, { code: string; step: number }>();
      mine.set(`${result.refused.collection}/${result.refused.id}`, { code: result.refused.code, step });
      this.refused.set(by, mine);
    }
  }

  /** The code the server must (or may) have refused this client's write of this document with, if any. */
  refusalOf(by: Writer, collection: string, id: string): string | undefined {
    const k = `${collection}/${id}`;
    return this.refused.get(by)?.get(k)?.code ?? this.mayBeRefused.get(by)?.get(k);
  }

  /**
   * A place held for a record that a colleague deleted meanwhile: accepted when the hold reached the server first,
   * refused with `unknown_intake` (shared/rules/holds.ts) when the delete did. Either is right; nothing else is.
   */
  allowRefusalsOfHoldsForDeletedRecords(): void {
    for (const [k, c] of this.created) {
      if (c.collection !== 'holds') continue;
      const ref = this.writes.find((x) => x.w.collection === 'holds' && x.w.id === c.id && x.w.field === 'intakeRef');
      if (typeof ref?.w.value !== 'string' || !this.deleted.has(`intakes/${ref.w.value}`)) continue;
      const mine = this.mayBeRefused.get(c.by) ?? new Map<string, string>();
      mine.set(k, 'unknown_intake');
      this.mayBeRefused.set(c.by, mine);
    }
  }

  /**
   * Refusals: every write the server had to refuse is shown by its writer as refused with the expected code, and
   * every refusal a client shows was expected (anything else is a write of the app that the server lost). Only the
   * writers logged in at the end are asked: a refusal of a logged-out author's delivered change waits in that
   * author's database for the author's next session (docs/outbox.md).
   * Writers of another office: no hold on the server was last written by a user of another office.
   */
  checkRefusals(
    server: Map<string, WireDocument>,
    clients: {
      index: number;
      writer: Writer;
      userId: string;
      officeId: string;
      rejections: { id: string; code: string; message: string }[];
    }[],
  ): Failure[] {
    const failures: Failure[] = [];
    for (const c of clients) {
      const shown = new Map(c.rejections.map((r) => [r.id, r]));
      for (const [k, { code, step }] of this.refused.get(c.writer) ?? []) {
        const id = k.split('/')[1];
        const r = shown.get(id);
        if (!r)
          failures.push({
            ids: [id],
            text: `client ${c.index} wrote ${k} at step ${step}, which the server must refuse (${code}), but shows no refusal`,
          });
        else if (r.code !== code)
          failures.push({ ids: [id], text: `client ${c.index} shows ${k} refused with ${r.code}, expected ${code}` });
      }
      for (const r of c.rejections) {
        const expected =
          [...(this.refused.get(c.writer) ?? new Map<string, { code: string }>()).entries()].some(
            ([k, e]) => k.endsWith(`/${r.id}`) && e.code === r.code,
          ) ||
          [...(this.mayBeRefused.get(c.writer) ?? new Map<string, string>())].some(
            ([k, code]) => k.endsWith(`/${r.id}`) && code === r.code,
          );
        if (!expected)
          failures.push({ ids: [r.id], text: `client ${c.index} holds a refused write: ${r.code} ${r.message}` });
      }
    }
    const officeOf = new Map(clients.map((c) => [c.userId, c.officeId]));
    for (const [k, doc] of server) {
      if (!k.startsWith('holds/')) continue;
      const writer = officeOf.get((doc as HoldWire).updatedBy);
      if (writer && writer !== doc.officeId)
        failures.push({
          ids: [doc.id],
          text: `hold of ${doc.officeId} last written by ${(doc as HoldWire).updatedBy} of ${writer}`,
        });
    }
    return failures;
  }

  /**
   * Over-booking: the server settles a facility's holds on every accepted hold write (placement/settle.ts), so
   * at the end the stored flags of every facility the run held places at are what the rule says. A hold that
   * lapsed since the last write to its facility is left to the next settle: such a facility is skipped.
   */
  checkOverbooking(server: Map<string, WireDocument>, now: number): Failure[] {
    const failures: Failure[] = [];
    const holds = [...server.entries()].filter(([k]) => k.startsWith('holds/')).map(([, d]) => d as HoldWire);
    const touched = new Set(holds.filter((h) => this.created.has(`holds/${h.id}`)).map((h) => h.facilityId));
    for (const facilityId of touched) {
      const facility = server.get(`facilities/${facilityId}`) as FacilityWire | undefined;
      if (!facility || facility._deleted) continue;
      const own = holds.filter((h) => h.facilityId === facilityId);
      if (lapsedHolds(own, now).length) continue;
      for (const h of settleFacilityHolds(facility, own, now)) {
        failures.push({
          ids: [h.id],
          text: `hold at ${facilityId} stored with overbooked=${!h.overbooked}, the rule over the stored holds says ${h.overbooked}`,
        });
      }
    }
    return failures;
  }

  idsOf(collection: string): string[] {
    return [...this.created.values()].filter((c) => c.collection === collection).map((c) => c.id);
  }

  check(
    server: Map<string, WireDocument>,
    collections: readonly string[],
    preexisting: ReadonlySet<string>,
  ): Failure[] {
    const failures: Failure[] = [];
    for (const [k, c] of this.created) {
      const doc = server.get(k);
      if (!doc) {
        if (this.mayBeRefused.get(c.by)?.has(k)) continue;
        failures.push({ ids: [c.id], text: `created by client ${c.by} at step ${c.step}, missing on the server` });
      } else if (doc.officeId !== c.officeId)
        failures.push({ ids: [c.id], text: `office ${doc.officeId}, created in ${c.officeId}` });
    }
    for (const [k, d] of this.deleted) {
      const doc = server.get(k);
      if (doc && !doc._deleted)
        failures.push({
          ids: [k.split('/')[1]],
          text: `deleted by client ${d.by} at step ${d.step}, alive on the server`,
        });
    }
    for (const { w, by, step } of this.writes) {
      const doc = server.get(`${w.collection}/${w.id}`);
      if (!doc) continue; // reported above
      if (jsonEqual(readField(w.collection, doc, w.field), w.value)) continue;
      const kept = ((doc as Conflicted).conflicts ?? []).some(
        (c) => c.field === w.field && c.value === JSON.stringify(w.value),
      );
      if (kept) continue;
      if (this.replaced.has(key(w))) continue;
      failures.push({
        ids: [w.id],
        text: `value ${JSON.stringify(w.value)} of ${w.field}, written by client ${by} at step ${step}, is lost: neither current (${JSON.stringify(readField(w.collection, doc, w.field))}) nor kept as a conflict nor replaced by a writer who had it`,
      });
    }
    // Nothing duplicated: no document the run did not create, no conflict recorded twice.
    for (const [k, doc] of server) {
      const [collection] = k.split('/');
      if (!collections.includes(collection)) continue;
      if (!this.created.has(k) && !preexisting.has(k))
        failures.push({ ids: [doc.id], text: `on the server but created by no one` });
      const conflicts = (doc as Conflicted).conflicts ?? [];
      const seen = new Set<string>();
      for (const c of conflicts) {
        const sig = `${c.field}\u0000${c.value}`;
        if (seen.has(sig))
          failures.push({ ids: [doc.id], text: `conflict on ${c.field} with value ${c.value} recorded twice` });
        seen.add(sig);
      }
    }
    return failures;
  }
}
