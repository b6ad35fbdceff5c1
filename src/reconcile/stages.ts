// The plan as the reconciler walks it: per stage, the objects to apply (in waves that keep
// install order) and the workloads to wait for, each with what its predicate needs.
import { createHash } from 'node:crypto';
import type { KubeObject } from '../api/resource.js';
import { kindRank } from '../k8s/order.js';
import type { Expectation, Gate, Stage } from '../plan/index.js';

/** What `status` needs to judge one workload without the plan: kept in the state object. */
export interface WaitFor {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  /** The stage manifest's spec.updateStrategy (the partition the predicate counts against). */
  updateStrategy?: unknown;
  tolerance: number;
  /** plan's preview mode: in-place, recreate, sidecar-in-place, ... */
  mode?: string;
}

export interface StageObject {
  key: string;
  obj: KubeObject;
  /** Applied in order: 0 Namespaces and CRDs, 1 other config, 2 SidecarSets and other Kruise
   *  policies, 3 workloads. A later wave starts once the earlier one is applied. */
  wave: number;
  /** Content hash: an object whose manifest did not change since it was applied is not sent again. */
  digest: string;
}

export interface ReconcileStage {
  index: number;
  gate: Gate;
  objects: StageObject[];
  waitFor: WaitFor[];
}

export function objectKey(o: { apiVersion: string; kind: string; namespace?: string; name: string }): string {
  const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
  return `${group}/${o.kind}/${o.namespace ?? ''}/${o.name}`;
}

export function keyOfObject(obj: KubeObject): string {
  return objectKey({ apiVersion: obj.apiVersion, kind: obj.kind, namespace: obj.metadata?.namespace, name: obj.metadata?.name ?? '' });
}

/** `CloneSet shop/storefront`, as plan's previews name workloads. */
export function workloadName(w: { kind: string; namespace?: string; name: string }): string {
  return `${w.kind} ${w.namespace ? `${w.namespace}/` : ''}${w.name}`;
}

const SIDECARSET_RANK = kindRank('SidecarSet');
const LAST_POLICY_RANK = kindRank('ResourceDistribution');

function waveOf(kind: string): number {
  if (kind === 'Namespace' || kind === 'CustomResourceDefinition') return 0;
  const r = kindRank(kind);
  if (r < SIDECARSET_RANK) return 1;
  if (r <= LAST_POLICY_RANK) return 2;
  return 3;
}

function digest(obj: unknown): string {
  return createHash('sha256').update(JSON.stringify(obj)).digest('hex');
}

/** What a workload's revision is made of (its pod template; a SidecarSet's sidecars), hashed:
 *  two plans with the same digest for a workload release the same revision of it. */
export function revisionDigest(obj: KubeObject): string {
  const spec = (obj as { spec?: Record<string, unknown> }).spec ?? {};
  const data = obj.kind === 'SidecarSet' ? { containers: spec.containers, initContainers: spec.initContainers }
    : obj.kind === 'UnitedDeployment' ? { template: spec.template, topology: spec.topology }
      : { template: spec.template };
  return digest(canonicalJson(data));
}

/** JSON with object keys sorted, so that key order in a manifest does not change a digest. */
function canonicalJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonicalJson);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonicalJson((v as Record<string, unknown>)[k])]));
}

/** Revision digests of the workloads a plan waits for, from its last stage (the head). */
export function revisionDigests(stages: readonly ReconcileStage[]): Record<string, string> {
  const waited = new Set(stages.flatMap((s) => s.waitFor.map(objectKey)));
  const last = stages[stages.length - 1];
  const out: Record<string, string> = {};
  for (const so of last?.objects ?? []) if (waited.has(so.key)) out[so.key] = revisionDigest(so.obj);
  return out;
}

/** Namespaced objects without a namespace go where kubectl would put them. */
export function withNamespace(obj: KubeObject, namespaced: boolean, defaultNamespace: string): KubeObject {
  if (!namespaced || obj.metadata?.namespace) return obj;
  return { ...obj, metadata: { ...obj.metadata, namespace: defaultNamespace } };
}

export function toReconcileStages(stages: readonly Stage[], place: (obj: KubeObject) => KubeObject = (o) => o): ReconcileStage[] {
  return stages.map((s) => {
    const objects = s.resources.map((r) => {
      const obj = place(r.obj);
      return { key: keyOfObject(obj), obj, wave: waveOf(obj.kind), digest: digest(obj) };
    });
    const byKey = new Map(objects.map((o) => [o.key, o.obj]));
    const modes = new Map(s.preview.map((p) => [p.workload, p.mode]));
    const waitFor = s.expect.map((e) => waitForOf(e, byKey, modes));
    return { index: s.index, gate: s.gate, objects, waitFor };
  });
}

function waitForOf(e: Expectation, byKey: Map<string, KubeObject>, modes: Map<string, string>): WaitFor {
  const obj = byKey.get(objectKey(e)) ?? [...byKey.values()].find((o) => o.kind === e.kind && o.metadata?.name === e.name);
  const w: WaitFor = { apiVersion: e.apiVersion, kind: e.kind, name: e.name, tolerance: Math.max(0, e.tolerance) };
  const ns = e.namespace ?? obj?.metadata?.namespace;
  if (ns) w.namespace = ns;
  const us = (obj as { spec?: { updateStrategy?: unknown } } | undefined)?.spec?.updateStrategy;
  if (us !== undefined) w.updateStrategy = us;
  const mode = modes.get(workloadName(e));
  if (mode) w.mode = mode;
  return w;
}

/** The stage manifest a predicate counts against, rebuilt from a WaitFor. */
export function desiredOf(w: WaitFor): KubeObject {
  const meta: KubeObject['metadata'] = { name: w.name };
  if (w.namespace) meta.namespace = w.namespace;
  return { apiVersion: w.apiVersion, kind: w.kind, metadata: meta, spec: w.updateStrategy === undefined ? {} : { updateStrategy: w.updateStrategy } };
}
