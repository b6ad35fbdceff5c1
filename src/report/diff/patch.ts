// One object's unified diff, by jsdiff (the `diff` package): the same hunks `git diff` and
// `kubectl diff` print, so reviewers read them as they read any patch.
import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from 'diff';

/** Lines of context around each change, as git and kubectl diff use. */
export const CONTEXT_LINES = 3;

/** jsdiff's search costs O(N·D) and more for D changed lines, so each object may have at most
 *  PER_OBJECT changed lines aligned and a whole diff TOTAL; past either, an object is shown
 *  replaced whole. The bounds are counts, never times, so the output stays deterministic, and
 *  a repo built to make diffs slow costs seconds at most. */
const PER_OBJECT = 1000;
const TOTAL = 20_000;

/** Returns the differ for one diff run; it keeps track of the alignment budget. */
export function createPatcher(): (name: string, before: string | undefined, after: string | undefined) => string {
  let left = TOTAL;
  return (name, before, after) => {
    const from = before === undefined ? '/dev/null' : `a/${name}`;
    const to = after === undefined ? '/dev/null' : `b/${name}`;
    // An added or removed object is all one hunk; only changed ones need aligning.
    const maxEditLength = before === undefined || after === undefined ? 0 : Math.min(PER_OBJECT, left);
    const patch = maxEditLength > 0
      ? structuredPatch(from, to, before ?? '', after ?? '', undefined, undefined, { context: CONTEXT_LINES, maxEditLength })
      : undefined;
    if (patch) {
      for (const h of patch.hunks) left -= h.lines.filter((l) => l[0] === '+' || l[0] === '-').length;
      return formatPatch(patch, FILE_HEADERS_ONLY);
    }
    left -= maxEditLength;
    // Added, removed, or too many changes to align: one hunk that removes every old line and
    // adds every new one.
    const a = lines(before ?? ''), b = lines(after ?? '');
    return [`--- ${from}`, `+++ ${to}`, `@@ -${range(a.length)} +${range(b.length)} @@`, ...a.map((l) => `-${l}`), ...b.map((l) => `+${l}`), ''].join('\n');
  };
}

function lines(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

function range(n: number): string {
  return n === 0 ? '0,0' : `1,${n}`;
}
