// Pods as the workload controllers handle them: owned pods, revisions of a pod template, new
// pods from a template, in-place updates, and the SimPod view the update-order logic reads.
import { createHash } from 'node:crypto';
import { inPlaceVerdict } from '../../../src/plan/inplace.js';
import type { SimPod } from '../../../src/plan/pod.js';
import { deepEqual } from '../fieldset.js';
import type { Kind } from '../kinds.js';
import type { Obj } from '../store.js';
import { MANAGERS, type Context } from './runtime.js';

export const REVISION_LABEL = 'controller-revision-hash';
export const INPLACE_READY = 'InPlaceUpdateReady';
export const INPLACE_STATE = 'apps.kruise.io/inplace-update-state';
export const SPECIFIED_DELETE = 'apps.kruise.io/specified-delete';
export const LIFECYCLE_STATE = 'lifecycle.apps.kruise.io/state';

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** `<name>-<hash>`: the ControllerRevision name of a pod template. Kruise hashes the revision
 *  object's patch with FNV; the emulator hashes the template, so names look alike but differ
 *  from a real cluster's. What matters holds: same template, same name. */
export function revisionName(owner: string, template: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(sortKeys(template))).digest();
  const n = String(digest.readUInt32BE(0));
  let h = '';
  for (const ch of n) h += ALPHANUMS[ch.charCodeAt(0) % ALPHANUMS.length];
  return `${owner}-${h}`;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Obj)[k])]));
  return v;
}

export function ownerRef(owner: Obj): Obj {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true };
}

export function isControlledBy(o: Obj, owner: Obj): boolean {
  return (o.metadata?.ownerReferences ?? []).some((r: Obj) => r.controller === true && r.uid === owner.metadata.uid);
}

/** The pods an object controls (not those already being deleted), by name. */
export function ownedPods(ctx: Context, owner: Obj): Obj[] {
  return ctx.api.all(ctx.kind('', 'pods'), owner.metadata.namespace).filter((p) => isControlledBy(p, owner) && !p.metadata.deletionTimestamp);
}

export function condition(pod: Obj, type: string): Obj | undefined {
  return (pod.status?.conditions ?? []).find((c: Obj) => c.type === type);
}

export function isPodReady(pod: Obj): boolean {
  return condition(pod, 'Ready')?.status === 'True';
}

export function isRunningAndReady(pod: Obj): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

/** Available for a workload: Running and Ready (minReadySeconds 0), lifecycle state normal,
 *  and not in the middle of an in-place update. */
export function isAvailable(pod: Obj): boolean {
  const lc = pod.metadata.labels?.[LIFECYCLE_STATE];
  return isRunningAndReady(pod) && (!lc || lc === 'Normal') && condition(pod, INPLACE_READY)?.status !== 'False';
}

/** The small model Kruise's update-order logic reads. */
export function simPod(pod: Obj): SimPod {
  const ready = condition(pod, 'Ready');
  const restarts = Math.max(0, ...((pod.status?.containerStatuses ?? []) as Obj[]).map((c) => c.restartCount ?? 0));
  return {
    name: pod.metadata.name, namespace: pod.metadata.namespace, labels: pod.metadata.labels ?? {},
    nodeName: pod.spec?.nodeName, phase: pod.status?.phase, readyCondition: ready?.status === 'True',
    readySince: ready?.status === 'True' && ready.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : undefined,
    restarts, created: pod.metadata.creationTimestamp ? Date.parse(pod.metadata.creationTimestamp) : undefined,
    revision: pod.metadata.labels?.[REVISION_LABEL], lifecycleState: pod.metadata.labels?.[LIFECYCLE_STATE],
    terminating: pod.metadata.deletionTimestamp !== undefined,
  };
}

/** A pod from a workload's template: the template's labels and annotations plus `labels`,
 *  owned by the workload. The Kruise workloads add the InPlaceUpdateReady readiness gate. */
export function createPod(ctx: Context, owner: Obj, template: Obj, name: string, labels: Record<string, string>, opts: { inPlaceGate?: boolean; manager?: string } = {}): Obj {
  const spec = structuredClone(template?.spec ?? {});
  if (opts.inPlaceGate && !(spec.readinessGates ?? []).some((g: Obj) => g.conditionType === INPLACE_READY)) {
    spec.readinessGates = [...(spec.readinessGates ?? []), { conditionType: INPLACE_READY }];
  }
  const pod: Obj = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, namespace: owner.metadata.namespace,
      labels: { ...(template?.metadata?.labels ?? {}), ...labels },
      ...(template?.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [ownerRef(owner)],
    },
    spec,
  };
  return ctx.api.create({ kind: ctx.kind('', 'pods'), version: 'v1', namespace: owner.metadata.namespace }, pod, { fieldManager: opts.manager ?? MANAGERS.kruise });
}

export function deletePod(ctx: Context, pod: Obj): void {
  ctx.api.delete({ kind: ctx.kind('', 'pods'), version: 'v1', namespace: pod.metadata.namespace, name: pod.metadata.name });
}

/** Updates a pod in place to `newTpl` (images, template labels and annotations, revision
 *  label) when the change from `oldTpl` allows it, and marks the update in progress
 *  (InPlaceUpdateReady False until the containers run the new images). Returns false when
 *  the change needs a new pod. */
export function updateInPlace(ctx: Context, pod: Obj, oldTpl: Obj | undefined, newTpl: Obj, revision: string): boolean {
  const verdict = inPlaceVerdict(oldTpl, newTpl);
  if (!verdict.inPlace) return false;
  const next = structuredClone(pod);
  const images = new Map<string, string>(((newTpl.spec?.containers ?? []) as Obj[]).map((c) => [c.name, c.image]));
  for (const c of next.spec.containers as Obj[]) if (verdict.images.includes(c.name)) c.image = images.get(c.name);
  const oldLabels = oldTpl?.metadata?.labels ?? {}, oldAnn = oldTpl?.metadata?.annotations ?? {};
  next.metadata.labels = { ...dropKeys(next.metadata.labels ?? {}, oldLabels), ...(newTpl.metadata?.labels ?? {}), [REVISION_LABEL]: revision };
  const ann = { ...dropKeys(next.metadata.annotations ?? {}, oldAnn), ...(newTpl.metadata?.annotations ?? {}) };
  ann[INPLACE_STATE] = JSON.stringify({ revision, updateTimestamp: ctx.stamp(), lastContainerStatuses: Object.fromEntries(verdict.images.map((n) => [n, { imageID: containerStatus(pod, n)?.imageID ?? '' }])) });
  next.metadata.annotations = ann;
  const podKind = ctx.kind('', 'pods');
  const updated = ctx.api.update({ kind: podKind, version: 'v1', namespace: pod.metadata.namespace, name: pod.metadata.name }, next, { fieldManager: MANAGERS.kruise });
  setCondition(ctx, updated, INPLACE_READY, 'False', 'StartInPlaceUpdate');
  return true;
}

function dropKeys(m: Record<string, string>, drop: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).filter(([k]) => !(k in drop)));
}

export function containerStatus(pod: Obj, name: string): Obj | undefined {
  return (pod.status?.containerStatuses ?? []).find((c: Obj) => c.name === name);
}

/** Every container runs the image its spec names. */
export function containersConsistent(pod: Obj, names?: string[]): boolean {
  return ((pod.spec?.containers ?? []) as Obj[]).every((c) => (names && !names.includes(c.name)) || containerStatus(pod, c.name)?.image === c.image);
}

/** Finishes in-place updates whose containers have caught up: InPlaceUpdateReady back to True
 *  (Kruise does this on its next reconcile of the pod). New pods get it True at once. */
export function markInPlaceReady(ctx: Context, pods: Obj[]): void {
  for (const p of pods) {
    const c = condition(p, INPLACE_READY);
    if (!c && !(p.spec?.readinessGates ?? []).some((g: Obj) => g.conditionType === INPLACE_READY)) continue;
    if (c?.status === 'True') continue;
    if (c === undefined || containersConsistent(p)) setCondition(ctx, p, INPLACE_READY, 'True', c ? 'InPlaceUpdateFinished' : '');
  }
}

/** Sets one pod condition through the status subresource (no write when it is already so). */
export function setCondition(ctx: Context, pod: Obj, type: string, status: string, reason = '', message = '', manager = MANAGERS.kruise): Obj {
  const conditions: Obj[] = structuredClone(pod.status?.conditions ?? []);
  const i = conditions.findIndex((c) => c.type === type);
  const cur = i >= 0 ? conditions[i] : undefined;
  if (cur && cur.status === status && (cur.reason ?? '') === reason && (cur.message ?? '') === message) return pod;
  const next: Obj = { type, status, lastTransitionTime: cur?.status === status ? cur.lastTransitionTime : ctx.stamp(), ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
  if (i >= 0) conditions[i] = next; else conditions.push(next);
  return ctx.api.update({ kind: ctx.kind('', 'pods'), version: 'v1', namespace: pod.metadata.namespace, name: pod.metadata.name, subresource: 'status' },
    { ...pod, status: { ...(pod.status ?? {}), conditions } }, { fieldManager: manager });
}

/** Writes `status` on an object through its status subresource when it changed. With
 *  `required`, the status is encoded as Go encodes its struct: fields tagged omitempty (every
 *  one not listed) are left out when zero, so an updatedAvailableReplicas of 0 is absent, as
 *  clients of a real cluster see it. */
export function writeStatus(ctx: Context, kind: Kind, obj: Obj, status: Obj, manager: string, required?: readonly string[]): void {
  const next = required ? omitEmpty(status, required) : status;
  if (deepEqual(obj.status, next)) return;
  ctx.api.update(ctx.target(kind, obj, 'status'), { ...obj, status: next }, { fieldManager: manager });
}

function omitEmpty(status: Obj, required: readonly string[]): Obj {
  const zero = (v: unknown) => v === 0 || v === '' || v === false || v === undefined || v === null
    || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
  return Object.fromEntries(Object.entries(status).filter(([k, v]) => required.includes(k) || !zero(v)));
}

/** An Event about an object, created once per reason (repeats only bump its count). */
export function recordEvent(ctx: Context, obj: Obj, type: 'Normal' | 'Warning', reason: string, message: string, source = MANAGERS.kruise): void {
  const ns = obj.metadata.namespace ?? 'default';
  const name = `${obj.metadata.name}.${reason.toLowerCase()}`;
  const kind = ctx.kind('', 'events');
  const existing = ctx.api.peek(kind, ns, name);
  if (existing && existing.message === message) return;
  const ev: Obj = {
    apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: ns },
    involvedObject: { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid },
    reason, message, type, source: { component: source }, count: (existing?.count ?? 0) + 1,
    firstTimestamp: existing?.firstTimestamp ?? ctx.stamp(), lastTimestamp: ctx.stamp(),
  };
  if (existing) ctx.api.update({ kind, version: 'v1', namespace: ns, name }, { ...ev, metadata: existing.metadata }, { fieldManager: source });
  else ctx.api.create({ kind, version: 'v1', namespace: ns }, ev, { fieldManager: source });
}
