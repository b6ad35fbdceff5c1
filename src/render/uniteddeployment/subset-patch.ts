// The subset patch (spec §4.6): a strategic merge patch with the PodTemplateSpec schema,
// applied to the pod template after labels, affinity and tolerations, so it can override them.
// The workload's `apps.kruise.io/subset-patch` annotation holds the patch as the API server
// hands it to the controller (compact, keys sorted, Go escaping), or "" without a patch.
import { POD_TEMPLATE_SCHEMA, strategicMergePatch } from '../../k8s/strategic-merge.js';
import { goMarshal } from '../../go/json.js';
import { isObj, type Obj } from '../../util/json.js';

export type PatchedTemplate = { ok: true; template: Obj } | { ok: false; error: string };

export function applySubsetPatch(podTemplate: Obj, patch: unknown): PatchedTemplate {
  if (patch === undefined || patch === null) return { ok: true, template: podTemplate };
  const r = strategicMergePatch(podTemplate, patch, POD_TEMPLATE_SCHEMA);
  if (!r.ok) return r;
  const shapeError = podTemplateShapeError(r.value as Obj);
  return shapeError ? { ok: false, error: shapeError } : { ok: true, template: r.value as Obj };
}

const LIST_FIELDS = ['containers', 'initContainers', 'ephemeralContainers', 'volumes', 'tolerations', 'imagePullSecrets', 'hostAliases', 'topologySpreadConstraints'];

/** The merged template is decoded into a Go PodTemplateSpec; a value of the wrong JSON type
 *  fails that decoding (and the subset is not created). Checks the shapes patches break. */
function podTemplateShapeError(t: Obj): string | undefined {
  for (const k of ['metadata', 'spec']) if (t[k] != null && !isObj(t[k])) return `json: cannot unmarshal ${typeName(t[k])} into PodTemplateSpec.${k}`;
  const spec: Obj = t.spec ?? {};
  for (const k of LIST_FIELDS) {
    const v = spec[k];
    if (v == null) continue;
    if (!Array.isArray(v)) return `json: cannot unmarshal ${typeName(v)} into PodSpec.${k} (a list)`;
    const bad = v.findIndex((e) => !isObj(e));
    if (bad >= 0) return `json: cannot unmarshal ${typeName(v[bad])} into PodSpec.${k}[${bad}] (an object)`;
  }
  for (const k of ['labels', 'annotations']) {
    const m = t.metadata?.[k];
    if (m != null && !isObj(m)) return `json: cannot unmarshal ${typeName(m)} into ObjectMeta.${k} (a map)`;
  }
  return undefined;
}

function typeName(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'object' ? 'object' : typeof v;
}

export function subsetPatchAnnotation(patch: unknown): string {
  return patch === undefined || patch === null ? '' : goMarshal(patch);
}
