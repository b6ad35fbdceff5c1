// One object's unified diff, by jsdiff (the `diff` package): the same hunks `git diff` and
// `kubectl diff` print, so reviewers read them as they read any patch.
import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from 'diff';

/** Lines of context around each change, as git and kubectl diff use. */
export const CONTEXT_LINES = 3;

/** Past this many changed lines jsdiff's O(N·D) search is cut short and the object is shown
 *  replaced whole. The bound is a count, never a time, so the output stays deterministic. */
const MAX_EDIT_LENGTH = 2000;

/** A unified diff from `before` to `after` (undefined: the object is absent on that side),
 *  named `a/<name>` and `b/<name>` (`/dev/null` for an absent side). */
export function unifiedDiff(name: string, before: string | undefined, after: string | undefined): string {
  const from = before === undefined ? '/dev/null' : `a/${name}`;
  const to = after === undefined ? '/dev/null' : `b/${name}`;
  const patch = structuredPatch(from, to, before ?? '', after ?? '', undefined, undefined, { context: CONTEXT_LINES, maxEditLength: MAX_EDIT_LENGTH });
  if (patch) return formatPatch(patch, FILE_HEADERS_ONLY);
  // Too many changes to align: one hunk that removes every old line and adds every new one.
  const a = lines(before ?? ''), b = lines(after ?? '');
  return [`--- ${from}`, `+++ ${to}`, `@@ -${range(a.length)} +${range(b.length)} @@`, ...a.map((l) => `-${l}`), ...b.map((l) => `+${l}`), ''].join('\n');
}

function lines(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

function range(n: number): string {
  return n === 0 ? '0,0' : `1,${n}`;
}
