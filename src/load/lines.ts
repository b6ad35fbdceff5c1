// Offsets into a file's text -> 1-based line and column, for every position the load phase
// reports. Lines end at "\n" only, as editors and code frames count them.

/** Offsets at which the lines of `text` start. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The index of the last of the sorted `starts` at or before `offset`. */
export function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Line and column (1-based) of `offset`, given the text's line starts. */
export function positionOf(starts: readonly number[], offset: number): { line: number; col: number } {
  const i = lastAtOrBefore(starts, offset);
  return { line: i + 1, col: offset - starts[i] + 1 };
}
