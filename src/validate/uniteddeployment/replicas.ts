// V2 and V12-V20: the total and the per-subset replica settings. Either subsets are pinned
// (`replicas`, the specific allocator) or bounded (`minReplicas`/`maxReplicas`, elastic mode),
// never both; then the numbers must be able to add up.
import * as rules from '../../report/catalogue/uniteddeployment.js';
import type { UdContext } from './context.js';
import { fail } from './context.js';
import { parseSubsetReplicas } from './replicas-value.js';
import { isObj, list } from '../../util/json.js';

/** Absent maxReplicas counts as this in the min-sum check (as upstream). */
const UNBOUNDED_FOR_SUM = 1000000;

export function checkReplicas(ctx: UdContext): void {
  const spec = ctx.ud.spec ?? {};
  const totalRaw = spec.replicas;
  if (typeof totalRaw === 'number' && totalRaw < 0) fail(ctx, rules.replicasNegative, ['spec', 'replicas'], { value: totalRaw });
  // Upstream uses -1 for "unset", so an explicit -1 also reads as unset below.
  const expected = typeof totalRaw === 'number' ? totalRaw : -1;
  const total: number | undefined = expected === -1 ? undefined : expected;
  const parseTotal = expected < 0 ? undefined : expected;

  const subsets = list(spec.topology?.subsets);
  const base = ['spec', 'topology', 'subsets'];
  let sumPinned = 0, sumMin = 0, sumMax = 0, countPinned = 0, countMax = 0;
  let pinned = false, bounded = false;

  subsets.forEach((raw, i) => {
    const s = isObj(raw) ? raw : {};
    // A value that fails to parse counts as 0, as upstream.
    const value = (key: 'replicas' | 'minReplicas' | 'maxReplicas'): number => {
      const r = parseSubsetReplicas(parseTotal, s[key]);
      if (r.ok) return r.value;
      fail(ctx, rules.subsetReplicasInvalid, [...base, i, key], { value: s[key], reason: r.error });
      return 0;
    };
    let replicas = 0, min = 0, max = UNBOUNDED_FOR_SUM;
    if (s.replicas != null) { countPinned++; pinned = true; replicas = value('replicas'); }
    sumPinned += replicas;
    if (s.minReplicas != null) { bounded = true; min = value('minReplicas'); }
    sumMin += min;
    if (s.maxReplicas != null) { countMax++; bounded = true; max = value('maxReplicas'); }
    sumMax += max;
    if (min > max) fail(ctx, rules.subsetMinAboveMax, [...base, i, 'minReplicas'], { index: i, min, max });
  });

  if (pinned && bounded) {
    fail(ctx, rules.subsetReplicasExclusive, base, {});
    return;
  }
  if (bounded) {
    if (total === undefined) fail(ctx, rules.elasticReplicasUnset, base, {});
    if (countMax >= subsets.length) fail(ctx, rules.elasticAllMax, base, { count: countMax });
    if (sumMin > sumMax) fail(ctx, rules.elasticMinSum, base, { sumMin, sumMax });
    return;
  }
  if (total !== undefined) {
    if (sumPinned > total) fail(ctx, rules.pinnedSumExceeds, base, { sum: sumPinned, total, defaulted: !ctx.replicasWritten });
    if (countPinned > 0 && countPinned === subsets.length && sumPinned !== total) {
      fail(ctx, rules.pinnedSumMismatch, base, { sum: sumPinned, total, defaulted: !ctx.replicasWritten });
    }
  } else if (countPinned !== subsets.length) {
    fail(ctx, rules.pinnedWithoutTotal, base, {});
  }
}
