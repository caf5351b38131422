/** A run of text on one side of a comparison: `changed` when the other side does not have it there. */
export type DiffPart = { text: string; changed: boolean };

/** Beyond this many word pairs the comparison would stall the page; both sides are then shown unmarked. */
const MAX_PAIRS = 4_000_000;

/**
 * Word-level comparison of two texts (longest common subsequence of words and spaces): for each side the runs it
 * shares with the other and the runs only it has. Used where a conflict's two long texts stand side by side.
 */
export function wordDiff(a: string, b: string): { a: DiffPart[]; b: DiffPart[] } {
  const x = a.split(/(\s+)/).filter(Boolean);
  const y = b.split(/(\s+)/).filter(Boolean);
  if (x.length * y.length > MAX_PAIRS) return { a: [{ text: a, changed: false }], b: [{ text: b, changed: false }] };
  // common[i][j]: length of the longest common subsequence of x[i…] and y[j…].
  const common = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      common[i][j] = x[i] === y[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
  const left: DiffPart[] = [];
  const right: DiffPart[] = [];
  const add = (side: DiffPart[], text: string, changed: boolean) => {
    const last = side.at(-1);
    if (last && last.changed === changed) last.text += text;
    else side.push({ text, changed });
  };
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      add(left, x[i++], false);
      add(right, y[j++], false);
    } else if (j < y.length && (i === x.length || common[i][j + 1] >= common[i + 1][j])) add(right, y[j++], true);
    else add(left, x[i++], true);
  }
  return { a: left, b: right };
}
