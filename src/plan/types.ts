// Hand-off types of the plan phase.
import type { ClusterFacts } from '../api/cluster.js';
import type { Resource } from '../api/resource.js';
import type { ImageChange } from '../k8s/pod-images.js';
import type { Diagnostic } from '../report/diagnostic.js';

export interface PlanOptions {
  cluster: ClusterFacts;
}

/** What must happen before the next stage may start. */
export type Gate =
  | { type: 'pause'; seconds: number }
  | { type: 'approval' }
  | { type: 'none' };

/** What the reconciler waits for on one workload before the stage counts as converged
 *  (spec rollout-semantics.md §7.3). Counts are -1 where only the cluster knows them
 *  (a SidecarSet's matched pods the repo does not determine). */
export interface Expectation {
  kind: string;
  apiVersion: string;
  namespace?: string;
  name: string;
  /** Pods that must run the new revision once the stage converged. */
  desiredUpdated: number;
  /** Pods that stay on the old revision (partition as a count). */
  partitionCount: number;
  replicas: number;
  /** failureThreshold tolerance, as a pod count. */
  tolerance: number;
  /** Human-readable predicate, e.g. "updatedReadyReplicas >= 2". */
  predicate: string;
  /** The knob value this stage writes (absent: the manifest's own). */
  partition?: number | string | Record<string, number>;
}

export interface StagePreview {
  workload: string;
  updated: number;
  old: number;
  /** in-place | recreate | sidecar-in-place | not-upgradable | scale-only | unchanged | created | rollout */
  mode: string;
  note?: string;
}

export interface Stage {
  index: number;
  resources: Resource[];
  gate: Gate;
  expect: Expectation[];
  preview: StagePreview[];
}

/** A workload whose manifest changes from base to head, for summaries (plan --output markdown). */
export interface WorkloadChange {
  workload: string;
  /** created | revision | scale-only | assumed (no base) */
  change: string;
  mode: string;
  /** Images from the base to the head; empty without a base. */
  images: ImageChange[];
}

export interface PlanResult {
  stages: Stage[];
  diagnostics: Diagnostic[];
  /** Workloads that change, in plan order; unchanged ones are left out. */
  changes: WorkloadChange[];
}
