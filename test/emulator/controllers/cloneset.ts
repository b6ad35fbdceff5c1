// The CloneSet controller (Kruise pkg/controller/cloneset, spec rollout-semantics.md §3): one
// reconcile scales first (surge pods, replacements, pods to delete) and updates only when
// scaling had nothing to do, then writes status. The numbers come from cloneset-update.ts.
import { calculatePartitionReplicas } from '../../../src/k8s/intstr.js';
import { convert } from '../convert.js';
import type { Kind } from '../kinds.js';
import type { Obj } from '../store.js';
import { calculateDiffs, sortUpdateIndexes, limitUpdateIndexes, type CloneSetRollingUpdate, type UpdateDiffs } from './cloneset-update.js';
import { sortByActivePods } from './pod-order.js';
import {
  createPod, deletePod, isAvailable, isPodReady, markInPlaceReady, ownedPods, recordEvent, REVISION_LABEL, revisionName, simPod,
  SPECIFIED_DELETE, updateInPlace, writeStatus,
} from './pods.js';
import { ensureRevision, revisionTemplate, selectorString } from './revisions.js';
import { MANAGERS, type Context, type Controller } from './runtime.js';

export function cloneSetController(): Controller {
  return (ctx) => {
    const kind = ctx.kind('apps.kruise.io', 'clonesets');
    for (const cs of ctx.api.all(kind)) if (!cs.metadata.deletionTimestamp) syncCloneSet(ctx, kind, cs);
  };
}

function syncCloneSet(ctx: Context, kind: Kind, stored: Obj): void {
  // The controller reads the storage version's layout (knobs under rollingUpdate).
  const spec = convert(stored, 'apps.kruise.io/v1beta1').spec ?? {};
  const name = stored.metadata.name, ns = stored.metadata.namespace;
  const replicas: number = spec.replicas ?? 1;
  const template: Obj = spec.template ?? {};
  const updateRevision = revisionName(name, template);
  ensureRevision(ctx, stored, updateRevision, template);
  const currentRevision: string = stored.status?.currentRevision ?? updateRevision;
  const strategy = spec.updateStrategy ?? {};
  const ru: CloneSetRollingUpdate | undefined = strategy.rollingUpdate;
  const toDelete = new Set<string>(spec.scaleStrategy?.podsToDelete ?? []);

  markInPlaceReady(ctx, ownedPods(ctx, stored));
  let pods = ownedPods(ctx, stored);
  const specified = (p: Obj) => p.metadata.labels?.[SPECIFIED_DELETE] === 'true' || toDelete.has(p.metadata.name);
  const sims = pods.map(simPod);
  const round = { replicas, rollingUpdate: ru, scaleMaxUnavailable: spec.scaleStrategy?.maxUnavailable, specifiedDelete: (p: { name: string }) => specified(pods.find((x) => x.metadata.name === p.name)!) };
  const diffs = calculateDiffs(round, sims, currentRevision, updateRevision);

  const scaled = scale(ctx, stored, pods, diffs, template, currentRevision, updateRevision, specified);
  if (!scaled && strategy.type !== 'OnDelete' && !ru?.paused && diffs.updateNum > 0) {
    const waiting: number[] = [];
    sims.forEach((p, i) => { if (p.revision !== updateRevision && p.lifecycleState !== 'PreparingDelete') waiting.push(i); });
    const chosen = limitUpdateIndexes(diffs, sortUpdateIndexes(ru, sims, waiting), sims, updateRevision);
    const policy = ru?.podUpdatePolicy ?? 'ReCreate';
    for (const i of chosen) {
      const pod = pods[i];
      if (policy !== 'ReCreate') {
        const oldTpl = revisionTemplate(ctx, ns, pod.metadata.labels?.[REVISION_LABEL]);
        if (updateInPlace(ctx, pod, oldTpl, template, updateRevision)) continue;
        if (policy === 'InPlaceOnly') {
          recordEvent(ctx, stored, 'Warning', 'FailedUpdatePodInPlace', `pod ${pod.metadata.name} cannot be updated in place: only container images and template metadata may change under InPlaceOnly`);
          continue;
        }
      }
      deletePod(ctx, pod);
    }
  }

  pods = ownedPods(ctx, stored);
  const updated = pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] === updateRevision);
  const partition = calculatePartitionReplicas(ru?.partition, replicas);
  const status: Obj = {
    observedGeneration: stored.metadata.generation,
    replicas: pods.length,
    readyReplicas: pods.filter(isPodReady).length,
    availableReplicas: pods.filter(isAvailable).length,
    updatedReplicas: updated.length,
    updatedReadyReplicas: updated.filter(isPodReady).length,
    updatedAvailableReplicas: updated.filter(isAvailable).length,
    expectedUpdatedReplicas: replicas - (partition.ok ? partition.value : 0),
    updateRevision,
    currentRevision: updated.length === pods.length && pods.length === replicas ? updateRevision : currentRevision,
    labelSelector: selectorString(spec.selector),
  };
  const progressing = progressCondition(ctx, spec, stored.status ?? {}, status, replicas, ru?.paused === true);
  if (progressing) status.conditions = [progressing];
  writeStatus(ctx, kind, stored, status, MANAGERS.kruise, ['availableReplicas', 'readyReplicas', 'replicas', 'updatedReadyReplicas', 'updatedReplicas']);
}

/** The Progressing condition, kept only when spec.progressDeadlineSeconds is set (Kruise's
 *  syncProgressingStatus): a new revision or any movement of the updated counts restarts the
 *  clock; reaching the partition or full availability settles it; no movement for the deadline
 *  turns it False with ProgressDeadlineExceeded, which stays until the next revision. */
function progressCondition(ctx: Context, spec: Obj, old: Obj, next: Obj, replicas: number, paused: boolean): Obj | undefined {
  const deadline = spec.progressDeadlineSeconds;
  if (typeof deadline !== 'number') return undefined;
  const cur: Obj | undefined = (old.conditions ?? []).find((c: Obj) => c.type === 'Progressing');
  const set = (status: 'True' | 'False', reason: string, message: string): Obj => {
    const now = ctx.stamp();
    const same = cur && cur.status === status && cur.reason === reason;
    return { type: 'Progressing', status, lastUpdateTime: same && cur.message === message ? cur.lastUpdateTime : now, lastTransitionTime: cur?.status === status ? cur.lastTransitionTime ?? now : now, reason, message };
  };
  if (next.updateRevision !== old.updateRevision) return set('True', 'CloneSetUpdated', `CloneSet is progressing due to revision changed from ${old.updateRevision ?? ''} to ${next.updateRevision}`);
  if (cur?.reason === 'ProgressDeadlineExceeded') return cur;
  const settled = next.currentRevision === next.updateRevision;
  if (settled && cur?.reason === 'CloneSetAvailable') return cur;
  if (settled && next.replicas === replicas && next.updatedReplicas === replicas && next.updatedAvailableReplicas === replicas) return set('True', 'CloneSetAvailable', 'CloneSet is available');
  if (next.expectedUpdatedReplicas < replicas && next.expectedUpdatedReplicas <= next.updatedAvailableReplicas) return set('True', 'ProgressPartitionAvailable', 'CloneSet has paused due to partition ready');
  if (paused) return set('True', 'CloneSetPaused', 'CloneSet is paused');
  const moved = ['updatedReplicas', 'updatedReadyReplicas', 'updatedAvailableReplicas', 'expectedUpdatedReplicas'].some((k) => (next[k] ?? 0) !== (old[k] ?? 0));
  if (moved || !cur || cur.reason === 'CloneSetPaused') {
    const c = set('True', 'CloneSetUpdated', 'CloneSet is progressing');
    if (moved) c.lastUpdateTime = ctx.stamp();
    ctx.wakeIn(deadline * 1000 + 1000);
    return c;
  }
  const since = Date.parse(cur.lastUpdateTime ?? cur.lastTransitionTime ?? '');
  const left = since + deadline * 1000 - ctx.now();
  if (left < 0) return set('False', 'ProgressDeadlineExceeded', `CloneSet revision ${next.updateRevision} has timed out progressing`);
  ctx.wakeIn(left + 1000);
  return cur;
}

/** Kruise's scale step: pods to delete first (within the budget for ready pods), then new pods
 *  (old revision first while the partition is short of them), then surplus pods (old revision
 *  first). Returns whether it changed anything; the update waits for the next round if so. */
function scale(ctx: Context, cs: Obj, pods: Obj[], d: UpdateDiffs, template: Obj, currentRevision: string, updateRevision: string, specified: (p: Obj) => boolean): boolean {
  let readyBudget = d.deleteReadyLimit;
  const remove = (p: Obj) => {
    if (isPodReady(p)) { if (readyBudget <= 0) return false; readyBudget--; }
    deletePod(ctx, p);
    return true;
  };
  let changed = false;
  for (const p of pods.filter(specified)) changed = remove(p) || changed;
  if (changed) return true;

  if (d.scaleUpNum > 0 && d.scaleUpLimit > 0) {
    const n = Math.min(d.scaleUpNum, d.scaleUpLimit);
    const old = Math.min(d.scaleUpNumOldRevision, n);
    const oldTpl = revisionTemplate(ctx, cs.metadata.namespace, currentRevision) ?? template;
    for (let i = 0; i < n; i++) {
      const rev = i < old ? currentRevision : updateRevision;
      const id = uniqueSuffix(ctx, cs);
      createPod(ctx, cs, rev === updateRevision ? template : oldTpl, `${cs.metadata.name}-${id}`,
        { [REVISION_LABEL]: rev, 'apps.kruise.io/cloneset-instance-id': id }, { inPlaceGate: true });
    }
    return true;
  }

  if (d.scaleDownNum > 0) {
    const sims = pods.map(simPod);
    const order = (idx: number[]) => sortByActivePods(sims, idx).map((i) => pods[i]);
    const olds = order(pods.flatMap((p, i) => (p.metadata.labels?.[REVISION_LABEL] !== updateRevision ? [i] : [])));
    const news = order(pods.flatMap((p, i) => (p.metadata.labels?.[REVISION_LABEL] === updateRevision ? [i] : [])));
    const fromOld = Math.min(d.scaleDownNumOldRevision, d.scaleDownNum);
    const victims = [...olds.slice(0, fromOld), ...news.slice(0, d.scaleDownNum - fromOld)];
    for (const p of victims.slice(0, d.scaleDownNum)) changed = remove(p) || changed;
    return changed;
  }
  return false;
}

function uniqueSuffix(ctx: Context, cs: Obj): string {
  const kind = ctx.kind('', 'pods');
  for (;;) {
    const s = ctx.random.suffix(5);
    if (!ctx.api.peek(kind, cs.metadata.namespace, `${cs.metadata.name}-${s}`)) return s;
  }
}
