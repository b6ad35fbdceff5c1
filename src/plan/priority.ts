// Update priority (Kruise pkg/util/updatesort priority sort): a stable re-sort of candidates by
// weight terms (sum of matching weights, higher first) or, when no weight term is given, by
// ordered keys (earlier key first, then the larger trailing number first).
import type { LabelSelector } from '../k8s/selector.js';
import { selectorMatches } from '../k8s/selector.js';

export interface PriorityStrategy {
  weightPriority?: { weight: number; matchSelector: LabelSelector }[];
  orderPriority?: { orderedKey: string }[];
}

type Labelled = { labels: Record<string, string> } | null | undefined;

export function podWeight(strategy: PriorityStrategy, labels: Record<string, string>): number {
  let w = 0;
  // An invalid selector is skipped upstream; selectorMatches already refuses unknown operators.
  for (const t of strategy.weightPriority ?? []) if (selectorMatches(t.matchSelector ?? {}, labels)) w += t.weight ?? 0;
  return w;
}

/** [level, number]: level = index of the first ordered key the pod carries (-1 if none). */
export function podOrder(strategy: PriorityStrategy, labels: Record<string, string>): [number, number] {
  const terms = strategy.orderPriority ?? [];
  for (let i = 0; i < terms.length; i++) {
    const v = labels[terms[i].orderedKey];
    if (v !== undefined) return [i, trailingNumber(v)];
  }
  return [-1, 0];
}

/** Trailing decimal digits of a label value ("o-10" -> 10); none or overflow -> 0. */
export function trailingNumber(v: string): number {
  const m = /(\d+)$/.exec(v);
  if (!m) return 0;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : 0;
}

export function prioritySort(strategy: PriorityStrategy | undefined | null, pods: readonly Labelled[], indexes: readonly number[]): number[] {
  const out = [...indexes];
  const weights = strategy?.weightPriority ?? [];
  const orders = strategy?.orderPriority ?? [];
  if (!strategy || (weights.length === 0 && orders.length === 0)) return out;
  const labels = (i: number) => pods[i]?.labels ?? {};
  // Array.prototype.sort is stable, like sort.SliceStable upstream.
  return out.sort((i, j) => {
    if (weights.length > 0) return podWeight(strategy, labels(j)) - podWeight(strategy, labels(i));
    const [li, ni] = podOrder(strategy, labels(i));
    const [lj, nj] = podOrder(strategy, labels(j));
    if (li !== lj) return li - lj;
    return nj - ni;
  });
}
