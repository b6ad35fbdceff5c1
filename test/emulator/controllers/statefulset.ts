// StatefulSets, native (apps/v1) and Advanced (apps.kruise.io), spec rollout-semantics.md §4:
// pods <name>-<ordinal> in ordinal slots (Advanced skips reserveOrdinals), created in order and
// one at a time under OrderedReady; updates walk the slots Kruise's sortPodsToUpdate lists
// (highest ordinal first, never below the partition; unorderedUpdate by priority), stopping
// once maxUnavailable pods are unavailable (native: one at a time). Advanced StatefulSets update
// in place when podUpdatePolicy and the change allow it; everything else is recreated.
import { scaledValueK8s } from '../../../src/k8s/intstr.js';
import type { SimPod } from '../../../src/plan/pod.js';
import { ordinalSlots, parseReserveOrdinals, sortSlotsToUpdate, type StatefulSetRollingUpdate } from '../../../src/plan/kinds/statefulset-update.js';
import type { Kind } from '../kinds.js';
import type { Obj } from '../store.js';
import {
  createPod, deletePod, isAvailable, isPodReady, isRunningAndReady, markInPlaceReady, ownedPods, ownerRef, REVISION_LABEL, revisionName, simPod,
  updateInPlace, writeStatus,
} from './pods.js';
import { ensureRevision, revisionTemplate, selectorString } from './revisions.js';
import { MANAGERS, type Context, type Controller } from './runtime.js';

export function statefulSetController(advanced: boolean): Controller {
  /** Pods deleted to be recreated at the update revision whatever their slot (unordered updates). */
  const recreateAsUpdate = new Set<string>();
  return (ctx) => {
    const kind = advanced ? ctx.kind('apps.kruise.io', 'statefulsets') : ctx.kind('apps', 'statefulsets');
    for (const sts of ctx.api.all(kind)) if (!sts.metadata.deletionTimestamp) sync(ctx, kind, sts, advanced, recreateAsUpdate);
  };
}

function sync(ctx: Context, kind: Kind, sts: Obj, advanced: boolean, recreateAsUpdate: Set<string>): void {
  const spec = sts.spec ?? {};
  const name = sts.metadata.name, ns = sts.metadata.namespace;
  const manager = advanced ? MANAGERS.kruise : MANAGERS.kube;
  const replicas: number = spec.replicas ?? 1;
  const template: Obj = spec.template ?? {};
  const updateRevision = revisionName(name, template);
  ensureRevision(ctx, sts, updateRevision, template, manager);
  const currentRevision: string = sts.status?.currentRevision ?? updateRevision;
  const strategy = spec.updateStrategy ?? {};
  const ru: StatefulSetRollingUpdate = strategy.rollingUpdate ?? {};
  const partition = Math.max(0, ru.partition ?? 0);
  const parallel = spec.podManagementPolicy === 'Parallel';
  const slots = ordinalSlots(replicas, advanced ? parseReserveOrdinals(spec.reserveOrdinals) : new Set(), spec.ordinals?.start ?? 0);

  if (advanced) markInPlaceReady(ctx, ownedPods(ctx, sts));
  let pods = ownedPods(ctx, sts);
  const byName = new Map(pods.map((p) => [p.metadata.name, p]));
  const podName = (ordinal: number) => `${name}-${ordinal}`;
  const wanted = new Set(slots.filter((s) => !s.reserved).map((s) => podName(s.ordinal)));
  let changed = false;

  // Scale down: pods outside the slots go, highest ordinal first (one at a time unless Parallel).
  const condemned = pods.filter((p) => !wanted.has(p.metadata.name)).sort((a, b) => ordinalOf(b) - ordinalOf(a));
  for (const p of condemned) {
    if (!parallel && pods.some((q) => q !== p && wanted.has(q.metadata.name) && !isRunningAndReady(q))) break;
    deletePod(ctx, p);
    changed = true;
    if (!parallel) break;
  }

  // Scale up / replace: missing pods in slot order; OrderedReady waits for every earlier pod.
  for (let i = 0; i < slots.length && !(changed && !parallel); i++) {
    const s = slots[i];
    if (s.reserved) continue;
    const existing = byName.get(podName(s.ordinal));
    if (existing) {
      if (!parallel && !isRunningAndReady(existing)) break;
      continue;
    }
    const key = `${ns}/${podName(s.ordinal)}`;
    const current = i < partition && currentRevision !== updateRevision && !recreateAsUpdate.has(key);
    recreateAsUpdate.delete(key);
    const rev = current ? currentRevision : updateRevision;
    const tpl = current ? revisionTemplate(ctx, ns, currentRevision) ?? template : template;
    createClaims(ctx, sts, podName(s.ordinal));
    createPod(ctx, sts, tpl, podName(s.ordinal), {
      [REVISION_LABEL]: rev, 'statefulset.kubernetes.io/pod-name': podName(s.ordinal), 'apps.kubernetes.io/pod-index': String(s.ordinal),
    }, { manager });
    changed = true;
  }

  if (!changed && strategy.type !== 'OnDelete' && !ru.paused) {
    const slotPods: (SimPod | null)[] = slots.map((s) => (s.reserved ? null : byName.get(podName(s.ordinal)) ?? null)).map((p) => (p ? simPod(p) : null));
    const order = sortSlotsToUpdate(advanced ? ru : { partition }, updateRevision, replicas, slotPods);
    let maxUnavailable = 1;
    if (advanced && ru.maxUnavailable !== undefined) {
      const m = scaledValueK8s(ru.maxUnavailable, replicas, false);
      maxUnavailable = Math.max(1, m.ok ? m.value : 1);
    }
    let unavailable = pods.filter((p) => !isAvailable(p)).length;
    const policy = advanced ? ru.podUpdatePolicy ?? 'ReCreate' : 'ReCreate';
    for (const t of order) {
      const pod = byName.get(podName(slots[t].ordinal))!;
      if (pod.metadata.labels?.[REVISION_LABEL] === updateRevision) continue;
      if (unavailable >= maxUnavailable) break;
      unavailable++;
      if (policy !== 'ReCreate' && updateInPlace(ctx, pod, revisionTemplate(ctx, ns, pod.metadata.labels?.[REVISION_LABEL]), template, updateRevision)) continue;
      if (policy === 'InPlaceOnly') continue;
      if (t < partition) recreateAsUpdate.add(`${ns}/${pod.metadata.name}`);
      deletePod(ctx, pod);
    }
  }

  pods = ownedPods(ctx, sts);
  const updated = pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] === updateRevision);
  const ready = pods.filter(isPodReady).length;
  const status: Obj = {
    observedGeneration: sts.metadata.generation,
    replicas: pods.length,
    readyReplicas: ready,
    availableReplicas: pods.filter(isAvailable).length,
    currentReplicas: pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] === currentRevision).length,
    updatedReplicas: updated.length,
    ...(advanced ? { updatedReadyReplicas: updated.filter(isPodReady).length, updatedAvailableReplicas: updated.filter(isAvailable).length } : {}),
    currentRevision: updated.length === replicas && ready === replicas && pods.length === replicas ? updateRevision : currentRevision,
    updateRevision,
    ...(advanced ? { labelSelector: selectorString(spec.selector) } : {}),
  };
  writeStatus(ctx, kind, sts, status, manager, advanced ? ['availableReplicas', 'currentReplicas', 'readyReplicas', 'replicas', 'updatedReplicas'] : ['replicas', 'availableReplicas']);
}

function ordinalOf(p: Obj): number {
  return Number(p.metadata.labels?.['apps.kubernetes.io/pod-index'] ?? /-(\d+)$/.exec(p.metadata.name)?.[1] ?? 0);
}

/** The PersistentVolumeClaims of volumeClaimTemplates, <claim>-<pod>, bound at once; they
 *  outlive the pod, as a StatefulSet's claims do. */
function createClaims(ctx: Context, sts: Obj, pod: string): void {
  const kind = ctx.kind('', 'persistentvolumeclaims');
  for (const t of (sts.spec?.volumeClaimTemplates ?? []) as Obj[]) {
    const name = `${t.metadata?.name}-${pod}`;
    if (ctx.api.peek(kind, sts.metadata.namespace, name)) continue;
    const pvc = ctx.api.create({ kind, version: 'v1', namespace: sts.metadata.namespace }, {
      apiVersion: 'v1', kind: 'PersistentVolumeClaim',
      metadata: { name, namespace: sts.metadata.namespace, labels: { ...(sts.spec?.selector?.matchLabels ?? {}) }, },
      spec: structuredClone(t.spec ?? {}),
    }, { fieldManager: MANAGERS.kube });
    writeStatus(ctx, kind, pvc, { phase: 'Bound', accessModes: t.spec?.accessModes ?? [], capacity: t.spec?.resources?.requests ?? {} }, MANAGERS.kube);
  }
}
