// The repository explains itself: no comment or document points to a file outside it (the Verbund's reference
// documents beside a checkout are not in a clone). The README may name the external contract once, as the source
// the API follows. And what a document names inside it exists: every path in backticks (`server/sync/pull.ts`,
// `test/e2e/`), every relative link and every `npm run <script>` - the data protection documents prove their claims
// with such references (docs/datenschutz/README.md), and a renamed file must not leave them pointing nowhere.
// Part of `npm run lint`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const OUTSIDE = [
  /\.\.\/shared\/(docs|seed|hooks)\b/,
  /\bsync-api\.md\b/,
  /(?<!docs\/)\barchitecture\.md\b/,
  /\bDEVELOPERS\.md\b/,
];
const ALLOWED_ONCE = { 'README.md': /\bsync-api\.md\b/ };
const SELF = 'build/check-references.mjs';

const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
  .split('\0')
  .filter(
    (f) => f && f !== SELF && /\.(ts|tsx|js|mjs|cjs|md|json|yml|sql|html|css)$/.test(f) && f !== 'package-lock.json',
  );

const problems = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // deleted in the work tree
  }
  const lines = text.split('\n');
  let allowance = ALLOWED_ONCE[file] ? 1 : 0;
  lines.forEach((line, i) => {
    for (const pattern of OUTSIDE) {
      if (!pattern.test(line)) continue;
      if (allowance > 0 && ALLOWED_ONCE[file].test(line)) {
        allowance--;
        continue;
      }
      problems.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
    }
  });
}
if (problems.length > 0) {
  console.error(`References to files outside the repository (${problems.length}); point to docs/ instead:`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}

/** A path in backticks that starts at a folder of the repository; a line or anchor after it (`x.ts:12`) is cut. */
const REPO_PATH = /`((?:shared|renderer|server|electron|test|build|bench|docs|\.ci)\/[^`\s*<>{}]*)`/g;
const LINK = /\]\(([^)\s]+)\)/g;
const NPM_RUN = /`npm run ([\w:-]+)/g;
const scripts = new Set(Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts));
const missing = [];
for (const file of files.filter((f) => f.endsWith('.md'))) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  text.split('\n').forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    for (const [, path] of line.matchAll(REPO_PATH)) {
      const clean = path.replace(/[:#].*$/, '');
      if (!existsSync(clean)) missing.push(`${at}: ${clean}`);
    }
    for (const [, target] of line.matchAll(LINK)) {
      if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
      const path = normalize(join(dirname(file), target.replace(/#.*$/, '')));
      if (!existsSync(path)) missing.push(`${at}: link ${target}`);
    }
    for (const [, script] of line.matchAll(NPM_RUN)) {
      if (!scripts.has(script)) missing.push(`${at}: npm run ${script} (no such script in package.json)`);
    }
  });
}
if (missing.length > 0) {
  console.error(`Documents name what does not exist (${missing.length}):`);
  for (const m of missing) console.error(`  ${m}`);
  process.exit(1);
}
console.log(`references: ${files.length} files point only inside the repository; every named path exists`);
