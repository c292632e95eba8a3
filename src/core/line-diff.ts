/**
 * A unified line diff (Myers' O(ND) algorithm), enough to show a reviewer what a proposal
 * changes. Common leading and trailing lines are trimmed first, so the usual change (an image
 * line and a few annotations) costs almost nothing; past `MAX_EDITS` differences the middle is
 * shown as replaced wholesale rather than spending quadratic time on it.
 */

const MAX_EDITS = 1000;
const CONTEXT = 3;

type Edit = { op: ' ' | '-' | '+'; line: string };

/** Splits text into lines without the trailing empty line a final newline would give. */
function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The shortest edit script between two line arrays (Myers 1986), or undefined past the cap. */
function myers(a: string[], b: string[]): Edit[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, d, offset);
    }
  }
  return undefined;
}

function backtrack(
  a: string[],
  b: string[],
  trace: Int32Array[],
  dEnd: number,
  offset: number,
): Edit[] {
  const edits: Edit[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = dEnd; d > 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      edits.push({ op: ' ', line: a[--x]! });
      y--;
    }
    if (down) edits.push({ op: '+', line: b[--y]! });
    else edits.push({ op: '-', line: a[--x]! });
  }
  while (x > 0 && y > 0) {
    edits.push({ op: ' ', line: a[--x]! });
    y--;
  }
  return edits.reverse();
}

function editScript(a: string[], b: string[]): Edit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const middle = myers(middleA, middleB) ?? [
    ...middleA.map((line): Edit => ({ op: '-', line })),
    ...middleB.map((line): Edit => ({ op: '+', line })),
  ];
  return [
    ...a.slice(0, start).map((line): Edit => ({ op: ' ', line })),
    ...middle,
    ...a.slice(endA).map((line): Edit => ({ op: ' ', line })),
  ];
}

/**
 * Unified diff hunks (`@@ -l,s +l,s @@` with three lines of context) between two texts, under
 * `--- a/name` / `+++ b/name` headers; '' when they are equal. `undefined` text means the file
 * does not exist on that side.
 */
export function unifiedDiff(name: string, before: string | undefined, after: string | undefined) {
  if (before === after) return '';
  const out = [
    `--- ${before === undefined ? '/dev/null' : `a/${name}`}`,
    `+++ ${after === undefined ? '/dev/null' : `b/${name}`}`,
    ...diffHunks(before ?? '', after ?? ''),
  ];
  return `${out.join('\n')}\n`;
}

/** The hunks of a unified diff between two texts, as lines (`@@ … @@`, then ` `, `-`, `+` lines). */
export function diffHunks(before: string, after: string): string[] {
  const a = linesOf(before);
  const b = linesOf(after);
  const edits = editScript(a, b);
  const out: string[] = [];
  // Positions in a and b before each edit, to number the hunks.
  const posA: number[] = [];
  const posB: number[] = [];
  let ia = 0;
  let ib = 0;
  for (const edit of edits) {
    posA.push(ia);
    posB.push(ib);
    if (edit.op !== '+') ia++;
    if (edit.op !== '-') ib++;
  }
  let i = 0;
  while (i < edits.length) {
    if (edits[i]!.op === ' ') {
      i++;
      continue;
    }
    const from = Math.max(0, i - CONTEXT);
    let to = i;
    // Extend the hunk while the next change is within 2×CONTEXT unchanged lines.
    for (let j = i; j < edits.length; j++) {
      if (edits[j]!.op !== ' ') to = j;
      else if (j - to > 2 * CONTEXT) break;
    }
    const end = Math.min(edits.length, to + CONTEXT + 1);
    const hunk = edits.slice(from, end);
    const countA = hunk.filter((e) => e.op !== '+').length;
    const countB = hunk.filter((e) => e.op !== '-').length;
    const startA = countA === 0 ? posA[from]! : posA[from]! + 1;
    const startB = countB === 0 ? posB[from]! : posB[from]! + 1;
    out.push(`@@ -${startA},${countA} +${startB},${countB} @@`);
    for (const edit of hunk) out.push(`${edit.op}${edit.line}`);
    i = end;
  }
  return out;
}
