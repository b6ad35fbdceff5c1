// The mutating webhook (apis/apps/defaults SetDefaultsUnitedDeployment[V1beta1], spec §6.1):
// what a UnitedDeployment looks like once stored, and what the validating webhook and the
// controller see.
import type { KubeObject } from '../api/resource.js';
import { isObj, type Obj } from '../util/json.js';
import { defaultKruisePodSpec } from './pod.js';

/** The UnitedDeployment as Kruise's defaulting webhook stores it, on create (template defaults
 *  injected; feature gate TemplateNoDefaults off). Returns a new object; the input is untouched. */
export function defaultUnitedDeployment<T extends KubeObject>(obj: T): T {
  const out = structuredClone(obj) as Obj;
  if (!isObj(out.spec)) out.spec = {};
  const spec = out.spec;
  if (spec.replicas == null) spec.replicas = 1;
  if (spec.revisionHistoryLimit == null) spec.revisionHistoryLimit = 10;
  if (!isObj(spec.updateStrategy)) spec.updateStrategy = {};
  if (!spec.updateStrategy.type) spec.updateStrategy.type = 'Manual';
  if (spec.updateStrategy.type === 'Manual' && spec.updateStrategy.manualUpdate == null) spec.updateStrategy.manualUpdate = {};

  const sts = spec.template?.statefulSetTemplate;
  if (isObj(sts) && isObj(sts.spec)) {
    if (isObj(sts.spec.template)) {
      if (!isObj(sts.spec.template.spec)) sts.spec.template.spec = {};
      defaultKruisePodSpec(sts.spec.template.spec);
    } else {
      sts.spec.template = { spec: {} };
      defaultKruisePodSpec(sts.spec.template.spec);
    }
    for (const pvc of Array.isArray(sts.spec.volumeClaimTemplates) ? sts.spec.volumeClaimTemplates : []) {
      if (!isObj(pvc)) continue;
      if (!isObj(pvc.spec)) pvc.spec = {};
      if (!pvc.spec.volumeMode) pvc.spec.volumeMode = 'Filesystem';
      if (!isObj(pvc.status)) pvc.status = {};
      if (!pvc.status.phase) pvc.status.phase = 'Pending';
    }
  }

  // Elastic mode without any pin: every subset gets an explicit lower bound of 0.
  const subsets: Obj[] = Array.isArray(spec.topology?.subsets) ? spec.topology.subsets.filter(isObj) : [];
  const pinned = subsets.some((s) => s.replicas != null);
  const bounded = subsets.some((s) => s.minReplicas != null || s.maxReplicas != null);
  if (bounded && !pinned) for (const s of subsets) if (s.minReplicas == null) s.minReplicas = 0;

  delete out.status;
  return out as T;
}

