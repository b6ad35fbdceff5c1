// Hand-off types of the validate phase.
import type { ClusterFacts } from '../api/cluster.js';
import type { Resource } from '../api/resource.js';
import type { Diagnostic } from '../report/diagnostic.js';

export interface ValidateOptions {
  cluster: ClusterFacts;
  /** Unknown (pruned) fields are errors instead of warnings. */
  strict: boolean;
}

export interface ValidateResult {
  /** The stored resources minus every one Kruise (or the API server) would reject. */
  admitted: Resource[];
  /** Whether a resource (written or stored: they share their origin) was admitted. */
  admits(res: Resource): boolean;
  diagnostics: Diagnostic[];
}

/** One group of checks over the whole resource set (so cross-object rules fit too).
 *  Each diagnostic's `origin` names the resource it rejects. */
export type Check = (resources: readonly Resource[], opts: ValidateOptions) => Diagnostic[];
