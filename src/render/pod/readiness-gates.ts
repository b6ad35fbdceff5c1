// The readiness gates a pod of a workload carries, and who adds them:
//   KruisePodReady      Kruise's pod webhook at creation (pkg/webhook/pod/mutating/pod_readiness.go),
//                       for pods whose controller is in apps.kruise.io, or every pod with the
//                       KruisePodReadinessGate feature gate; lifecycle hooks and PUB hold it False.
//   InPlaceUpdateReady  the CloneSet controller on every pod it creates (cloneset_core.go
//                       newVersionedPods), the Advanced DaemonSet controller for rollingUpdateType
//                       InPlaceIfPossible (daemonset_controller.go); an Advanced StatefulSet
//                       relies on the template carrying it (its webhook requires it for in-place).
import type { ClusterFacts } from '../../api/cluster.js';
import { featureGate } from '../../api/cluster.js';
import type { KubeObject } from '../../api/resource.js';
import { isObj, list, type Obj } from '../../util/json.js';

export const KRUISE_POD_READY = 'KruisePodReady';
export const IN_PLACE_UPDATE_READY = 'InPlaceUpdateReady';
const KRUISE_GROUP = 'apps.kruise.io';

export interface Gate { type: string; from: string }

/** Gates of the pods a workload's template becomes, in the order they end up in the pod. */
export function workloadPodGates(workload: KubeObject, template: Obj, cluster: ClusterFacts): Gate[] {
  const gates: Gate[] = list(isObj(template.spec) ? template.spec.readinessGates : undefined)
    .filter(isObj).map((g) => ({ type: String(g.conditionType), from: 'the pod template' }));
  const add = (type: string, from: string) => { if (!gates.some((g) => g.type === type)) gates.push({ type, from }); };
  const kruise = groupOf(workload.apiVersion) === KRUISE_GROUP;
  if (kruise && workload.kind === 'CloneSet') add(IN_PLACE_UPDATE_READY, 'the CloneSet controller, on every pod it creates');
  if (kruise && workload.kind === 'DaemonSet') {
    const us = isObj(workload.spec) && isObj(workload.spec.updateStrategy) ? workload.spec.updateStrategy : {};
    const ru = isObj(us.rollingUpdate) ? us.rollingUpdate : {};
    // The DaemonSet controller appends it without looking for one already there.
    if ((us.type ?? 'RollingUpdate') === 'RollingUpdate' && ru.rollingUpdateType === 'InPlaceIfPossible') gates.push({ type: IN_PLACE_UPDATE_READY, from: 'the Advanced DaemonSet controller (rollingUpdateType InPlaceIfPossible)' });
  }
  // The pods' controller is the workload itself (a UnitedDeployment's pods belong to its subsets).
  if (kruise || featureGate(cluster, 'KruisePodReadinessGate')) add(KRUISE_POD_READY, kruise ? "Kruise's pod webhook (the pod's controller is a Kruise workload)" : "Kruise's pod webhook (feature gate KruisePodReadinessGate)");
  return gates;
}

/** Whether the pod webhook adds KruisePodReady to this Pod (IsPodOwnedByKruise, or the gate). */
export function podGetsKruisePodReady(pod: KubeObject, cluster: ClusterFacts): boolean {
  if (featureGate(cluster, 'KruisePodReadinessGate')) return true;
  const owner = list(pod.metadata?.ownerReferences).find((o) => isObj(o) && o.controller === true);
  return isObj(owner) && typeof owner.apiVersion === 'string' && groupOf(owner.apiVersion) === KRUISE_GROUP;
}

function groupOf(apiVersion: unknown): string {
  return typeof apiVersion === 'string' && apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}
