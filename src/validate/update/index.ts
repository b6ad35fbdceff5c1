// Update-time admission: what the cluster refuses when the object it holds (the base) is
// replaced by the one git holds (the head). The create-time rules already ran on the head;
// these are the rules that need both. `plan` calls it, as the only command that knows the base.
// Both lists are stored forms (the default phase's output), as the webhooks see them.
import { resourceKey, type Resource } from '../../api/resource.js';
import type { ClusterFacts } from '../../api/cluster.js';
import { isSidecarSet } from '../../api/sidecarset.js';
import { isUnitedDeployment } from '../../api/uniteddeployment.js';
import * as udRules from '../../report/catalogue/uniteddeployment.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { checkSidecarSetUpdate } from '../sidecarset/update.js';
import { checkUnitedDeploymentUpdate } from '../uniteddeployment/update.js';
import { checkWorkloadUpdate } from './workloads.js';

export function validateUpdates(base: readonly Resource[], head: readonly Resource[], cluster: ClusterFacts): Diagnostic[] {
  const byKey = new Map(base.map((r) => [resourceKey(r.obj), r]));
  const out: Diagnostic[] = [];
  for (const h of head) {
    const b = byKey.get(resourceKey(h.obj));
    if (!b) continue; // a new object: only the create-time rules apply
    if (isSidecarSet(h.obj)) out.push(...checkSidecarSetUpdate(b, h));
    else if (isUnitedDeployment(h.obj)) out.push(...updateOnly(checkUnitedDeploymentUpdate(b, h)));
    else out.push(...(checkWorkloadUpdate(b, h, cluster) ?? []));
  }
  return out;
}

/** checkUnitedDeploymentUpdate repeats the create-time rules, which validate already reported. */
function updateOnly(diags: Diagnostic[]): Diagnostic[] {
  const ids = new Set([udRules.subsetPlacementChanged.id, udRules.templateSpecChangeForbidden.id]);
  return diags.filter((d) => ids.has(d.ruleId));
}
