// Where pods come from in a repo: Pod manifests, and the pod templates of the workload kinds
// whose controllers create pods from them (§13). A template is judged as the pod it becomes:
// its labels and annotations, its spec, and the workload's namespace.
import type { FieldPath, KubeObject } from '../../api/resource.js';

export { templatePath } from '../../k8s/pod-templates.js';

/** Kinds that hold pod templates kruisec does not render directly, and why. */
export const NOT_RENDERED: Record<string, string> = {
  UnitedDeployment: 'its pods come from the subset workloads, which are rendered instead',
  AdvancedCronJob: 'its pods come from the Jobs or BroadcastJobs it creates on schedule; render those to see injection',
};

/** The pod template a UnitedDeployment hands its subset workloads, for the apply form with
 *  materialize: sidecars written into it reach every subset's pods without the pod webhook. */
export function unitedDeploymentTemplatePath(obj: KubeObject): FieldPath | undefined {
  if (obj.kind !== 'UnitedDeployment' || !String(obj.apiVersion).startsWith('apps.kruise.io/')) return undefined;
  const templates = getAt(obj, ['spec', 'template']);
  if (!templates || typeof templates !== 'object') return undefined;
  // The webhook admits exactly one of them; the first present is the one the controller uses.
  const key = ['statefulSetTemplate', 'advancedStatefulSetTemplate', 'cloneSetTemplate', 'deploymentTemplate'].find((k) => k in templates);
  return key ? ['spec', 'template', key, 'spec', 'template'] : undefined;
}

export function getAt(obj: unknown, path: FieldPath): unknown {
  let cur = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** A copy of `obj` with `value` at `path`, copying only the objects along the path. */
export function setAt<T>(obj: T, path: FieldPath, value: unknown): T {
  if (!path.length) return value as T;
  const [head, ...rest] = path;
  const copy = (Array.isArray(obj) ? [...obj] : { ...(obj as object) }) as Record<string | number, unknown>;
  copy[head] = setAt(copy[head], rest, value);
  return copy as T;
}
