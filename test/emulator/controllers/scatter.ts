// Scatter strategy (Kruise pkg/util/updatesort scatter sort): spread the candidates that carry
// a label value evenly between those that do not, so an update does not hit one group at once.
// Densities are compared in float32 and group sizes use math.Round, as upstream does.

export interface ScatterTerm {
  key: string;
  value: string;
}

/** Pods are looked up by index; a null entry is a hole (e.g. a reserved ordinal). */
type Labelled = { labels: Record<string, string> } | null | undefined;

const f32 = Math.fround;

function matchesTerm(p: Labelled, t: ScatterTerm): boolean {
  // A missing label reads as "" upstream, so a term with an empty value matches pods without it.
  return (p?.labels?.[t.key] ?? '') === t.value;
}

/** Terms in the order they are applied: with more than one term, those matching more
 *  candidates first (ties keep strategy order); terms no candidate carries are dropped. */
export function scatterTermsInOrder(strategy: readonly ScatterTerm[], pods: readonly Labelled[], indexes: readonly number[]): ScatterTerm[] {
  if (strategy.length === 1) return [...strategy];
  const found: ScatterTerm[] = [];
  const count = new Map<string, number>();
  for (const t of strategy) {
    for (const i of indexes) {
      const labels = pods[i]?.labels ?? {};
      if (Object.prototype.hasOwnProperty.call(labels, t.key) && labels[t.key] === t.value) {
        const id = `${t.key}:${t.value}`;
        const c = count.get(id);
        if (c === undefined) { found.push({ key: t.key, value: t.value }); count.set(id, 1); } else count.set(id, c + 1);
      }
    }
  }
  const n = (t: ScatterTerm) => count.get(`${t.key}:${t.value}`) ?? 0;
  return found.map((t, i) => [t, i] as const).sort((a, b) => n(b[0]) - n(a[0]) || a[1] - b[1]).map(([t]) => t);
}

export function scatterSort(strategy: readonly ScatterTerm[] | undefined | null, pods: readonly Labelled[], indexes: readonly number[]): number[] {
  let out = [...indexes];
  if (!strategy || strategy.length === 0 || out.length <= 1) return out;
  for (const t of scatterTermsInOrder(strategy, pods, out)) out = scatterByTerm(t, pods, out);
  return out;
}

interface Group { groupNum: number; matchedSize: number; unmatchedSize: number; unmatchedRemainder: number }

/** Go's int(float) conversion for the values math.Round can produce here. */
function goInt(x: number): number {
  return Number.isFinite(x) ? Math.trunc(x) : 0;
}

/** math.Round: half away from zero (all operands here are non-negative). */
function goRound(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

function groupFor(matched: number, unmatched: number): Group {
  const groupNum = Math.min(matched, unmatched);
  return { groupNum, matchedSize: goInt(goRound(matched / groupNum)), unmatchedSize: goInt(goRound(unmatched / groupNum)), unmatchedRemainder: 0 };
}

function groupByDensity(totalMatched: number, totalUnmatched: number, updMatched: number, updUnmatched: number): Group {
  const total = groupFor(totalMatched, totalUnmatched);
  const update = groupFor(updMatched, updUnmatched);
  if (f32(f32(totalUnmatched) / f32(totalMatched)) >= f32(f32(updUnmatched) / f32(updMatched))) return update;
  const g: Group = { groupNum: 0, matchedSize: total.matchedSize, unmatchedSize: total.unmatchedSize, unmatchedRemainder: 0 };
  const byMatched = Math.trunc(updMatched / g.matchedSize), byUnmatched = Math.trunc(updUnmatched / g.unmatchedSize);
  g.groupNum = byMatched < byUnmatched ? byMatched : byUnmatched;
  g.unmatchedRemainder = updUnmatched - g.groupNum * g.unmatchedSize;
  return g;
}

/** One term: interleave matched candidates among unmatched ones, keeping the last matched
 *  candidate for the very end. Densities count every pod (not only candidates). */
export function scatterByTerm(term: ScatterTerm, pods: readonly Labelled[], indexes: readonly number[]): number[] {
  let matched: number[] = [], unmatched: number[] = [];
  for (const i of indexes) (matchesTerm(pods[i], term) ? matched : unmatched).push(i);
  if (matched.length <= 1 || unmatched.length <= 1) return [...indexes];

  let totalMatched = 0, totalUnmatched = 0;
  for (const p of pods) {
    if (!p) continue;
    if (matchesTerm(p, term)) totalMatched++; else totalUnmatched++;
  }
  const last = matched[matched.length - 1];
  matched = matched.slice(0, -1);
  totalMatched--;

  const g = groupByDensity(totalMatched, totalUnmatched, matched.length, unmatched.length);
  const out: number[] = [];
  if (g.unmatchedRemainder > 0) {
    out.push(...unmatched.slice(0, g.unmatchedRemainder));
    unmatched = unmatched.slice(g.unmatchedRemainder);
  }
  const take = (src: number[], size: number): number[] => {
    if (src.length === 0) return src;
    if (src.length < size) { out.push(...src); return []; }
    out.push(...src.slice(0, size));
    return src.slice(size);
  };
  for (let i = 0; i < g.groupNum; i++) {
    matched = take(matched, g.matchedSize);
    unmatched = take(unmatched, g.unmatchedSize);
  }
  out.push(...matched, ...unmatched, last);
  return out;
}

/** SidecarSet only: `value: "*"` expands to one term per value found on the pods
 *  (first-seen order), and duplicate terms are dropped. */
export function expandWildcardTerms(strategy: readonly ScatterTerm[], pods: readonly Labelled[]): ScatterTerm[] {
  const out: ScatterTerm[] = [];
  const add = (t: ScatterTerm) => { if (!out.some((o) => o.key === t.key && o.value === t.value)) out.push({ key: t.key, value: t.value }); };
  for (const t of strategy) {
    if (t.value !== '*') { add(t); continue; }
    for (const p of pods) {
      const v = p?.labels?.[t.key];
      if (v !== undefined) add({ key: t.key, value: v });
    }
  }
  return out;
}
