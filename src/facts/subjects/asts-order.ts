// Subject: Advanced StatefulSet - ordinal slots visited for update (Kruise statefulset
// TestSortPodsToUpdate). Slots: a revision name ("r0"), null for a reserved ordinal, or a map
// {revision, labels, lifecycleState, terminating}. The update revision is r1 unless given.
import type { SimPod } from '../../plan/pod.js';
import type { PriorityStrategy } from '../../plan/priority.js';
import { ordinalSlots, parseReserveOrdinals, sortSlotsToUpdate } from '../../plan/kinds/statefulset-update.js';
import { checkKeys, FactError, int, labelsOf, optInt, record, type Subject } from '../fact.js';

const KEYS = ['replicas', 'partition', 'slots', 'unorderedUpdate', 'updateRevision', 'reserveOrdinals', 'ordinalsStart', 'podLabels', 'updatedSlots', 'preparingUpdateAsUpdate'];

export const astsOrderSubject: Subject = {
  id: 'asts-update-order',
  keywords: /stateful\s*set|\basts\b|ordinal/i,
  evaluate(given) {
    checkKeys(given, KEYS, 'asts-update-order');
    const replicas = int(given, 'replicas');
    const updateRevision = typeof given.updateRevision === 'string' ? given.updateRevision : 'r1';
    let slots: (SimPod | null)[];
    if (Array.isArray(given.slots)) {
      slots = given.slots.map((s, i) => slotOf(s, i));
    } else {
      // Built from reserveOrdinals: every pod on r0 except updatedSlots.
      const updated = new Set(Array.isArray(given.updatedSlots) ? (given.updatedSlots as number[]) : []);
      const start = optInt(given, 'ordinalsStart') ?? 0;
      slots = ordinalSlots(replicas, parseReserveOrdinals(given.reserveOrdinals), start)
        .map((s, i) => (s.reserved ? null : { name: `slot-${i}`, labels: {}, revision: updated.has(i) ? updateRevision : 'r0' }));
    }
    const podLabels = record(given.podLabels, 'given.podLabels');
    for (const [k, l] of Object.entries(podLabels)) { const p = slots[Number(k)]; if (p) p.labels = { ...p.labels, ...labelsOf(l) }; }
    const unordered = given.unorderedUpdate;
    const ru = {
      partition: optInt(given, 'partition'),
      unorderedUpdate: unordered === undefined || unordered === null || unordered === false ? undefined
        : { priorityStrategy: (typeof unordered === 'object' ? (unordered as { priorityStrategy?: PriorityStrategy }).priorityStrategy : undefined) },
    };
    const visitOrder = sortSlotsToUpdate(ru, updateRevision, replicas, slots, { preparingUpdateAsUpdate: given.preparingUpdateAsUpdate !== false });
    return { visitOrder, order: visitOrder };
  },
};

function slotOf(s: unknown, i: number): SimPod | null {
  if (s === null || s === undefined || s === '-' || s === '~') return null;
  if (typeof s === 'string') {
    // "r0" or "r0/PreparingUpdate" (revision plus lifecycle state); "terminating" may follow too.
    const [rev, ...flags] = s.split(/[/,+ ]+/).filter(Boolean);
    const p: SimPod = { name: `slot-${i}`, labels: {}, revision: rev };
    for (const f of flags) { if (/^terminating$/i.test(f)) p.terminating = true; else p.lifecycleState = f; }
    return p;
  }
  if (typeof s === 'object' && !Array.isArray(s)) {
    const o = s as Record<string, unknown>;
    const known = ['revision', 'labels', 'lifecycleState', 'terminating'];
    for (const k of Object.keys(o)) if (!known.includes(k)) throw new FactError(`unknown slot key "${k}" (known: ${known.join(', ')})`);
    return { name: `slot-${i}`, labels: labelsOf(o.labels), revision: typeof o.revision === 'string' ? o.revision : undefined,
      lifecycleState: typeof o.lifecycleState === 'string' ? o.lifecycleState : undefined, terminating: o.terminating === true };
  }
  throw new FactError(`slot #${i} must be a revision name, null or a map`);
}
