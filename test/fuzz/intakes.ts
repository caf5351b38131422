import { filter, type Subscription } from 'rxjs';

import type { ObhutClient } from '../../renderer/src/data/client';
import type { IntakeInput } from '../../renderer/src/data/intakes';
import { INITIATED_BY } from '../../shared/catalogues/initiatedBy';
import { missingForSubmit } from '../../shared/nightRecord/submit';
import { intakeWriteDenial } from '../../shared/rules/intake';
import type { Intake } from '../../shared/schema/intake';
import type { ActionResult, Written } from './protocol';
import type { Rng } from './rng';

/**
 * The fuzzer's part for `intakes`: what a user does (create, edit, submit, delete), done through the app's own
 * IntakeRepository, and what each write puts in place and knowingly replaces. Values of the tracked fields are
 * unique per write (client and step in them), so that every one can be found again at the end.
 */
export const INTAKE_TRACKED = ['situation', 'child.firstName', 'child.lastName', 'receivedAt'] as const;
type Tracked = (typeof INTAKE_TRACKED)[number];
const UNTRACKED = ['initiatedBy', 'child.estimatedAge'] as const;
type Field = Tracked | (typeof UNTRACKED)[number];

export type IntakeAction =
  | { kind: 'intake.create'; token: string; receivedAt: number }
  | {
      kind: 'intake.edit';
      pick: number;
      token: string;
      receivedAt: number;
      fields: Field[];
      age: number;
      initiatedBy: string;
    }
  | { kind: 'intake.submit'; pick: number }
  | { kind: 'intake.delete'; pick: number };

export const INTAKE_WEIGHTS = { 'intake.create': 14, 'intake.edit': 36, 'intake.submit': 3, 'intake.delete': 4 };

const BASE_TIME = Date.UTC(2025, 0, 1);

export function chooseIntakeAction(kind: IntakeAction['kind'], rng: Rng, token: string, step: number): IntakeAction {
  const receivedAt = BASE_TIME + step * 1000 + rng.int(0, 999);
  switch (kind) {
    case 'intake.create':
      return { kind, token, receivedAt };
    case 'intake.edit': {
      const all: Field[] = [...INTAKE_TRACKED, ...UNTRACKED];
      const fields = all.filter(() => rng.chance(0.35));
      if (fields.length === 0) fields.push(rng.pick(INTAKE_TRACKED));
      return {
        kind,
        pick: rng.float(),
        token,
        receivedAt,
        fields,
        age: rng.int(0, 17),
        initiatedBy: rng.pick(INITIATED_BY),
      };
    }
    case 'intake.submit':
    case 'intake.delete':
      return { kind, pick: rng.float() };
  }
}

export function trackedValue(doc: Pick<Intake, 'situation' | 'child' | 'receivedAt'>, field: string): unknown {
  switch (field) {
    case 'situation':
      return doc.situation;
    case 'child.firstName':
      return doc.child.firstName;
    case 'child.lastName':
      return doc.child.lastName;
    case 'receivedAt':
      return doc.receivedAt;
    default:
      throw new Error(`untracked field ${field}`);
  }
}

const values = (token: string, receivedAt: number): Record<Tracked, string | number> => ({
  situation: `Fiktive Lage ${token}`,
  'child.firstName': `V${token}`,
  'child.lastName': `N${token}`,
  receivedAt,
});

async function pickLocal(client: ObhutClient, pick: number): Promise<Intake | null> {
  const docs = await client.db.intakes.find({ sort: [{ id: 'asc' }] }).exec();
  if (docs.length === 0) return null;
  return docs[Math.floor(pick * docs.length)].toMutableJSON();
}

/**
 * Runs `write` and returns the state it replaced, taken from the database's own change event of that write (a
 * pulled change may land between reading a document and writing it; the event says what was really replaced).
 */
async function replacedBy(
  client: ObhutClient,
  id: string,
  write: () => Promise<Intake>,
): Promise<{ before: Intake; after: Intake }> {
  const events: { before?: Intake; after: Intake }[] = [];
  const sub: Subscription = client.db.intakes.$.pipe(filter((e) => e.documentId === id)).subscribe((e) => {
    events.push({ before: e.previousDocumentData, after: e.documentData });
  });
  try {
    const after = await write();
    for (let i = 0; i < 50; i++) {
      const own = events.find(
        (e) =>
          e.after.updatedAt === after.updatedAt &&
          e.after.updatedBy === after.updatedBy &&
          e.after.situation === after.situation &&
          e.after.receivedAt === after.receivedAt,
      );
      if (own?.before) return { before: own.before, after };
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`no change event for the write to ${id}`);
  } finally {
    sub.unsubscribe();
  }
}

function diffTracked(id: string, before: Intake, after: Intake): { writes: Written[]; replaced: Written[] } {
  const writes: Written[] = [];
  const replaced: Written[] = [];
  for (const field of INTAKE_TRACKED) {
    const was = trackedValue(before, field);
    const now = trackedValue(after, field);
    if (was === now) continue;
    writes.push({ collection: 'intakes', id, field, value: now });
    replaced.push({ collection: 'intakes', id, field, value: was });
  }
  return { writes, replaced };
}

export async function applyIntakeAction(client: ObhutClient, action: IntakeAction): Promise<ActionResult> {
  if (action.kind === 'intake.create') {
    const v = values(action.token, action.receivedAt);
    const input: IntakeInput = {
      receivedAt: action.receivedAt,
      child: { firstName: String(v['child.firstName']), lastName: String(v['child.lastName']), estimatedAge: 9 },
      initiatedBy: 'police',
      situation: String(v.situation),
      status: 'draft',
    };
    const created = await client.intakes.create(input);
    return {
      ok: true,
      writes: INTAKE_TRACKED.map((field) => ({
        collection: 'intakes',
        id: created.id,
        field,
        value: trackedValue(created, field),
      })),
      replaced: [],
      created: { collection: 'intakes', id: created.id, officeId: created.officeId },
      note: `create ${created.id}`,
    };
  }

  const target = await pickLocal(client, action.pick);
  if (!target) return { ok: false, note: 'no intake to act on' };
  const id = target.id;
  try {
    if (action.kind === 'intake.delete') {
      // The app offers deleting only where the rule book allows it: an own draft never submitted, or, for a
      // supervisor, a record of the office not yet countersigned (shared/rules/intake.ts).
      const actor = client.user;
      const denial = intakeWriteDenial(actor, target, { ...target, updatedBy: actor.id, _deleted: true });
      if (denial) return { ok: false, note: `delete ${id} not offered: ${denial}` };
      await client.intakes.remove(id);
      return { ok: true, writes: [], replaced: [], deleted: { collection: 'intakes', id }, note: `delete ${id}` };
    }
    if (action.kind === 'intake.submit') {
      if (target.status === 'submitted') return { ok: false, note: `${id} already submitted` };
      // The form offers "submit" only when the night record is complete; these records never are.
      const gaps = missingForSubmit(target);
      if (gaps.length) return { ok: false, note: `${id} not submitted: ${gaps.length} gaps` };
      await client.intakes.update(id, { status: 'submitted' });
      return { ok: true, writes: [], replaced: [], note: `submit ${id}` };
    }
    const v = values(action.token, action.receivedAt);
    const child = { ...target.child };
    const patch: Partial<IntakeInput> = {};
    for (const field of action.fields) {
      if (field === 'situation') patch.situation = String(v.situation);
      else if (field === 'receivedAt') patch.receivedAt = action.receivedAt;
      else if (field === 'initiatedBy') patch.initiatedBy = action.initiatedBy as Intake['initiatedBy'];
      else if (field === 'child.firstName') child.firstName = String(v[field]);
      else if (field === 'child.lastName') child.lastName = String(v[field]);
      else if (field === 'child.estimatedAge') child.estimatedAge = action.age;
    }
    if (action.fields.some((f) => f.startsWith('child.'))) patch.child = child;
    const { before, after } = await replacedBy(client, id, () => client.intakes.update(id, patch));
    return { ok: true, ...diffTracked(id, before, after), note: `edit ${id} [${action.fields.join(',')}]` };
  } catch (err) {
    // Deleted or changed under the user's hands (e.g. a pulled tombstone): the app refused, nothing was accepted.
    return { ok: false, note: `${action.kind} ${id}: ${(err as Error).message}` };
  }
}
