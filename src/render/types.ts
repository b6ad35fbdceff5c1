// Hand-off types of the render phase. Its --explain entries are in src/api/explain.ts, since
// the report layer prints them.
import type { ClusterFacts } from '../api/cluster.js';
import type { ExplainEntry } from '../api/explain.js';
import type { Resource } from '../api/resource.js';
import type { Diagnostic } from '../report/diagnostic.js';

export interface RenderOptions {
  cluster: ClusterFacts;
  /** Collect the --explain entries (default true). Without them, the why-lines of each pod
   *  are dropped as soon as they are made instead of being kept to the end. */
  explain?: boolean;
}

export interface RenderResult {
  resources: Resource[];
  diagnostics: Diagnostic[];
  explain: ExplainEntry[];
}

/** One render step: a pure function over the resource list (kustomize's kio.Filter). */
export type RenderFilter = (resources: readonly Resource[], opts: RenderOptions) => RenderResult;
