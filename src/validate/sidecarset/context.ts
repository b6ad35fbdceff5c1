// What every SidecarSet check sees: the SidecarSet as the validating webhook does (defaulted,
// v1alpha1 converted to v1beta1), where it came from, and the cluster state the repo holds.
import type { ClusterFacts } from '../../api/cluster.js';
import type { FieldPath, KubeObject, Resource } from '../../api/resource.js';
import { fieldText } from '../../k8s/field-path.js';
import { at, report, type Rule } from '../../report/catalogue/rule.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import type { Obj } from '../../util/json.js';

export interface SidecarSetUnderCheck {
  /** The resource (stored form, with its origin): diagnostics point into it. */
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


/** A diagnostic of `rule` at `path` of the SidecarSet, with `field` filled from the path. */
export function diag<D extends { field: string }>(
  rule: Rule<D>, s: SidecarSetUnderCheck, path: FieldPath, data: Omit<D, 'field'>, fieldOverride?: string,
): Diagnostic {
  return report(rule, { ...data, field: fieldOverride ?? fieldText(path) } as D, at(s.res, path));
}

/** The object the validating webhook sees: the stored (defaulted) SidecarSet, in v1beta1. */
export function underCheck(res: Resource): SidecarSetUnderCheck {
  const ss = res.obj.apiVersion === 'apps.kruise.io/v1alpha1' ? toV1beta1(res.obj) : res.obj as Obj;
  return { res, ss, name: String(ss.metadata?.name ?? '') };
}

/** v1alpha1 -> v1beta1 (spec §2.5): spec.namespace wins over any namespaceSelector. A new
 *  object: the stored one is what render reads. */
function toV1beta1(obj: KubeObject): Obj {
  const { namespace, ...spec } = (obj.spec ?? {}) as Obj;
  if (namespace) spec.namespaceSelector = { matchLabels: { 'kubernetes.io/metadata.name': namespace } };
  return { ...obj, spec };
}
