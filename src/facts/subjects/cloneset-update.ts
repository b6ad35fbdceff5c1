// Subject: CloneSet - pods that start updating in one round, and candidate order
// (Kruise cloneset sync TestCalculateUpdateCount, TestSortUpdateIndexes,
// TestCalculateDiffsWithExpectation). Counts build pods the way those tests do: "ready" =
// Running+Ready, "unavailable" = an empty pod; revision labels "current" / "updated".
import type { SimPod } from '../../plan/pod.js';
import type { PriorityStrategy } from '../../plan/priority.js';
import type { ScatterTerm } from '../../plan/scatter.js';
import { calculateDiffs, limitUpdateIndexes, sortUpdateIndexes, type CloneSetRollingUpdate } from '../../plan/kinds/cloneset-update.js';
import { checkKeys, FactError, int, intOrString, labelsOf, type Given, type Subject } from '../fact.js';

const CURRENT = 'current', UPDATED = 'updated';
const KEYS = ['replicas', 'totalReplicas', 'oldRevisionIndexes', 'partition', 'maxUnavailable', 'maxSurge', 'paused', 'noRollingUpdate', 'partitionRollback',
  'oldReadyPods', 'oldUnavailablePods', 'newReadyPods', 'newUnavailablePods', 'pods', 'candidates',
  'priorityStrategy', 'scatterStrategy', 'scaleMaxUnavailable'];

export const clonesetUpdateSubject: Subject = {
  id: 'cloneset-update',
  keywords: /clone\s*set/i,
  evaluate(input) {
    let given = input;
    checkKeys(given, KEYS, 'cloneset-update');
    const ru: CloneSetRollingUpdate | undefined = given.noRollingUpdate === true ? undefined : {
      partition: intOrString(given, 'partition'), maxUnavailable: intOrString(given, 'maxUnavailable'),
      maxSurge: intOrString(given, 'maxSurge'), paused: given.paused === true, podUpdatePolicy: 'ReCreate',
      priorityStrategy: given.priorityStrategy as PriorityStrategy | undefined,
      scatterStrategy: given.scatterStrategy as ScatterTerm[] | undefined,
    };
    // Order-only facts: a pod list and candidate indexes, no replica count.
    if (given.replicas === undefined && given.totalReplicas !== undefined) given = { ...given, replicas: given.totalReplicas };
    if (given.replicas === undefined && Array.isArray(given.candidates)) {
      const pods = podList(given.pods);
      return { order: sortUpdateIndexes(ru, pods, given.candidates as number[]) };
    }
    const replicas = int(given, 'replicas');
    let pods: SimPod[];
    let explicit = false;
    if (given.pods !== undefined) { pods = podList(given.pods); explicit = true; } else pods = fromCounts(given);
    if (Array.isArray(given.oldRevisionIndexes)) {
      // Upstream's own spelling: the listed indexes are on the current revision, the rest updated.
      const olds = new Set(given.oldRevisionIndexes as number[]);
      pods.forEach((p, i) => { p.revision = olds.has(i) ? CURRENT : UPDATED; });
    }
    // Kruise's TestCalculateUpdateCount runs with the CloneSetPartitionRollback gate on.
    const partitionRollback = given.partitionRollback === undefined ? true : given.partitionRollback === true;
    const diffs = calculateDiffs({ replicas, rollingUpdate: ru, partitionRollback, scaleMaxUnavailable: intOrString(given, 'scaleMaxUnavailable') }, pods, CURRENT, UPDATED);
    const target = diffs.updateNum > 0 ? UPDATED : CURRENT;
    let waiting = diffs.updateNum === 0 ? [] : pods.flatMap((p, i) => ((diffs.updateNum > 0 ? p.revision !== UPDATED : p.revision === UPDATED) ? [i] : []));
    if (Array.isArray(given.candidates)) waiting = given.candidates as number[];
    // An explicit pod list is walked as given (as the upstream test does); pods built from
    // counts are put in the controller's own candidate order.
    else if (!explicit) waiting = sortUpdateIndexes(ru, pods, waiting);
    const update = limitUpdateIndexes(diffs, waiting, pods, target);
    return {
      updatedThisRound: update.length, updateNow: update.length, order: update,
      updateNum: diffs.updateNum, updateMaxUnavailable: diffs.updateMaxUnavailable,
      scaleUpNum: diffs.scaleUpNum, scaleDownNum: diffs.scaleDownNum, useSurge: diffs.useSurge,
      useSurgeOldRevision: diffs.useSurgeOldRevision, scaleUpNumOldRevision: diffs.scaleUpNumOldRevision,
      scaleDownNumOldRevision: diffs.scaleDownNumOldRevision, deleteReadyLimit: diffs.deleteReadyLimit,
      scaleUpLimit: diffs.scaleUpLimit, partitionCount: diffs.partition, maxSurgeCount: diffs.maxSurge, maxUnavailableCount: diffs.maxUnavailable,
    };
  },
};

function fromCounts(g: Given): SimPod[] {
  const pods: SimPod[] = [];
  const add = (n: number, revision: string, ready: boolean) => {
    for (let i = 0; i < n; i++) pods.push(ready ? { name: `pod-${pods.length}`, labels: {}, revision, phase: 'Running', readyCondition: true } : { name: `pod-${pods.length}`, labels: {}, revision });
  };
  add(int(g, 'oldReadyPods', 0), CURRENT, true);
  add(int(g, 'oldUnavailablePods', 0), CURRENT, false);
  add(int(g, 'newReadyPods', 0), UPDATED, true);
  add(int(g, 'newUnavailablePods', 0), UPDATED, false);
  return pods;
}

/** Pods as a list of maps ({index?, phase, readyCondition, ready, revision: old|new, labels,
 *  nodeName, restarts, lifecycleState}) or short strings ("old-ready", "new-unavailable"). */
function podList(v: unknown): SimPod[] {
  if (!Array.isArray(v)) throw new FactError('given.pods must be a list');
  const out: SimPod[] = [];
  v.forEach((e, k) => {
    if (typeof e === 'string') {
      const m = /^(?:(old|new|current|updated)[-_ ]?)?(ready|unavailable|notready|not-ready|empty|\{\})?$/i.exec(e.trim());
      if (!m || (!m[1] && !m[2])) throw new FactError(`pod ${JSON.stringify(e)}: expected ready, unavailable, old-ready, old-unavailable, new-ready or new-unavailable`);
      const rev = !m[1] || /old|current/i.test(m[1]) ? CURRENT : UPDATED;
      const ready = (m[2] ?? 'ready').toLowerCase() === 'ready';
      out[k] = ready ? { name: `pod-${k}`, labels: {}, revision: rev, phase: 'Running', readyCondition: true } : { name: `pod-${k}`, labels: {}, revision: rev };
      return;
    }
    if (!e || typeof e !== 'object') throw new FactError(`pod #${k} must be a map`);
    const p = e as Record<string, unknown>;
    const known = ['index', 'phase', 'readyCondition', 'ready', 'available', 'revision', 'labels', 'nodeName', 'restarts', 'lifecycleState', 'created'];
    for (const key of Object.keys(p)) if (!known.includes(key)) throw new FactError(`unknown pod key "${key}" (known: ${known.join(', ')})`);
    const idx = typeof p.index === 'number' ? p.index : k;
    const ready = p.ready ?? p.available;
    const rev = typeof p.revision === 'string' ? (/^(old|current)$/i.test(p.revision) ? CURRENT : /^(new|updated|update)$/i.test(p.revision) ? UPDATED : p.revision) : CURRENT;
    out[idx] = {
      name: `pod-${idx}`, labels: labelsOf(p.labels), revision: rev,
      phase: typeof p.phase === 'string' ? p.phase : ready === true ? 'Running' : undefined,
      readyCondition: p.readyCondition === true || ready === true,
      nodeName: typeof p.nodeName === 'string' ? p.nodeName : undefined,
      restarts: typeof p.restarts === 'number' ? p.restarts : undefined,
      created: typeof p.created === 'number' ? p.created : undefined,
      lifecycleState: typeof p.lifecycleState === 'string' ? p.lifecycleState : undefined,
    };
  });
  return out;
}
