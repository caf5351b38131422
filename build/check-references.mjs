// The repository explains itself: no comment or document points to a file outside it (the Verbund's reference
// documents beside a checkout are not in a clone). The README may name the external contract once, as the source
// the API follows. Part of `npm run lint`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

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
console.log(`references: ${files.length} files point only inside the repository`);
