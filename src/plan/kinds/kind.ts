// What plan needs to know about one partition-capable kind: how many pods its knob is
// measured against, the knob value a Rollouts-style step maps to, how many pods a value keeps
// old, and how to write a value into a copy of the manifest.
import type { ClusterFacts } from '../../api/cluster.js';
import type { KubeObject, Resource } from '../../api/resource.js';
import type { Step } from '../steps.js';

export interface KindContext {
  head: readonly Resource[];
  cluster: ClusterFacts;
  /** Rollouts of the repo (few), so finding a workload's Rollout does not scan every resource. */
  rollouts: readonly Resource[];
  /** Namespace objects of the repo by name. */
  namespaces: ReadonlyMap<string, Resource>;
  /** resourceKey of every base resource; undefined without a base. */
  baseKeys?: ReadonlySet<string>;
}

export function kindContext(head: readonly Resource[], cluster: ClusterFacts, baseKeys?: ReadonlySet<string>): KindContext {
  const rollouts = head.filter((r) => r.obj.kind === 'Rollout' && r.obj.apiVersion.startsWith('rollouts.kruise.io/'));
  const namespaces = new Map(head.filter((r) => r.obj.kind === 'Namespace' && r.obj.apiVersion === 'v1').map((r) => [r.obj.metadata?.name ?? '', r]));
  return { head, cluster, rollouts, namespaces, ...(baseKeys ? { baseKeys } : {}) };
}

/** A knob value, as written into the manifest (int, percent string, or a subset map). */
export type KnobValue = number | string | Record<string, number>;

export interface KindModel {
  /** Short kind label for previews: CloneSet, Advanced StatefulSet, ... */
  label(obj: KubeObject): string;
  /** Pods the knob counts against; undefined when kruisec cannot know (reported). */
  total(res: Resource, ctx: KindContext): number | undefined;
  /** The knob value for step `i` of `steps`. */
  valueFor(obj: KubeObject, steps: readonly Step[], i: number, total: number | undefined, ctx: KindContext): { value: KnobValue } | { error: string };
  /** Combine a step's value with the previous stage's and the manifest's own so no part of
   *  the knob goes up between stages or below what git holds back (per subset for UD). */
  lower?(obj: KubeObject, prev: KnobValue | undefined, next: KnobValue): KnobValue;
  /** Pods a value keeps on the old revision (undefined value = the manifest's own knob). */
  oldCount(obj: KubeObject, value: KnobValue | undefined, total: number | undefined, ctx: KindContext): number | undefined;
  /** A copy of `obj` with the value written; the JSON path of the knob, for messages. */
  write(obj: KubeObject, value: KnobValue): KubeObject;
  knobPath(obj: KubeObject): (string | number)[];
  /** What a new revision is made of (pod template, sidecar containers): compared with base. */
  revisionData(obj: KubeObject): unknown;
  /** The pod template, for the in-place check (undefined: the kind does not update in place). */
  podTemplate?(obj: KubeObject): Record<string, any> | undefined;
  /** podUpdatePolicy in effect (ReCreate | InPlaceIfPossible | InPlaceOnly). */
  podUpdatePolicy?(obj: KubeObject): string;
  /** Why staged partitions would not move this workload (paused, OnDelete, ...). */
  blocked?(obj: KubeObject): string | undefined;
  /** Which pods a state releases, in the kind's own terms (e.g. StatefulSet ordinals). */
  describe?(obj: KubeObject, old: number): string | undefined;
  /** The convergence predicate of one stage (spec §7.3), as text for the reconciler and humans. */
  predicate(desired: number, tolerance: number, obj: KubeObject): string;
}

export function get(obj: unknown, path: readonly (string | number)[]): any {
  let cur: any = obj;
  for (const k of path) { if (cur === null || typeof cur !== 'object') return undefined; cur = cur[k]; }
  return cur;
}

/** Set a value at `path` inside `obj` (mutates), creating maps on the way. */
export function setPath(obj: Record<string, any>, path: readonly (string | number)[], value: unknown): void {
  let cur: any = obj;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i];
    if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = {};
    cur = cur[k];
  }
  cur[path[path.length - 1]] = value;
}

export function replicasOf(obj: KubeObject): number {
  const r = get(obj, ['spec', 'replicas']);
  return typeof r === 'number' && Number.isInteger(r) && r >= 0 ? r : 1;
}
