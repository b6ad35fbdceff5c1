// Hand-off types of the render phase.
import type { ClusterFacts } from '../api/cluster.js';
import type { Origin, Resource } from '../api/resource.js';
import type { Diagnostic } from '../report/diagnostic.js';

export interface RenderOptions {
  cluster: ClusterFacts;
  /** Collect the --explain entries (default true). Without them, the why-lines of each pod
   *  are dropped as soon as they are made instead of being kept to the end. */
  explain?: boolean;
}

/** `--explain`: for one pod, workload or UnitedDeployment, what render decided and why. */
export interface ExplainEntry {
  /** `Pod default/web-0`, `CloneSet shop/cart`, `UnitedDeployment shop/ud` */
  subject: string;
  origin?: Origin;
  /** Which part of render produced it. */
  topic: 'sidecarset' | 'uniteddeployment';
  lines: ExplainLine[];
}

export interface ExplainLine {
  /** What the line is about: a SidecarSet name, a subset name, "allocator". */
  item: string;
  /** Short verdict: injected | skipped | replicas=3 partition=1 | specific ... */
  outcome: string;
  /** Why, in a sentence a user understands. */
  reason: string;
}

export interface RenderResult {
  resources: Resource[];
  diagnostics: Diagnostic[];
  explain: ExplainEntry[];
}

/** One render step: a pure function over the resource list (kustomize's kio.Filter). */
export type RenderFilter = (resources: readonly Resource[], opts: RenderOptions) => RenderResult;
