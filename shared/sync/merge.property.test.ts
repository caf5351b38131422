import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { jsonEqual } from '../equal';
import { type MergeableDocument, mergeDocuments } from './merge';
import { getAtPath, setAtPath } from './paths';

/**
 * Property: random concurrent edit histories of three clients against one server, following the replication
 * protocol (a push is accepted only if its assumed master state equals the server's; otherwise the client
 * merges and pushes again), converge to one document on every client, and every value ever written is either
 * still current, recorded as a conflict, or was replaced by a writer who had seen it.
 */
type Item = { id: string; v?: string; w?: string };
type Doc = MergeableDocument & {
  a?: string;
  b?: string;
  s: { x?: string; y?: string };
  tags: string[];
  items?: Item[];
};
/** Scalars, a section, a code set, and a list of items with ids (the night record's custodians) that items join and leave. */
const FIELDS = ['a', 'b', 's.x', 's.y', 'tags', 'items[i1].v', 'items[i1].w', 'items[i2].v'] as const;
type Field = (typeof FIELDS)[number];
const ITEM_IDS = ['i1', 'i2'] as const;

type Client = { local: Doc; assumed: Doc };

function read(doc: Doc, field: Field): string[] {
  if (field === 'tags') return doc.tags;
  const v = getAtPath(doc, field) as string | undefined;
  return v === undefined ? [] : [v];
}

function write(doc: Doc, field: Field, value: string, by: string, at: number): Doc {
  let next: Doc = structuredClone(doc);
  if (field === 'tags') next.tags = [...next.tags.filter((t) => t !== next.tags[0]), value];
  else next = setAtPath(next, field, value);
  return { ...next, updatedBy: by, updatedAt: at };
}

const op = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), client: fc.nat(2), field: fc.constantFrom(...FIELDS) }),
  fc.record({ kind: fc.constant('remove' as const), client: fc.nat(2), item: fc.constantFrom(...ITEM_IDS) }),
  fc.record({ kind: fc.constant('sync' as const), client: fc.nat(2) }),
);

describe('merge property: three clients converge and lose nothing', () => {
  it('holds for random histories', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const initial: Doc = {
          id: 'd',
          updatedAt: 0,
          updatedBy: 'seed',
          conflicts: [],
          _deleted: false,
          s: {},
          tags: [],
          items: [{ id: 'i1', v: 'seed-v' }, { id: 'i2' }],
        };
        let server = initial;
        const clients: Client[] = [0, 1, 2].map(() => ({ local: initial, assumed: initial }));
        const written = new Set<string>();
        const replaced = new Set<string>();
        let clock = 1;

        const sync = (c: Client) => {
          for (let round = 0; round < 10; round++) {
            if (jsonEqual(c.local, c.assumed)) {
              c.local = server; // nothing local: pull
              c.assumed = server;
              return;
            }
            if (jsonEqual(c.assumed, server)) {
              server = c.local; // push accepted
              c.assumed = server;
              return;
            }
            c.local = mergeDocuments(c.assumed, c.local, server); // conflict: merge, then push again
            c.assumed = server;
          }
          throw new Error('sync did not settle');
        };

        ops.forEach((o, i) => {
          const c = clients[o.client];
          if (o.kind === 'sync') return sync(c);
          if (o.kind === 'remove') {
            const item = getAtPath(c.local, `items[${o.item}]`) as Item | undefined;
            if (!item) return;
            for (const seen of [item.v, item.w]) if (seen !== undefined) replaced.add(seen);
            c.local = {
              ...setAtPath(c.local, `items[${o.item}]`, undefined),
              updatedBy: `client${o.client}`,
              updatedAt: clock++,
            };
            return;
          }
          const value = `v${i}`;
          for (const seen of read(c.local, o.field))
            if (o.field !== 'tags' || seen === c.local.tags[0]) replaced.add(seen);
          written.add(value);
          c.local = write(c.local, o.field, value, `client${o.client}`, clock++);
        });
        for (let pass = 0; pass < 3; pass++) clients.forEach(sync);

        for (const c of clients) expect(c.local).toEqual(server);
        const current = new Set(FIELDS.flatMap((f) => read(server, f)));
        const inConflicts = new Set(
          server.conflicts
            .map((c) => JSON.parse(c.value) as unknown)
            .flat()
            .map(String),
        );
        for (const v of written) {
          expect(current.has(v) || inConflicts.has(v) || replaced.has(v), `value ${v} vanished`).toBe(true);
        }
      }),
      { numRuns: 500, seed: 20261125 },
    );
  });
});
