import { type ChildProcess, fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { opaqueRecordRef } from '../../server/sync/holds';
import { jsonEqual } from '../../shared/equal';
import { latestFreeReport } from '../../shared/placement/reports';
import { seesRecordRef } from '../../shared/rules/holds';
import type { FacilityWire } from '../../shared/schema/facility';
import type { HoldWire } from '../../shared/schema/hold';
import type { IntakeWire } from '../../shared/schema/intake';
import type { WireDocument } from '../../shared/sync/protocol';
import { Cluster } from './cluster';
import { chooseContactAction, CONTACT_WEIGHTS, type ContactAction } from './contacts';
import { chooseEntryAction, ENTRY_WEIGHTS, type EntryAction } from './entries';
import { chooseHoldAction, HOLD_WEIGHTS, type HoldAction } from './holds';
import { chooseIntakeAction, INTAKE_WEIGHTS, type IntakeAction } from './intakes';
import { type Failure, Model } from './model';
import { choosePlacementAction, PLACEMENT_WEIGHTS, type PlacementAction } from './placements';
import type {
  Action,
  ActionResult,
  ClientConfig,
  ClientEvent,
  Command,
  FromClient,
  NetworkCommand,
  Opened,
  Snapshot,
  Switched,
} from './protocol';
import { Rng } from './rng';

/**
 * Seeded sync fuzzer (in the spirit of Joplin's sync-fuzzer): N clients, each the app's own client in a process
 * of its own, and several server instances on one PostgreSQL database. Random user actions and random faults,
 * then every fault is healed and the run checks that all replicas converged to the server's state and that the
 * model of accepted writes holds (model.ts). The seed fixes the sequence of actions and faults; their timing
 * against the background replication is real and not replayed exactly.
 */
export type FuzzOptions = {
  seed: number;
  /** Stop choosing actions after this many steps or this long, whichever comes first. */
  steps?: number;
  durationMs?: number;
  /** Client users; clients of one office share and fight over its intakes. */
  users?: string[];
  instances?: number;
  /** Restart the whole PostgreSQL cluster as a fault (disturbs everything else on the machine using it). */
  pgRestart?: boolean;
  devMode?: boolean;
  /** How long the healed system may take to converge. */
  settleMs?: number;
  /**
   * The first steps' kinds, before the random ones: a short run on a loaded machine takes few steps, and the rare
   * actions must still happen in it (the clients that take them are drawn as usual).
   */
  opening?: readonly FuzzKind[];
  log?: (line: string) => void;
};

export type FuzzResult = {
  seed: number;
  ok: boolean;
  steps: number;
  durationMs: number;
  counts: Record<string, number>;
  conflictsRecorded: number;
  documents: number;
  failures: Failure[];
  /** Seed, failures and the shortened trace; empty when ok. */
  report: string;
  traceFile: string;
};

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLIENT_ENTRY = fileURLToPath(new URL('./client-process.ts', import.meta.url));
const LOGICAL_URL = 'http://obhut.fuzz.invalid';
/** Collections the fuzzer acts on and checks; each brings its actions (intakes.ts, entries.ts, holds.ts, contacts.ts). */
const COLLECTIONS = ['intakes', 'entries', 'holds', 'contacts'] as const;
/** Collections every office reads in full (shared/rules/authz.ts); the others stay within their office. */
const READ_BY_ALL: ReadonlySet<string> = new Set(['holds', 'contacts']);

const DEFAULT_USERS = ['bereitschaft.segeberg', 'leitung.segeberg', 'bereitschaft.segeberg', 'bereitschaft.stormarn'];

/** What the loop does, with weights. Collection actions come from their modules. */
const FAULT_WEIGHTS = {
  offline: 5,
  online: 6,
  switch: 5,
  'kill-push': 3,
  kill: 1,
  'cut-stream': 4,
  delay: 4,
  'pg-drop': 1,
  'pg-restart': 1,
  pause: 6,
};
/**
 * A shift change on one laptop: its user writes a last log line, logs out with that (and whatever else is)
 * pending, and a colleague of the same office logs in (a laptop stays in the office that registered it).
 */
const SESSION_WEIGHTS = { 'session.switch': 3 };
const colleagueOf = (username: string) =>
  username.startsWith('leitung.')
    ? username.replace('leitung.', 'bereitschaft.')
    : username.replace(/^[^.]+\./, 'leitung.');
export type FuzzKind = Kind;
type Kind =
  | keyof typeof FAULT_WEIGHTS
  | keyof typeof SESSION_WEIGHTS
  | IntakeAction['kind']
  | EntryAction['kind']
  | HoldAction['kind']
  | ContactAction['kind']
  | PlacementAction['kind'];

type TraceLine = { t: number; step: number; who: string; text: string; fault: boolean };

class ClientProc {
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  offline = false;
  route = 0;
  officeId = '';
  userId = '';
  /** Users who logged in on this laptop (a later login of theirs may be offline, from the vault). */
  readonly known = new Set<string>();
  private readonly child: ChildProcess;
  private stderr = '';

  constructor(
    readonly index: number,
    public username: string,
    onEvent: (c: ClientProc, e: ClientEvent) => void,
  ) {
    this.child = fork(CLIENT_ENTRY, [], {
      cwd: REPO_ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr!.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-5000);
    });
    this.child.on('message', (msg: FromClient) => {
      if ('event' in msg) return onEvent(this, msg);
      const w = this.waiting.get(msg.seq);
      if (!w) return;
      this.waiting.delete(msg.seq);
      if (msg.ok) w.resolve(msg.result);
      else w.reject(new Error(`client ${this.index}: ${msg.error}`));
    });
    this.child.on('exit', (code) => {
      for (const w of this.waiting.values())
        w.reject(new Error(`client ${this.index} exited (${code}): ${this.stderr}`));
      this.waiting.clear();
    });
  }

  request<T>(command: Command, timeoutMs = 60_000): Promise<T> {
    const seq = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(seq);
        reject(new Error(`client ${this.index} did not answer ${command.op} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(seq, {
        resolve: (v) => (clearTimeout(timer), resolve(v as T)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.child.send({ seq, command });
    });
  }

  /** Who writes now: the user on this laptop (model.ts Writer). */
  get writer(): string {
    return `c${this.index}/${this.username}`;
  }

  loggedIn(username: string, opened: Opened): void {
    this.username = username;
    this.userId = opened.userId;
    this.officeId = opened.officeId;
    this.known.add(username);
  }

  net(net: NetworkCommand): Promise<void> {
    if (net.offline !== undefined) this.offline = net.offline;
    if (net.route !== undefined) this.route = net.route;
    return this.request({ op: 'net', net });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    await this.request({ op: 'close' }, 15_000).catch(() => {});
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const seed = options.seed;
  const rng = new Rng(seed);
  const log = options.log ?? (() => {});
  const users = options.users ?? DEFAULT_USERS;
  const maxSteps = options.steps ?? Number.MAX_SAFE_INTEGER;
  const durationMs = options.durationMs ?? (options.steps ? Number.MAX_SAFE_INTEGER : 60_000);
  const weights: Record<Kind, number> = {
    ...INTAKE_WEIGHTS,
    ...ENTRY_WEIGHTS,
    ...HOLD_WEIGHTS,
    ...CONTACT_WEIGHTS,
    ...PLACEMENT_WEIGHTS,
    ...SESSION_WEIGHTS,
    ...FAULT_WEIGHTS,
  };
  if (!options.pgRestart) weights['pg-restart'] = 0;

  const started = Date.now();
  const trace: TraceLine[] = [];
  let step = 0;
  const note = (who: string, text: string, fault = false) => {
    trace.push({ t: Date.now() - started, step, who, text, fault });
    if (fault) log(`[${seed}] #${step} ${who}: ${text}`);
  };
  const counts: Record<string, number> = {};
  const count = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);

  const cluster = await Cluster.start(options.instances ?? 2);
  const model = new Model();
  const clients: ClientProc[] = [];
  const background: Promise<unknown>[] = [];
  let trap: { delayMs: number; downMs: number } | null = null;
  const failures: Failure[] = [];
  const usernames = new Map<string, string>();
  /** Per laptop and author: whether the author's last logout left a seal others can deliver. */
  const sealedAtLogout = new Map<string, boolean>();

  const restartLater = (i: number, downMs: number) => {
    const p = (async () => {
      await sleep(downMs);
      await cluster.restart(i);
      note('server', `instance ${i} restarted after ${downMs} ms down`, true);
    })();
    background.push(
      p.catch((err) => failures.push({ ids: [], text: `restart of instance ${i} failed: ${String(err)}` })),
    );
    return p;
  };

  const onEvent = (c: ClientProc, e: ClientEvent) => {
    if (e.event === 'log') return note(`client ${c.index}`, e.text);
    if (e.event === 'stream-cut') {
      count('fault:stream-cut-delivered');
      return note(`client ${c.index}`, `stream to instance ${e.instance} cut in the middle of an event`, true);
    }
    if (e.event === 'push-sent' && trap) {
      const { delayMs, downMs } = trap;
      trap = null;
      count('fault:kill-during-push');
      note(
        `client ${c.index}`,
        `push of ${e.ids.join(',')} sent to instance ${e.instance}: kill -9 in ${delayMs} ms`,
        true,
      );
      background.push(
        (async () => {
          await sleep(delayMs);
          await cluster.kill(e.instance);
          note('server', `instance ${e.instance} killed (SIGKILL) under a push`, true);
          await restartLater(e.instance, downMs);
        })().catch((err) => failures.push({ ids: [], text: `kill of instance ${e.instance} failed: ${String(err)}` })),
      );
    }
  };

  // Everything the run knew of before it began (the demo intakes) is allowed on the server without a creator.
  let preexisting = new Set<string>();
  try {
    preexisting = new Set((await cluster.documents()).map((d) => `${d.collection}/${d.id}`));
    await Promise.all(
      users.map(async (username, i) => {
        const c = new ClientProc(i, username, onEvent);
        clients.push(c);
        c.route = i % cluster.count;
        const config: ClientConfig = {
          index: i,
          username,
          deviceId: `fuzz-${seed}-${i}`,
          logicalUrl: LOGICAL_URL,
          instances: cluster.urls,
          route: c.route,
          retryTime: 300,
          devMode: options.devMode ?? true,
        };
        const opened = await c.request<Opened>({ op: 'open', config }, 120_000);
        c.loggedIn(username, opened);
        usernames.set(opened.userId, username);
        note(`client ${i}`, `opened as ${username} (${opened.officeId}) on instance ${c.route}`);
      }),
    );
    clients.sort((a, b) => a.index - b.index);

    const loopStart = Date.now();
    while (step < maxSteps && Date.now() - loopStart < durationMs && failures.length === 0) {
      step++;
      const kind = options.opening?.[step - 1] ?? rng.weighted(weights);
      const c = rng.pick(clients);
      const who = `client ${c.index}`;
      count(kind);
      switch (kind) {
        case 'intake.create':
        case 'intake.edit':
        case 'intake.submit':
        case 'intake.delete': {
          await act(c, chooseIntakeAction(kind, rng, `c${c.index}s${step}`, step));
          break;
        }
        case 'entry.append':
          await act(c, chooseEntryAction(rng.float(), `c${c.index}s${step}`));
          break;
        case 'hold.create':
        case 'hold.status':
        case 'hold.foreign':
          await act(c, chooseHoldAction(kind, rng));
          break;
        case 'contact.create':
        case 'contact.edit': {
          // Entries are kept by an office's supervisor: one of them acts, when the run has one.
          const keepers = clients.filter((x) => x.username.startsWith('leitung.'));
          const keeper = keepers.length ? rng.pick(keepers) : c;
          await act(keeper, chooseContactAction(kind, rng, `c${keeper.index}s${step}`));
          break;
        }
        case 'contact.forbidden':
          await act(c, chooseContactAction(kind, rng, `c${c.index}s${step}`));
          break;
        case 'placement.record':
          await act(c, choosePlacementAction(rng));
          break;
        case 'session.switch': {
          // Mostly offline, as in the night: the last changes wait on the laptop.
          if (!c.offline && rng.chance(0.6)) {
            await c.net({ offline: true });
            note(who, 'offline', true);
          }
          await act(c, chooseEntryAction(rng.float(), `c${c.index}s${step}`));
          await switchUser(c, colleagueOf(c.username));
          break;
        }
        case 'offline':
          if (!c.offline) {
            await c.net({ offline: true });
            note(who, 'offline', true);
          }
          break;
        case 'online': {
          const off = clients.filter((x) => x.offline);
          if (off.length) {
            const o = rng.pick(off);
            await o.net({ offline: false });
            note(`client ${o.index}`, 'online', true);
          }
          break;
        }
        case 'switch': {
          const to = (c.route + 1) % cluster.count;
          await c.net({ route: to });
          note(who, `now routed to instance ${to}`, true);
          break;
        }
        case 'kill-push': {
          if (trap || !allUp()) break;
          trap = { delayMs: rng.int(0, 25), downMs: rng.int(200, 2500) };
          await c.net({ trapPush: true, offline: false });
          c.offline = false;
          note(who, 'armed: kill the instance under its next push', true);
          await act(c, chooseIntakeAction('intake.edit', rng, `c${c.index}s${step}`, step));
          break;
        }
        case 'kill': {
          if (!allUp()) break;
          const i = rng.int(0, cluster.count - 1);
          const downMs = rng.int(200, 3000);
          await cluster.kill(i);
          note('server', `instance ${i} killed (SIGKILL), down for ${downMs} ms`, true);
          void restartLater(i, downMs);
          break;
        }
        case 'cut-stream': {
          await c.net({ cutStream: true });
          note(who, 'armed: cut its stream in the middle of the next event', true);
          const other = rng.pick(clients.filter((x) => x !== c && x.officeId === c.officeId).concat(c));
          await act(other, chooseIntakeAction('intake.create', rng, `c${other.index}s${step}`, step));
          break;
        }
        case 'delay': {
          const maxMs = rng.int(20, 600);
          const forMs = rng.int(500, 5000);
          await c.net({ delay: { minMs: 0, maxMs } });
          note(who, `requests and answers delayed by up to ${maxMs} ms for ${forMs} ms`, true);
          background.push(sleep(forMs).then(() => c.net({ delay: null }).catch(() => {})));
          break;
        }
        case 'pg-drop': {
          const n = await cluster.dropConnections();
          note('postgres', `ended all ${n} connections to the database`, true);
          break;
        }
        case 'pg-restart': {
          note('postgres', 'restarting the PostgreSQL cluster', true);
          await cluster.restartPostgres();
          note('postgres', 'PostgreSQL is back', true);
          break;
        }
        case 'pause': {
          await sleep(rng.int(200, 1500));
          break;
        }
      }
      for (const { index, output } of cluster.crashed()) {
        failures.push({ ids: [], text: `instance ${index} exited on its own (not killed by the fuzzer):\n${output}` });
        note('server', `instance ${index} exited on its own`, true);
      }
      await sleep(rng.int(0, 120));
    }

    // Heal: everything online, no delays, no traps, every instance up; then the replicas must converge.
    note('fuzzer', `healing after ${step} steps`, true);
    trap = null;
    for (let settledCount = -1; settledCount !== background.length;) {
      settledCount = background.length;
      await Promise.all(background);
    }
    for (const { index, output } of cluster.crashed()) {
      failures.push({ ids: [], text: `instance ${index} exited on its own (not killed by the fuzzer):\n${output}` });
    }
    for (let i = 0; i < cluster.count; i++) if (!cluster.isUp(i)) await cluster.restart(i);
    await Promise.all(clients.map((c) => c.net({ offline: false, delay: null })));
    model.allowRefusalsOfHoldsForDeletedRecords();
    await returnAuthors();
    const settled = await converge(options.settleMs ?? 90_000);
    failures.push(...settled.failures);
    if (settled.server) {
      failures.push(...model.check(settled.server, COLLECTIONS, preexisting));
      failures.push(...model.checkOverbooking(settled.server, Date.now()));
      const holds = [...settled.server].filter(([k]) => k.startsWith('holds/')).map(([, d]) => d as HoldWire);
      counts['end:holds'] = holds.length;
      counts['end:holds-overbooked'] = holds.filter((h) => h.overbooked).length;
      for (const h of holds) count(`end:holds-${h.status}`);
      counts['end:hold-conflicts-kept'] = holds.reduce((n, h) => n + h.conflicts.length, 0);
      counts['end:refusals-shown'] = (settled.snapshots ?? []).reduce((n, s) => n + s.snap.rejections.length, 0);
      failures.push(
        ...model.checkRefusals(
          settled.server,
          (settled.snapshots ?? []).map(({ index, snap }) => ({
            index,
            writer: clients[index].writer,
            userId: clients[index].userId,
            officeId: clients[index].officeId,
            rejections: snap.rejections,
          })),
        ),
      );
    }
    const serverDocs = settled.server ? [...settled.server.values()] : [];
    const conflictsRecorded = serverDocs.reduce(
      (n, d) => n + ((d as { conflicts?: unknown[] }).conflicts?.length ?? 0),
      0,
    );
    const ok = failures.length === 0;
    const traceFile = join(tmpdir(), `obhut-fuzz-${seed}-${started}.log`);
    writeFileSync(traceFile, trace.map(fmt).join('\n') + '\n');
    return {
      seed,
      ok,
      steps: step,
      durationMs: Date.now() - started,
      counts,
      conflictsRecorded,
      documents: serverDocs.length,
      failures,
      report: ok ? '' : report(seed, failures, trace, traceFile),
      traceFile,
    };
  } finally {
    await Promise.allSettled(background);
    await Promise.allSettled(clients.map((c) => c.close()));
    await cluster.stop();
  }

  function allUp() {
    for (let i = 0; i < cluster.count; i++) if (!cluster.isUp(i)) return false;
    return true;
  }

  async function act(c: ClientProc, action: Action) {
    const result = await c.request<ActionResult>({ op: 'act', action });
    model.record(result, c.writer, step);
    note(
      `client ${c.index}`,
      `${result.ok ? '' : 'refused: '}${result.note}${result.ok && result.replaced.length ? ` (replaced ${result.replaced.map((r) => `${r.field}=${JSON.stringify(r.value)}`).join(', ')})` : ''}`,
    );
    if (result.ok) count(`${result.refused ? 'must-refuse' : 'accepted'}:${action.kind}`);
  }

  /** Logout with whatever is pending, and the colleague's login on the same laptop. */
  async function switchUser(c: ClientProc, username: string): Promise<Switched> {
    const author = c.username;
    // A first login on this laptop needs the server; a known user unlocks offline from the vault.
    const online = c.offline && !c.known.has(username);
    const switched = await c.request<Switched>({ op: 'switch', username, online }, 90_000);
    if (online) c.offline = false;
    sealedAtLogout.set(`${c.index}/${author}`, switched.left.sealed);
    c.loggedIn(username, switched);
    usernames.set(switched.userId, username);
    count(
      `session:logout-${switched.left.pendingCount ? (switched.left.sealed ? 'sealed' : 'waits-for-author') : 'nothing-pending'}`,
    );
    note(
      `client ${c.index}`,
      `${author} logged out with ${switched.left.pendingCount} pending (${switched.left.sealed ? `sealed, ${switched.left.outboxCount} in the outbox` : 'not sealed'}); ${username} logged in${switched.unlockedOffline ? ' offline' : ''}`,
      true,
    );
    return switched;
  }

  /**
   * Changes sealed without a credential (the author's session never reached the server, docs/outbox.md "Limits")
   * wait for their author's next login on that laptop: at the end the author comes back for them. A seal that could
   * be delivered must not be among them.
   */
  async function returnAuthors() {
    for (const c of clients) {
      const snap = await c.request<Snapshot>({ op: 'snapshot', ids: {} });
      for (const entry of snap.outbox.filter((e) => !e.sealed)) {
        const author = usernames.get(entry.userId);
        if (sealedAtLogout.get(`${c.index}/${author}`))
          failures.push({
            ids: [],
            text: `client ${c.index}: the sealed changes of ${author} (${entry.count}) were refused, not delivered${entry.stranded ? ` (${entry.stranded})` : ''}`,
          });
        if (!author) continue;
        count('heal:author-returned');
        await switchUser(c, author);
      }
    }
  }

  /**
   * A refused write stays in the writer's local document (rejections.ts: until a colleague's change to it arrives
   * or the user acts on the refusal); that copy may differ from the server's when the model expected the refusal
   * and the client shows it with that code.
   */
  function keepsRefused(index: number, snap: Snapshot, collection: string, id: string): boolean {
    const code = model.refusalOf(clients[index].writer, collection, id);
    return code !== undefined && snap.rejections.some((r) => r.id === id && r.code === code);
  }

  /** Polls until every client holds exactly the server's documents it may read and has nothing pending. */
  async function converge(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    let last: Failure[] = [];
    for (;;) {
      const stored = await cluster.documents();
      const server = new Map(stored.map((d) => [`${d.collection}/${d.id}`, d.data]));
      const ids: Record<string, string[]> = {};
      for (const name of COLLECTIONS) {
        ids[name] = [
          ...new Set([...stored.filter((d) => d.collection === name).map((d) => d.id), ...model.idsOf(name)]),
        ];
      }
      // What a client of the office is shown: a placement's record reference only where it may read the record.
      const records = new Map(
        stored
          .filter((d) => d.collection === 'intakes')
          .map((d) => {
            const intake = d.data as IntakeWire;
            return [
              d.id,
              { officeId: intake.officeId, handedOverTo: intake.review?.handedOverTo, deleted: intake._deleted },
            ];
          }),
      );
      const shownTo = (officeId: string, name: string, doc: WireDocument): WireDocument => {
        if (name !== 'holds') return doc;
        const hold = doc as HoldWire;
        const reader = { officeId, roles: ['oncall'] };
        return seesRecordRef(reader, hold, records.get(hold.intakeRef))
          ? doc
          : ({ ...hold, intakeRef: opaqueRecordRef(hold.id) } as WireDocument);
      };
      const snapshots = await Promise.all(
        clients.map(async (c) => ({
          index: c.index,
          officeId: c.officeId,
          snap: await c.request<Snapshot>({ op: 'snapshot', ids }),
        })),
      );
      last = [];
      for (const { index, officeId, snap } of snapshots) {
        if (snap.status.pendingCount > 0)
          last.push({
            ids: snap.status.pendingIds,
            text: `client ${index} still has ${snap.status.pendingCount} pending (${snap.status.connection}, ${snap.status.lastError ?? ''})`,
          });
        for (const name of COLLECTIONS) {
          const local = new Map(snap.docs[name].map((d) => [d.id, d]));
          for (const d of stored) {
            if (d.collection !== name) continue;
            const mine = local.get(d.id);
            if (d.officeId !== officeId && !READ_BY_ALL.has(name)) {
              if (mine)
                last.push({
                  ids: [d.id],
                  text: `client ${index} (${officeId}) holds ${name}/${d.id} of ${d.officeId}`,
                });
              continue;
            }
            if (!mine)
              last.push({ ids: [d.id], text: `client ${index} lacks ${name}/${d.id} (feed position ${d.seq})` });
            else if (!jsonEqual(mine, shownTo(officeId, name, d.data)) && !keepsRefused(index, snap, name, d.id))
              last.push({
                ids: [d.id],
                text: `client ${index} differs on ${name}/${d.id} (feed position ${d.seq}): ${diff(mine, shownTo(officeId, name, d.data))}`,
              });
          }
          for (const id of local.keys()) {
            if (!server.has(`${name}/${id}`) && !keepsRefused(index, snap, name, id))
              last.push({ ids: [id], text: `client ${index} holds ${name}/${id}, the server does not` });
          }
        }
      }
      for (const { index, snap } of snapshots) {
        for (const entry of snap.outbox)
          last.push({
            ids: [],
            text: `client ${index}: ${entry.count} changes of ${usernames.get(entry.userId) ?? entry.userId} still wait in the laptop's outbox`,
          });
      }
      // The views of the placements are compared once the documents agree: they are computed from them.
      if (last.length === 0) last.push(...placementViewFailures(stored, snapshots));
      if (last.length === 0) {
        note('fuzzer', `converged: ${stored.length} documents on the server and on every client that may read them`);
        return { failures: [], server, snapshots };
      }
      if (Date.now() > deadline) {
        const states = snapshots.map(({ index, snap }) => ({
          ids: [],
          text: `client ${index}: ${snap.status.connection}, stream ${snap.status.streamConnected ? 'connected' : 'not connected'}, replication ${snap.replication.stopped ? 'stopped' : snap.replication.paused ? 'paused' : 'running'} at checkpoint ${JSON.stringify(snap.replication.checkpoint)}, last error ${snap.status.lastError ?? 'none'}`.slice(
            0,
            300,
          ),
        }));
        return {
          failures: [{ ids: [], text: `no convergence within ${timeoutMs} ms` }, ...states, ...last],
          server,
          snapshots,
        };
      }
      await sleep(1000);
    }
  }
}

/**
 * The board and each record's section 4 on every laptop against the placements on the server: the board's own
 * placements, the count of the others' and its free places (the report, at most the capacity less the children it
 * counted, less every placement taking a place that it did not count), and each record's placements. A placement
 * the laptop keeps as refused (its writer's rejections) is left out of the comparison of its own placements; the
 * others' count and the free places must equal the server's all the same (a refused write counts as the server
 * holds it).
 */
function placementViewFailures(
  stored: { collection: string; id: string; data: WireDocument }[],
  snapshots: { index: number; officeId: string; snap: Snapshot }[],
): Failure[] {
  const failures: Failure[] = [];
  const holds = stored.filter((d) => d.collection === 'holds' && !d.data._deleted).map((d) => d.data as HoldWire);
  const facilities = new Map(
    stored.filter((d) => d.collection === 'facilities').map((d) => [d.id, d.data as FacilityWire]),
  );
  for (const { index, officeId, snap } of snapshots) {
    const refused = new Set(snap.rejections.map((r) => r.id));
    const taking = (h: HoldWire) =>
      h.status === 'confirmed' || h.status === 'occupied' || (h.status === 'held' && h.expiresAt > snap.at);
    for (const card of snap.board) {
      const facility = facilities.get(card.facilityId);
      if (!facility) continue;
      const here = holds.filter((h) => h.facilityId === card.facilityId && taking(h));
      const own = here.filter((h) => h.officeId === officeId).map((h) => h.id);
      const shownOwn = card.own.filter((id) => !refused.has(id));
      if (!jsonEqual(shownOwn, [...own].sort()))
        failures.push({
          ids: own,
          text: `client ${index}: board of ${card.facilityId} shows own placements [${shownOwn.join(', ')}], the server has [${own.join(', ')}]`,
        });
      if (card.others !== here.length - own.length)
        failures.push({
          ids: [],
          text: `client ${index}: board of ${card.facilityId} counts ${card.others} placements of other offices, the server has ${here.length - own.length}`,
        });
      const report = latestFreeReport(facility);
      const counted = here.filter(
        (h) => h.status === 'occupied' && (h.admittedAt ?? h.createdAt) < report.reportedAt,
      ).length;
      const free = Math.min(report.free, Math.max(facility.totalPlaces - counted, 0)) - (here.length - counted);
      if (card.free !== free)
        failures.push({
          ids: here.map((h) => h.id),
          text: `client ${index}: board of ${card.facilityId} shows ${card.free} free, the placements leave ${free} (report ${report.free} of ${facility.totalPlaces}, ${here.length} taking a place)`,
        });
    }
    for (const [recordId, shown] of Object.entries(snap.records)) {
      const placements = holds
        .filter((h) => h.intakeRef === recordId)
        .map((h) => h.id)
        .sort();
      const mine = shown.filter((id) => !refused.has(id));
      if (!jsonEqual(mine, placements))
        failures.push({
          ids: [recordId, ...placements],
          text: `client ${index}: record ${recordId} shows placements [${mine.join(', ')}], the server has [${placements.join(', ')}]`,
        });
    }
  }
  return failures;
}

function diff(a: WireDocument, b: WireDocument): string {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(ra), ...Object.keys(rb)])]
    .filter((k) => !jsonEqual(ra[k], rb[k]))
    .map((k) => `${k}: client ${JSON.stringify(ra[k])} / server ${JSON.stringify(rb[k])}`)
    .join('; ')
    .slice(0, 1000);
}

function fmt(l: TraceLine): string {
  return `${String(l.t).padStart(7)} ms #${String(l.step).padEnd(4)} ${l.who.padEnd(10)} ${l.text}`;
}

/** The seed, what failed, and the trace shortened to the failing documents and the faults around them. */
function report(seed: number, failures: Failure[], trace: TraceLine[], traceFile: string): string {
  const ids = new Set(failures.flatMap((f) => f.ids.map((id) => id.slice(0, 36))));
  const relevant = trace.filter((l) => l.fault || [...ids].some((id) => l.text.includes(id)));
  const short = relevant.slice(-120);
  return [
    `Sync fuzzer: divergence with seed ${seed} (rerun: npm run fuzz:long -- --seed ${seed})`,
    ...failures.slice(0, 30).map((f) => `  - ${f.text}${f.ids.length ? ` [${f.ids.join(', ').slice(0, 200)}]` : ''}`),
    failures.length > 30 ? `  ... and ${failures.length - 30} more` : '',
    `Trace (faults and the documents concerned, ${short.length} of ${trace.length} lines; full trace: ${traceFile}):`,
    ...short.map(fmt),
  ]
    .filter(Boolean)
    .join('\n');
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
