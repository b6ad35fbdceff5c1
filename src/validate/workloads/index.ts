// Workload admission checks: CloneSet, Advanced StatefulSet and Advanced DaemonSet as Kruise's
// validating webhooks judge them, and Rollouts as Kruise Rollouts' webhook does. One module
// per kind. Beside them: what the pod webhook makes of every Pod and pod template (container
// launch priority), the pod lifecycle of the Kruise workloads (hooks, in-place safety),
// PodProbeMarkers against the workloads they match, and classification advice.
import type { Resource } from '../../api/resource.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import type { Check } from '../types.js';
import { checkCloneSet } from './cloneset.js';
import { checkAdvancedDaemonSet } from './daemonset.js';
import { checkRollout, checkRolloutSet } from './rollout.js';
import { checkAdvancedStatefulSet } from './statefulset.js';
import { checkClassification } from './classification.js';
import { checkInPlaceProbes } from './inplace-probes.js';
import { checkLaunchPriority } from './launch-priority.js';
import { checkLifecycle } from './lifecycle.js';
import { checkPodProbeMarkers, isPodProbeMarker } from './probe-marker.js';
import { templatePath } from '../../k8s/pod-templates.js';
import { isObj } from '../../util/json.js';

const KRUISE = new Set(['apps.kruise.io/v1alpha1', 'apps.kruise.io/v1beta1']);
const ROLLOUTS = new Set(['rollouts.kruise.io/v1alpha1', 'rollouts.kruise.io/v1beta1']);

export const checkWorkloads: Check = (resources) => {
  const out: Diagnostic[] = [];
  const rollouts: Resource[] = [];
  const markers: Resource[] = [];
  for (const res of resources) {
    const { apiVersion, kind } = res.obj;
    if (KRUISE.has(apiVersion)) {
      if (kind === 'CloneSet') out.push(...checkCloneSet(res), ...podLifecycle(res));
      else if (kind === 'StatefulSet') out.push(...checkAdvancedStatefulSet(res), ...podLifecycle(res));
      else if (kind === 'DaemonSet') out.push(...checkAdvancedDaemonSet(res), ...podLifecycle(res));
      else if (isPodProbeMarker(res)) markers.push(res);
    } else if (ROLLOUTS.has(apiVersion) && kind === 'Rollout') {
      out.push(...checkRollout(res));
      rollouts.push(res);
    }
    out.push(...podWebhook(res));
  }
  if (rollouts.length) out.push(...checkRolloutSet(rollouts, resources));
  if (markers.length) out.push(...checkPodProbeMarkers(markers, resources));
  out.push(...checkClassification(resources));
  return out;
};

/** Lifecycle hooks and in-place safety of the Kruise workloads that have them. */
function podLifecycle(res: Resource): Diagnostic[] {
  return [...checkLifecycle(res), ...checkInPlaceProbes(res)];
}

/** What Kruise's pod webhook makes of a Pod or of the pods a template becomes. */
function podWebhook(res: Resource): Diagnostic[] {
  const path = templatePath(res.obj);
  if (!path) return [];
  let pod: unknown = res.obj;
  for (const k of path) pod = isObj(pod) ? pod[k] : undefined;
  return isObj(pod) ? checkLaunchPriority(res, pod, path) : [];
}
