// What every subset workload shares (ApplySubsetTemplate of the four upstream adapters, spec
// §4.1): metadata from the template plus the subset labels, the UD selector with the subset
// label, the template spec with replicas, the pod template with subset labels, node affinity,
// tolerations and finally the subset patch. Only the partition differs by kind.
import { REVISION_LABEL, SUBSET_NAME_LABEL, SUBSET_PATCH_ANNOTATION } from '../../api/uniteddeployment.js';
import type { Obj } from '../../util/json.js';
import type { Adapter } from './adapters.js';
import { canonicalizeQuantities } from './go-round-trip.js';
import { attachNodeAffinity } from './node-affinity.js';
import { subsetPrefix, subsetWorkloadName } from './naming.js';
import { applySubsetPatch, subsetPatchAnnotation } from './subset-patch.js';
import { attachTolerations } from './tolerations.js';

export interface SubsetInput {
  /** The UnitedDeployment after admission defaulting. */
  ud: Obj;
  subset: Obj;
  replicas: number;
  partition: number;
  /** The ControllerRevision name. */
  revision: string;
}

export type BuiltWorkload = { ok: true; obj: Obj } | { ok: false; error: string };

export function buildSubsetWorkload(adapter: Adapter, input: SubsetInput): BuiltWorkload {
  const { ud, subset, replicas, partition, revision } = input;
  const template: Obj = ud.spec.template[adapter.templateKey];
  const templateSpec: Obj = template.spec ?? {};
  const name: string = subset.name;
  const udName: string = ud.metadata?.name ?? '';
  const namespace: string | undefined = ud.metadata?.namespace;

  const labels: Record<string, string> = { ...(template.metadata?.labels ?? {}), ...(ud.spec.selector?.matchLabels ?? {}) };
  labels[REVISION_LABEL] = revision;
  labels[SUBSET_NAME_LABEL] = name;
  const annotations: Record<string, string> = { ...(template.metadata?.annotations ?? {}) };

  const selector: Obj = structuredClone(ud.spec.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [SUBSET_NAME_LABEL]: name };

  const { replicas: _r, selector: _s, ...rest } = structuredClone(templateSpec) as Obj;
  const spec: Obj = { replicas, selector, ...rest };
  if (adapter.takesPartition(templateSpec)) adapter.setPartition(spec, partition);

  let pod: Obj = spec.template ?? {};
  pod.metadata = { ...(pod.metadata ?? {}) };
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [SUBSET_NAME_LABEL]: name, [REVISION_LABEL]: revision };
  pod.spec ??= {};
  attachNodeAffinity(pod.spec, subset.nodeSelectorTerm);
  attachTolerations(pod.spec, subset.tolerations);
  const patched = applySubsetPatch(pod, subset.patch);
  if (!patched.ok) return patched;
  pod = patched.template;
  canonicalizeQuantities(pod.spec);
  spec.template = pod;
  annotations[SUBSET_PATCH_ANNOTATION] = subsetPatchAnnotation(subset.patch);

  const metadata: Obj = {
    name: subsetWorkloadName(namespace ?? '', udName, name),
    generateName: subsetPrefix(udName, name),
  };
  if (namespace !== undefined) metadata.namespace = namespace;
  metadata.labels = labels;
  metadata.annotations = annotations;
  return { ok: true, obj: { apiVersion: adapter.apiVersion, kind: adapter.kind, metadata, spec } };
}
