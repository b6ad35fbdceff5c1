// How Kruise reads a subset's replicas / minReplicas / maxReplicas (ParseSubsetReplicas in
// pkg/controller/uniteddeployment): an int >= 0, or "<int32>%" in 0..100 of the UD total,
// rounded half up. Both the webhook and the allocators use this one parser.
import type { IntOrString } from '../../k8s/intstr.js';

export type ReplicasValue = { ok: true; value: number } | { ok: false; error: string };

/** `total` is spec.replicas, or undefined when unset (then percentages are errors). */
export function parseSubsetReplicas(total: number | undefined, v: IntOrString): ReplicasValue {
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return { ok: false, error: `subset replicas (${v}) must be an integer` };
    if (v < 0) return { ok: false, error: `subset replicas (${v}) should not be less than 0` };
    return { ok: true, value: v };
  }
  if (typeof v !== 'string') return { ok: false, error: 'subset replicas must be an integer or a percentage string' };
  if (total === undefined || total < 0) return { ok: false, error: `subsetReplicas (${v}) should not be string when unitedDeployment replicas is empty` };
  if (!v.endsWith('%')) return { ok: false, error: `subset replicas (${v}) only support integer value or percentage value with a suffix '%'` };
  const p = parseInt32(v.slice(0, -1));
  if (p === undefined) return { ok: false, error: `subset replicas (${v}) should be correct percentage integer` };
  if (p > 100 || p < 0) return { ok: false, error: `subset replicas (${v}) should be in range [0, 100]` };
  // float64 arithmetic in Go's operand order; JS numbers are float64 too.
  return { ok: true, value: Math.floor(total * p / 100 + 0.5) };
}

/** strconv.ParseInt(s, 10, 32): optional sign, decimal digits, int32 range. */
function parseInt32(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= -2147483648 && n <= 2147483647 ? n : undefined;
}
