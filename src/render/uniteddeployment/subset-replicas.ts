// How many replicas each subset gets: the four allocators of the UnitedDeployment controller
// (pkg/controller/uniteddeployment/allocator.go; spec §2). Pure and history-aware: pass the
// observed subset workloads to reproduce the controller on a live cluster; pass nothing for a
// fresh install (every current count 0, every subset schedulable).
import type { IntOrString } from '../../k8s/intstr.js';
import { parseSubsetReplicas } from '../../validate/index.js';

export type AllocatorName = 'specific' | 'min-max' | 'adaptive' | 'reservation';

/** What the controller knows about a subset workload that already exists. */
export interface ExistingSubset {
  /** spec.replicas of the workload. */
  replicas: number;
  /** status.readyReplicas (Adaptive allocators). */
  readyReplicas?: number;
  /** Subset currently unschedulable (pods pending past rescheduleCriticalSeconds). */
  unschedulable?: boolean;
  /** Subset was marked unschedulable earlier and has not recovered yet (reservation mode). */
  markedAsUnschedulable?: boolean;
  /** Pods kept as reserved placeholders (reservation mode). */
  reservedPods?: number;
}

export interface SubsetAllocation {
  name: string;
  replicas: number;
  /** Why this number, in a sentence. */
  reason: string;
}

export type Allocation =
  | { ok: true; allocator: AllocatorName; subsets: SubsetAllocation[] }
  | { ok: false; allocator: AllocatorName; error: string };

/** The fields of a UnitedDeployment the allocators read. */
export interface AllocationInput {
  spec?: {
    replicas?: number;
    topology?: {
      subsets?: { name: string; replicas?: IntOrString; minReplicas?: IntOrString; maxReplicas?: IntOrString }[];
      scheduleStrategy?: { type?: string; adaptive?: { reserveUnschedulablePods?: boolean } };
    };
  };
}

const MAX_INT32 = 2147483647;

export interface AllocationOptions {
  /** What an absent spec.replicas means. Kruise master's mutating webhook sets 1 before the
   *  controller ever sees the object, so that is the default; `null` keeps it unset (the
   *  behaviour of Kruise v1.9 and of the upstream allocator unit tests). */
  defaultReplicas?: number | null;
}

/** Subsets in declaration order, each with its replicas and the reason, or the allocator's
 *  error (the controller then changes nothing). `ud` is a UnitedDeployment as written or as
 *  admitted: only spec.replicas has a default that matters here, see `opts`. */
export function allocateSubsetReplicas(
  ud: AllocationInput,
  existing: Readonly<Record<string, ExistingSubset>> = {},
  opts: AllocationOptions = {},
): Allocation {
  const fallback = opts.defaultReplicas === undefined ? 1 : opts.defaultReplicas;
  if (ud.spec?.replicas == null && fallback !== null) ud = { ...ud, spec: { ...ud.spec, replicas: fallback } };
  const allocator = pickAllocator(ud);
  switch (allocator) {
    case 'specific': return specific(ud, existing);
    case 'min-max': return bounded(ud, allocator, existing);
    case 'adaptive': return bounded(ud, allocator, existing);
    case 'reservation': return reservation(ud, existing);
  }
}

/** Which allocator the controller picks (NewReplicaAllocator), in its order of checks. */
export function pickAllocator(ud: AllocationInput): AllocatorName {
  const strategy = ud.spec?.topology?.scheduleStrategy;
  if (strategy?.type === 'Adaptive') return strategy.adaptive?.reserveUnschedulablePods === true ? 'reservation' : 'adaptive';
  if (subsetsOf(ud).some((s) => s.minReplicas != null || s.maxReplicas != null)) return 'min-max';
  return 'specific';
}

function subsetsOf(ud: AllocationInput): NonNullable<NonNullable<AllocationInput['spec']>['topology']>['subsets'] & object {
  const list = ud.spec?.topology?.subsets;
  // Entries that are not objects cannot pass the schema; treat them as unnamed subsets.
  return Array.isArray(list) ? list.map((s) => (s !== null && typeof s === 'object' ? s : { name: '' })) : [];
}

// ---- specific: pins, then an even split with the remainder at the end of the sort order ----

function specific(ud: AllocationInput, existing: Readonly<Record<string, ExistingSubset>>): Allocation {
  const subsets = subsetsOf(ud);
  const total = ud.spec?.replicas;
  // Percentages cannot be resolved without a total; the controller passes -1 for "unset".
  const totalForParse = total ?? -1;
  const pins = new Map<string, { value: number; why: string }>();
  for (const s of subsets) {
    if (s.replicas == null) continue;
    const r = parseSubsetReplicas(totalForParse < 0 ? undefined : totalForParse, s.replicas);
    if (!r.ok) continue; // the controller logs and treats the subset as unpinned
    const why = typeof s.replicas === 'string'
      ? `pinned to ${s.replicas} of ${totalForParse} = ${fmt(totalForParse * Number(s.replicas.slice(0, -1)) / 100)}, rounded half up to ${r.value}`
      : `pinned to ${r.value} by topology.subsets[].replicas`;
    pins.set(s.name, { value: r.value, why });
  }

  // Entries sorted ascending by (current replicas, name); names compare byte-wise.
  const sorted = subsets.map((s) => ({ name: s.name, current: existing[s.name]?.replicas ?? 0 }))
    .sort((a, b) => a.current - b.current || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  let pinnedSum = 0;
  let pinnedCount = 0;
  for (const e of sorted) {
    const p = pins.get(e.name);
    if (p) { pinnedSum += p.value; pinnedCount++; }
  }
  if (total !== undefined && total !== null) {
    if (pinnedSum > total) return { ok: false, allocator: 'specific', error: `specified subsets' replica (${pinnedSum}) is greater than UnitedDeployment replica (${total})` };
    if (pinnedSum < total && pinnedCount === sorted.length) return { ok: false, allocator: 'specific', error: `specified subsets' replica (${pinnedSum}) is less than UnitedDeployment replica (${total})` };
  } else if (pinnedCount !== sorted.length) {
    return { ok: false, allocator: 'specific', error: 'all subsets must be specified when UnitedDeployment replica is unspecified' };
  }

  const result = new Map<string, SubsetAllocation>();
  for (const e of sorted) {
    const p = pins.get(e.name);
    if (p) result.set(e.name, { name: e.name, replicas: p.value, reason: p.why });
  }
  const unpinned = sorted.length - pinnedCount;
  if (unpinned > 0) {
    const rest = (total ?? -1) - pinnedSum;
    const avg = Math.trunc(rest / unpinned);
    let rem = rest % unpinned;
    const fresh = Object.keys(existing).length === 0;
    const order = fresh ? 'the greatest names' : 'the last by (current replicas, name)';
    for (let i = sorted.length - 1; i >= 0; i--) {
      const e = sorted[i];
      if (pins.has(e.name)) continue;
      const share = `${rest} replicas left after pins, shared by ${unpinned} unpinned subset(s): ${avg} each`;
      if (rem > 0) {
        rem--;
        result.set(e.name, { name: e.name, replicas: avg + 1, reason: `${share}, +1 of the remainder ${rest % unpinned}, which goes to the unpinned subsets sorting ${order}` });
      } else {
        result.set(e.name, { name: e.name, replicas: avg, reason: rest % unpinned ? `${share}; the remainder went to subsets sorting after it` : share });
      }
    }
  }
  return { ok: true, allocator: 'specific', subsets: subsets.map((s) => result.get(s.name)!) };
}

// ---- min/max and adaptive: two passes in declaration order ----

function rawBounds(ud: AllocationInput): { min: number[]; max: number[] } | { error: string } {
  const total = ud.spec?.replicas ?? 0;
  const min: number[] = [], max: number[] = [];
  for (const [i, s] of subsetsOf(ud).entries()) {
    // Parse errors count as 0, as upstream (the webhook rejects them earlier).
    const lo = s.minReplicas != null ? valueOr0(total, s.minReplicas) : 0;
    const hi = s.maxReplicas != null ? valueOr0(total, s.maxReplicas) : MAX_INT32;
    if (lo > hi) return { error: `subset[${i}].maxReplicas(${hi}) must be more than or equal to minReplicas(${lo})` };
    min.push(lo);
    max.push(hi);
  }
  return { min, max };
}

function valueOr0(total: number, v: IntOrString): number {
  const r = parseSubsetReplicas(total, v);
  return r.ok ? r.value : 0;
}

function bounded(ud: AllocationInput, allocator: 'min-max' | 'adaptive', existing: Readonly<Record<string, ExistingSubset>>): Allocation {
  const b = rawBounds(ud);
  if ('error' in b) return { ok: false, allocator, error: b.error };
  const subsets = subsetsOf(ud);
  const notes: string[] = subsets.map(() => '');
  if (allocator === 'adaptive') {
    subsets.forEach((s, i) => {
      const ex = existing[s.name];
      const ready = ex?.readyReplicas;
      const unschedulable = ex?.unschedulable === true;
      if (unschedulable && ready !== undefined) {
        b.min[i] = Math.max(ready, b.min[i]);
        b.max[i] = Math.min(ready, b.max[i]);
        notes[i] = `; unschedulable, so held at its ${ready} ready pods`;
      }
      const running = ready ?? 0;
      if (!unschedulable && running > b.min[i]) {
        b.min[i] = Math.min(running, b.max[i]);
        notes[i] = `; its ${running} ready pods are kept`;
      }
    });
  }
  const total = ud.spec?.replicas ?? 0;
  const out = subsets.map(() => 0);
  let allocated = 0;
  subsets.forEach((_, i) => {
    const add = Math.max(Math.min(b.min[i], total - allocated), 0);
    out[i] = add;
    allocated += add;
  });
  const firstPassOnly = allocated >= total;
  if (!firstPassOnly) {
    subsets.forEach((_, i) => {
      const add = Math.max(Math.min(b.max[i] - b.min[i], total - allocated), 0);
      out[i] += add;
      allocated += add;
    });
  }
  return {
    ok: true,
    allocator,
    subsets: subsets.map((s, i) => ({
      name: s.name,
      replicas: out[i],
      reason: `min ${b.min[i]}, max ${b.max[i] === MAX_INT32 ? 'unbounded' : b.max[i]}: ` +
        (firstPassOnly ? `minimums are filled in declaration order and used up all ${total}` : `minimum first, then filled up to max in declaration order from the ${total} total`) +
        notes[i],
    })),
  };
}

// ---- reservation: like min/max, but replicas placed beyond an unschedulable subset's budget
// are placed again in later subsets ----

function reservation(ud: AllocationInput, existing: Readonly<Record<string, ExistingSubset>>): Allocation {
  const b = rawBounds(ud);
  if ('error' in b) return { ok: false, allocator: 'reservation', error: b.error };
  const subsets = subsetsOf(ud);
  const budget: number[] = [], allocated: number[] = [];
  subsets.forEach((s) => {
    const ex = existing[s.name];
    const allocatable = !ex || (!ex.unschedulable && !ex.markedAsUnschedulable);
    budget.push(allocatable ? MAX_INT32 : ex.replicas - (ex.reservedPods ?? 0));
    allocated.push(0);
  });
  // Raise subset i to `to`, out of `rest`; returns how much of `rest` that really consumed.
  const place = (i: number, to: number, rest: number): number => {
    let add = Math.min(to - allocated[i], rest);
    allocated[i] += add;
    budget[i] -= add;
    if (budget[i] < 0) add += budget[i];
    return Math.max(0, add);
  };
  let rest = ud.spec?.replicas ?? 0;
  let done = false;
  for (let i = 0; i < subsets.length && !done; i++) {
    rest -= place(i, b.min[i], rest);
    if (rest <= 0) done = true;
  }
  for (let i = 0; i < subsets.length && !done; i++) {
    const ex = existing[subsets[i].name];
    rest -= place(i, !ex || !ex.unschedulable ? b.max[i] : ex.replicas, rest);
    if (rest <= 0) done = true;
  }
  return {
    ok: true,
    allocator: 'reservation',
    subsets: subsets.map((s, i) => ({
      name: s.name,
      replicas: allocated[i],
      reason: `min ${b.min[i]}, max ${b.max[i] === MAX_INT32 ? 'unbounded' : b.max[i]}: minimums first, then filled up to max in declaration order` +
        (existing[s.name] && budget[i] < MAX_INT32 - allocated[i] ? '; unschedulable, replicas beyond its ready pods are placed again in later subsets' : ''),
    })),
  };
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 1000) / 1000);
}
