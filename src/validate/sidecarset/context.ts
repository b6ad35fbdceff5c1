// What every SidecarSet check sees: the SidecarSet as the validating webhook does (defaulted,
// v1alpha1 converted to v1beta1), where it came from, and the cluster state the repo holds.
import type { ClusterFacts } from '../../api/cluster.js';
import type { FieldPath, KubeObject, Resource } from '../../api/resource.js';
import { at, report, type Rule } from '../../report/catalogue/rule.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import type { Obj } from '../../util/json.js';

export interface SidecarSetUnderCheck {
  /** The resource as loaded: diagnostics point into it. */
  res: Resource;
  /** Defaulted and converted to v1beta1 (namespace -> namespaceSelector). */
  ss: Obj;
  name: string;
}

export interface CheckContext {
  cluster: ClusterFacts;
  /** Every SidecarSet in the repo, by name (a name may be declared twice). */
  sidecarSets: SidecarSetUnderCheck[];
  byName: Map<string, SidecarSetUnderCheck>;
  /** ControllerRevisions in the Kruise namespace. */
  revisions: KubeObject[];
  /** ConfigMap kruise-configuration in the Kruise namespace, if in the repo. */
  kruiseConfiguration?: KubeObject;
}

/** Kubernetes field-path text: spec.containers[0].image. */
export function fieldText(path: FieldPath): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** A diagnostic of `rule` at `path` of the SidecarSet, with `field` filled from the path. */
export function diag<D extends { field: string }>(
  rule: Rule<D>, s: SidecarSetUnderCheck, path: FieldPath, data: Omit<D, 'field'>, fieldOverride?: string,
): Diagnostic {
  return report(rule, { ...data, field: fieldOverride ?? fieldText(path) } as D, at(s.res, path));
}
