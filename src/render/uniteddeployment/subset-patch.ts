// The subset patch (spec §4.6): a strategic merge patch with the PodTemplateSpec schema,
// applied to the pod template after labels, affinity and tolerations, so it can override them.
// The workload's `apps.kruise.io/subset-patch` annotation holds the patch as the API server
// hands it to the controller (compact, keys sorted, Go escaping), or "" without a patch.
import { POD_TEMPLATE_SCHEMA, strategicMergePatch } from '../../k8s/strategic-merge.js';
import { goMarshal } from './revision.js';

type Obj = Record<string, any>;

export type PatchedTemplate = { ok: true; template: Obj } | { ok: false; error: string };

export function applySubsetPatch(podTemplate: Obj, patch: unknown): PatchedTemplate {
  if (patch === undefined || patch === null) return { ok: true, template: podTemplate };
  const r = strategicMergePatch(podTemplate, patch, POD_TEMPLATE_SCHEMA);
  return r.ok ? { ok: true, template: r.value as Obj } : r;
}

export function subsetPatchAnnotation(patch: unknown): string {
  return patch === undefined || patch === null ? '' : goMarshal(patch);
}
