// Container launch priority as Kruise's pod webhook applies it, after SidecarSet injection
// (pod_create_update_handler.go: "the order matters"): every app container of the pod,
// injected sidecars included, gets env KRUISE_CONTAINER_BARRIER from ConfigMap
// `<pod name>-barrier`, key `p_<priority>`. A Pod with a name is rendered so; a template's
// pods are named by their controller, so explain says what each pod gets instead.
import type { ExplainLine } from '../../api/explain.js';
import type { KubeObject } from '../../api/resource.js';
import { barrierEnv, barrierKey, LAUNCH_BARRIER_ENV, launchPriorities, type LaunchPriorities } from '../../k8s/container-launch-priority.js';
import { isObj, list, type Obj } from '../../util/json.js';

/** The pod with the barrier env added, or undefined when the webhook leaves it alone. */
export function applyLaunchPriority(pod: Obj, decided: LaunchPriorities, podName: string): Obj | undefined {
  if (decided.kind !== 'ordered' && decided.kind !== 'env') return undefined;
  const spec = pod.spec as Obj;
  const containers = list(spec.containers).map((c, i) => (isObj(c) ? { ...c, env: [...list(c.env), barrierEnv(decided.priorities[i], podName)] } : c));
  return { ...pod, spec: { ...spec, containers } };
}

/** How the controller of `workload` names its pods, for explain. */
export function podNamePattern(workload: KubeObject): string {
  const name = workload.metadata?.name ?? '<name>';
  switch (workload.kind) {
    case 'StatefulSet': return `${name}-<ordinal>`;
    case 'CloneSet': return `${name}-<5 random characters>`;
    case 'Deployment': return `${name}-<pod-template-hash>-<5 random characters>`;
    default: return `${name}-<5 random characters>`;
  }
}

/** The explain line for launch priority, or undefined when there is nothing to say. */
export function launchPriorityLine(pod: Obj, decided: LaunchPriorities, podName: string, rendered: boolean): ExplainLine | undefined {
  if (decided.kind === 'refused') {
    return { item: 'launch priority', outcome: 'rejected', reason: `container ${decided.container} has KRUISE_CONTAINER_PRIORITY ${decided.value}, which is not an integer: the pod webhook refuses the pod` };
  }
  if (decided.kind === 'none') return undefined;
  const names = list(isObj(pod.spec) ? pod.spec.containers : undefined).map((c) => (isObj(c) ? String(c.name) : ''));
  const keys = names.map((n, i) => `${n} ${barrierKey(decided.priorities[i])}`).join(', ');
  const how = decided.kind === 'ordered' ? 'annotation apps.kruise.io/container-launch-priority: Ordered (list order)' : 'KRUISE_CONTAINER_PRIORITY env';
  const verb = rendered ? 'rendered' : 'each pod gets';
  return {
    item: 'launch priority',
    outcome: decided.kind === 'ordered' ? 'ordered' : 'by priority',
    reason: `from ${how}; ${verb} env ${LAUNCH_BARRIER_ENV} from ConfigMap ${podName}-barrier on every container, injected ones included: ${keys}`,
  };
}

export { launchPriorities };
