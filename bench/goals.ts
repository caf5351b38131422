import type { LocalReads, LocalResult } from './local';
import type { Row } from './stats';
import type { SyncFigures, SyncResult } from './sync';

/**
 * The goal table of issue 14, filled from one run: each figure, its goal, and their ratio (for a time, figure /
 * goal: at most 1 meets it; for a comparison with a peer, the ratio itself against the goal's ratio).
 */
const round = (n: number) => Math.round(n * 100) / 100;
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

function timeGoal(id: string, what: string, ms: number | undefined, goalMs: number): Row {
  if (ms === undefined) return { id, what, value: 'not measured', note: `goal <= ${goalMs} ms` };
  return {
    id,
    what,
    value: `${ms} ms (goal <= ${goalMs} ms)`,
    note: `ratio ${round(ms / goalMs)} - ${met(ms <= goalMs)}`,
  };
}

function ratioGoal(id: string, what: string, r: number | undefined, goal: number, atLeast: boolean): Row {
  if (r === undefined) return { id, what, value: 'not measured', note: `goal ${atLeast ? '>=' : '<='} ${goal}x` };
  return {
    id,
    what,
    value: `${round(r)}x (goal ${atLeast ? '>=' : '<='} ${goal}x)`,
    note: met(atLeast ? r >= goal : r <= goal),
  };
}

const figures = (f: SyncFigures | { error: string } | undefined) => (f && !('error' in f) ? f : undefined);

export function goalRows(result: Record<string, unknown>): Row[] {
  const local = result.local_chromium as LocalResult | undefined;
  const at = (docs: number): LocalReads | undefined =>
    local?.reads.find((r) => r.docs >= docs && r.docs < docs * 1.1) ?? undefined;
  const sync = result.sync as SyncResult | undefined;
  const o = figures(sync?.obhut);
  const peer = figures(sync?.peer);
  const plain = figures(sync?.peerPlain);
  const div = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? a / b : undefined);
  return [
    timeGoal('G1', 'search a name @5,000 (Chromium)', at(5000)?.search.p50, 20),
    timeGoal('G1', 'search a name @50,000 (Chromium)', at(50_000)?.search.p50, 100),
    timeGoal('G2', 'list newest 50 @50,000, first after opening', at(50_000)?.unlockToNewest, 25),
    timeGoal('G2', 'list newest 50 @50,000, warm', at(50_000)?.newest50.p50, 25),
    timeGoal('G2', 'list all @5,000, cold', at(5000)?.listCold, 150),
    timeGoal('G2', 'list all @5,000, warm', at(5000)?.list.p50, 150),
    timeGoal('G3', 'unlock to the list of newest records @10,000', at(10_000)?.unlockToNewest, 1000),
    timeGoal(
      'G4',
      `save p95, new @${local?.saveCreate.storeDocs ?? '?'}, strict durability`,
      local?.saveCreate.p95,
      10,
    ),
    timeGoal(
      'G4',
      `save p95, edit @${local?.saveUpdate.storeDocs ?? '?'}, strict durability`,
      local?.saveUpdate.p95,
      10,
    ),
    ratioGoal(
      'G5',
      `initial sync of ${sync?.docs ?? '?'}, Obhut/unencrypted peer (docs/s)`,
      div(o?.initialSync.docsPerSecond, plain?.initialSync.docsPerSecond),
      1.0,
      true,
    ),
    ratioGoal(
      'G6',
      `catch-up after ${sync?.changes ?? '?'} offline changes, Obhut/encrypted peer (time)`,
      div(o?.catchUp.ms, peer?.catchUp.ms),
      0.5,
      false,
    ),
    ratioGoal(
      'G7',
      `making ${sync?.changes ?? '?'} edits offline, Obhut/encrypted peer (time)`,
      div(o?.catchUp.offlineWritesMs, peer?.catchUp.offlineWritesMs),
      1.0,
      false,
    ),
    ratioGoal(
      'G8',
      'live propagation A -> B p95, Obhut/encrypted peer',
      div(o?.propagation.p95, peer?.propagation.p95),
      1.0,
      false,
    ),
  ];
}
