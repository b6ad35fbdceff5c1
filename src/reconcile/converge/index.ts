// Per-kind stage convergence, one module per Kruise kind (spec rollout-semantics.md §7.3).
import type { ConvergeInput, Verdict } from './verdict.js';
import { cloneSetVerdict } from './cloneset.js';
import { sidecarSetVerdict } from './sidecarset.js';
import { statefulSetVerdict } from './statefulset.js';
import { unitedDeploymentVerdict } from './uniteddeployment.js';

export type { ConvergeInput, Verdict } from './verdict.js';

const BY_KIND: Record<string, (input: ConvergeInput) => Verdict> = {
  'apps.kruise.io/CloneSet': cloneSetVerdict,
  'apps.kruise.io/StatefulSet': statefulSetVerdict,
  'apps/StatefulSet': statefulSetVerdict,
  'apps.kruise.io/SidecarSet': sidecarSetVerdict,
  'apps.kruise.io/UnitedDeployment': unitedDeploymentVerdict,
};

/** The verdict function for a workload kind, or undefined when kruisec has no predicate for it. */
export function verdictFor(apiVersion: string, kind: string): ((input: ConvergeInput) => Verdict) | undefined {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return BY_KIND[`${group}/${kind}`];
}
