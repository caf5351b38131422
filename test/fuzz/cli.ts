/**
 * The long fuzz run: `npm run fuzz:long -- --seed N --minutes M [--clients K] [--pg-restart]`.
 * Without --seed a random one is drawn and printed. Exits 1 on divergence, after printing the report.
 */
import { parseArgs } from 'node:util';

import { runFuzz } from './fuzzer';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    minutes: { type: 'string', default: '10' },
    steps: { type: 'string' },
    clients: { type: 'string' },
    'pg-restart': { type: 'boolean', default: process.env.OBHUT_FUZZ_PG_RESTART === '1' },
    'no-dev-mode': { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    settle: { type: 'string', default: '180' },
  },
});

const USERS = [
  'bereitschaft.segeberg',
  'leitung.segeberg',
  'bereitschaft.stormarn',
  'bereitschaft.segeberg',
  'leitung.stormarn',
  'leitung.segeberg',
];

async function main() {
  const runs = Number(values.runs);
  let seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
  const clients = values.clients ? Number(values.clients) : 4;
  const users = clients === 4 ? undefined : Array.from({ length: clients }, (_, i) => USERS[i % USERS.length]);
  let failed = false;
  for (let r = 0; r < runs; r++, seed++) {
    console.log(`fuzz: seed ${seed}, ${values.minutes} min${values['pg-restart'] ? ', with PostgreSQL restarts' : ''}`);
    const result = await runFuzz({
      seed,
      durationMs: Number(values.minutes) * 60_000,
      steps: values.steps ? Number(values.steps) : undefined,
      users,
      pgRestart: values['pg-restart'],
      devMode: !values['no-dev-mode'],
      settleMs: Number(values.settle) * 1000,
      log: (line) => console.log(line),
    });
    console.log(
      JSON.stringify({
        seed: result.seed,
        ok: result.ok,
        steps: result.steps,
        durationMs: result.durationMs,
        documents: result.documents,
        conflictsRecorded: result.conflictsRecorded,
        counts: result.counts,
        traceFile: result.traceFile,
      }),
    );
    if (!result.ok) {
      console.error(result.report);
      failed = true;
    }
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
