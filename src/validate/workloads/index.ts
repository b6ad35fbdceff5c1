// Workload admission checks: CloneSet, Advanced StatefulSet and Advanced DaemonSet as Kruise's
// validating webhooks judge them, and Rollouts as Kruise Rollouts' webhook does. One module
// per kind; objects of other kinds are not looked at.
import type { Resource } from '../../api/resource.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import type { Check } from '../types.js';
import { checkCloneSet } from './cloneset.js';
import { checkAdvancedDaemonSet } from './daemonset.js';
import { checkRollout, checkRolloutSet } from './rollout.js';
import { checkAdvancedStatefulSet } from './statefulset.js';

const KRUISE = new Set(['apps.kruise.io/v1alpha1', 'apps.kruise.io/v1beta1']);
const ROLLOUTS = new Set(['rollouts.kruise.io/v1alpha1', 'rollouts.kruise.io/v1beta1']);

export const checkWorkloads: Check = (resources) => {
  const out: Diagnostic[] = [];
  const rollouts: Resource[] = [];
  for (const res of resources) {
    const { apiVersion, kind } = res.obj;
    if (KRUISE.has(apiVersion)) {
      if (kind === 'CloneSet') out.push(...checkCloneSet(res));
      else if (kind === 'StatefulSet') out.push(...checkAdvancedStatefulSet(res));
      else if (kind === 'DaemonSet') out.push(...checkAdvancedDaemonSet(res));
    } else if (ROLLOUTS.has(apiVersion) && kind === 'Rollout') {
      out.push(...checkRollout(res));
      rollouts.push(res);
    }
  }
  if (rollouts.length) out.push(...checkRolloutSet(rollouts, resources));
  return out;
};
