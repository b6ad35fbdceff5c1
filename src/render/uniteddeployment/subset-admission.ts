// Subset workloads of Kruise kinds go through their own validating webhook when the controller
// creates them; the UnitedDeployment webhook does not check a cloneSetTemplate at all (spec
// §6.2, §7). Running the workload checks on each rendered subset tells the user now which
// subsets would never be provisioned.
import type { ClusterFacts } from '../../api/cluster.js';
import type { Resource } from '../../api/resource.js';
import { checkWorkloads } from '../../validate/index.js';

/** The error diagnostics the workload webhook would raise for this subset workload. */
export function subsetWorkloadErrors(workload: Resource, cluster: ClusterFacts): { ruleId: string; message: string }[] {
  const { apiVersion } = workload.obj;
  if (!apiVersion.startsWith('apps.kruise.io/')) return [];
  return checkWorkloads([workload], { cluster, strict: false })
    .filter((d) => d.severity === 'error')
    .map((d) => ({ ruleId: d.ruleId, message: d.message }));
}
