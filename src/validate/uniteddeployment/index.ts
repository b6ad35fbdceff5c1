// UnitedDeployment admission (spec uniteddeployment.md §6): the validating webhook's rules, one
// module per rule group, on each UnitedDeployment as the default phase stored it.
import type { Resource } from '../../api/resource.js';
import { isUnitedDeployment } from '../../api/uniteddeployment.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { checkUnitedDeployment } from './check.js';

export { parseSubsetReplicas } from './replicas-value.js';

/** `written` and `stored` are the same resources (load's and the default phase's, in order). */
export function checkUnitedDeployments(written: readonly Resource[], stored: readonly Resource[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  stored.forEach((res, i) => {
    if (!isUnitedDeployment(res.obj)) return;
    const spec = (written[i].obj as { spec?: { replicas?: unknown } }).spec;
    out.push(...checkUnitedDeployment(res, spec?.replicas != null));
  });
  return out;
}
