// Which ordinal slots an Advanced StatefulSet visits for update (Kruise
// pkg/controller/statefulset stateful_update_utils.go sortPodsToUpdate). Slots are indexed by
// ordinal - start; a null slot is a reserved ordinal with no pod. Partition counts pods kept old.
import type { SimPod } from '../pod.js';
import { LIFECYCLE_PREPARING_UPDATE } from '../pod.js';
import { prioritySort, type PriorityStrategy } from '../priority.js';

export interface StatefulSetRollingUpdate {
  partition?: number;
  maxUnavailable?: number | string;
  paused?: boolean;
  podUpdatePolicy?: string;
  unorderedUpdate?: { priorityStrategy?: PriorityStrategy } | null;
}

/** revision.IsPodUpdate: on the update revision, or (gate PreparingUpdateAsUpdate, on in
 *  Kruise's own test of this function) in lifecycle state PreparingUpdate. */
export function isPodOnUpdateRevision(p: SimPod, updateRevision: string, preparingUpdateAsUpdate = true): boolean {
  if (preparingUpdateAsUpdate && p.lifecycleState === LIFECYCLE_PREPARING_UPDATE) return true;
  return p.revision === updateRevision;
}

export function sortSlotsToUpdate(ru: StatefulSetRollingUpdate | undefined | null, updateRevision: string, totalReplicas: number, slots: readonly (SimPod | null)[], opts: { preparingUpdateAsUpdate?: boolean } = {}): number[] {
  const updateMin = ru?.partition ?? 0;
  const maxUpdate = totalReplicas - updateMin;
  if (maxUpdate <= 0) return [];
  if (!ru || !ru.unorderedUpdate) {
    // Ordered: highest slot first, never below the partition, at most maxUpdate real pods.
    const out: number[] = [];
    for (let t = slots.length - 1; t >= updateMin && out.length < maxUpdate; t--) if (slots[t]) out.push(t);
    return out;
  }
  const updated: number[] = [], waiting: number[] = [];
  for (let t = slots.length - 1; t >= 0; t--) {
    const p = slots[t];
    if (!p) continue;
    if (p.terminating || isPodOnUpdateRevision(p, updateRevision, opts.preparingUpdateAsUpdate ?? true)) updated.push(t);
    else waiting.push(t);
  }
  const sortedWaiting = ru.unorderedUpdate.priorityStrategy ? prioritySort(ru.unorderedUpdate.priorityStrategy, slots, waiting) : waiting;
  return [...updated, ...sortedWaiting].slice(0, maxUpdate);
}

/** Ordinal slots for `replicas` pods starting at `start`, skipping reserved ordinals:
 *  the slot array runs past reserved ordinals until every replica has one. */
export function ordinalSlots(replicas: number, reserved: ReadonlySet<number>, start = 0): { ordinal: number; reserved: boolean }[] {
  const out: { ordinal: number; reserved: boolean }[] = [];
  let real = 0;
  for (let ord = start; real < replicas; ord++) {
    const r = reserved.has(ord);
    out.push({ ordinal: ord, reserved: r });
    if (!r) real++;
  }
  return out;
}

/** spec.reserveOrdinals: ints or "a-b" ranges. */
export function parseReserveOrdinals(v: unknown): Set<number> {
  const out = new Set<number>();
  if (!Array.isArray(v)) return out;
  for (const e of v) {
    if (typeof e === 'number' && Number.isInteger(e)) out.add(e);
    else if (typeof e === 'string') {
      const m = /^(\d+)-(\d+)$/.exec(e.trim());
      if (m) { for (let i = Number(m[1]); i <= Number(m[2]); i++) out.add(i); }
      else if (/^\d+$/.test(e.trim())) out.add(Number(e.trim()));
    }
  }
  return out;
}
