// Hand-off types of the rendered diff: base and head resource sets in, workloads out.
import type { ImageChange } from '../../k8s/pod-images.js';

export type { ImageChange };

export type ObjectChangeKind = 'added' | 'removed' | 'changed';

/** A field reviewers check first (replicas, partitions), before and after. */
export interface FieldChange {
  /** Dotted path, e.g. `spec.updateStrategy.partition`. */
  path: string;
  from: unknown;
  to: unknown;
}

export interface ObjectDiff {
  change: ObjectChangeKind;
  apiVersion: string;
  kind: string;
  namespace: string | null;
  name: string;
  /** `Kind namespace/name`. */
  display: string;
  images: ImageChange[];
  fields: FieldChange[];
  /** Unified diff of the rendered YAML (keys sorted, as `kubectl diff` shows them), with
   *  `--- a/…` / `+++ b/…` headers; ends with a newline. */
  patch: string;
}

/** One workload and what render derives from it (a UnitedDeployment's subset workloads), or
 *  one object of any other kind. Only groups with at least one change are listed. */
export interface WorkloadDiff {
  /** `Kind namespace/name` of the object the group is named after. */
  display: string;
  kind: string;
  namespace: string | null;
  name: string;
  /** Every image change in the group, repeats dropped. */
  images: ImageChange[];
  /** Changed SidecarSets injected into this group's pods (base or head). */
  sidecarSets: string[];
  /** For a SidecarSet: the groups whose pods it is injected into and that change. */
  affects: string[];
  objects: ObjectDiff[];
}

export interface DiffResult {
  workloads: WorkloadDiff[];
  counts: { added: number; removed: number; changed: number; unchanged: number };
}
