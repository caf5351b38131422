// Postinstall: fixes RxDB 17.6 dropping a RESYNC that is queued behind stream events
// (replication-protocol/downstream.js: the RESYNC task is shift()ed off the queue and, when other tasks were
// already collected, never put back - the client then never pulls what changed while its stream was away).
// Found by our sync fuzzer; reproduced by test/fuzz/rxdb-resync.test.ts. Written by hand instead of patch-package:
// one line, idempotent, and it only warns (never fails the install) if RxDB's code has changed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const files = ['esm', 'cjs'].map((kind) => `node_modules/rxdb/dist/${kind}/replication-protocol/downstream.js`);
const buggy = /(useTasks\.push\(innerTaskWithTime\.task\);\s*break;\s*\}\s*else\s*\{)(\s*)(break;)/;
const fixed = /else\s*\{\s*openTasks\.unshift\(innerTaskWithTime\);\s*break;/;

for (const file of files) {
  if (!existsSync(file)) continue;
  const text = readFileSync(file, 'utf8');
  if (fixed.test(text)) continue;
  if (!buggy.test(text)) {
    console.warn(
      `obhut: ${file} does not look like RxDB 17.6; RESYNC fix not applied - check test/fuzz/rxdb-resync.test.ts`,
    );
    continue;
  }
  writeFileSync(file, text.replace(buggy, '$1$2openTasks.unshift(innerTaskWithTime);$2$3'));
  console.log(`obhut: applied the RESYNC fix to ${file}`);
}
