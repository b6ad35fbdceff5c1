// UnitedDeployment expansion (spec uniteddeployment.md): each UnitedDeployment (as the default
// phase left it: what the API server stores) is followed by one workload per subset, as the controller would
// create them on a fresh install. Subset workloads are derived resources (derivedFrom = the
// UD), so SidecarSet injection and diagnostics treat them like any workload and point back
// at the UD's file.
import type { ClusterFacts } from '../../api/cluster.js';
import type { Resource } from '../../api/resource.js';
import { displayName } from '../../api/resource.js';
import { isUnitedDeployment } from '../../api/uniteddeployment.js';
import { at, report } from '../../report/catalogue/rule.js';
import type { Rule } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/uniteddeployment.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { fieldText } from '../../k8s/field-path.js';
import type { ExplainEntry, ExplainLine } from '../../api/explain.js';
import type { RenderFilter } from '../types.js';
import { adapterFor } from './adapters.js';
import { buildSubsetWorkload } from './subset-workload.js';
import { subsetPartitions } from './partitions.js';
import { revisionName } from './revision.js';
import { subsetWorkloadErrors } from './subset-admission.js';
import { allocateSubsetReplicas } from './subset-replicas.js';
import { type Obj } from '../../util/json.js';

export { allocateSubsetReplicas } from './subset-replicas.js';
export { subsetPartitions } from './partitions.js';

export const expandUnitedDeployments: RenderFilter = (resources, opts) => {
  const out: Resource[] = [];
  const diagnostics: Diagnostic[] = [];
  const explain: ExplainEntry[] = [];
  for (const res of resources) {
    if (!isUnitedDeployment(res.obj)) {
      out.push(res);
      continue;
    }
    const r = expandOne(res, opts.cluster);
    out.push(...r.resources);
    diagnostics.push(...r.diagnostics);
    if (r.explain) explain.push(r.explain);
  }
  return { resources: out, diagnostics, explain };
};

interface Expanded {
  resources: Resource[];
  diagnostics: Diagnostic[];
  explain?: ExplainEntry;
}

function expandOne(res: Resource, cluster: ClusterFacts): Expanded {
  const ud = res.obj as Obj;
  const diagnostics: Diagnostic[] = [];
  const lines: ExplainLine[] = [];
  const explain: ExplainEntry = { subject: displayName(res.obj), origin: res.origin, topic: 'uniteddeployment', lines };
  const fail = <D extends { field: string }>(rule: Rule<D>, path: (string | number)[], data: Omit<D, 'field'>) =>
    diagnostics.push(report(rule, { ...data, field: fieldText(path) } as D, at(res, path)));

  const adapter = adapterFor(ud.spec?.template);
  const subsets: Obj[] = Array.isArray(ud.spec?.topology?.subsets) ? ud.spec.topology.subsets.map((s: unknown) => (s !== null && typeof s === 'object' ? s : {})) : [];
  if (!adapter) {
    lines.push({ item: 'template', outcome: 'none', reason: 'no workload template: nothing to create' });
    return { resources: [res], diagnostics, explain };
  }

  if (subsets.length === 0) {
    // The controller's allocator complains about a positive total with no subset (an event,
    // no error the user sees at apply time); either way nothing is created.
    lines.push({ item: 'subsets', outcome: 'none', reason: 'topology.subsets is empty: no workload is created' });
    return { resources: [res], diagnostics, explain };
  }
  const allocation = allocateSubsetReplicas(ud);
  lines.push({ item: 'allocator', outcome: allocation.allocator, reason: ALLOCATOR_WHY[allocation.allocator] });
  if (!allocation.ok) {
    fail(rules.allocationFailed, ['spec', 'topology', 'subsets'], { reason: allocation.error });
    lines.push({ item: 'allocation', outcome: 'failed', reason: `${allocation.error}; the controller creates, updates and deletes nothing` });
    return { resources: [res], diagnostics, explain };
  }
  if (allocation.allocator === 'adaptive' || allocation.allocator === 'reservation') {
    fail(rules.allocationRuntimeDependent, ['spec', 'topology', 'scheduleStrategy'], { allocator: allocation.allocator });
  }

  const partitions = subsetPartitions(ud, allocation.subsets);
  const revision = revisionName(ud.metadata?.name ?? '', ud.spec.template);
  lines.push({ item: 'revision', outcome: revision, reason: 'ControllerRevision name from the FNV hash of spec.template; every subset workload and pod template carries it' });

  const resources: Resource[] = [res];
  const templateSpec = ud.spec.template[adapter.templateKey]?.spec ?? {};
  const takesPartition = adapter.takesPartition(templateSpec);
  // A template the workload webhook rejects fails the same way for every subset: say it once.
  const rejections = new Map<string, { inner: string; reason: string; subsets: string[] }>();
  allocation.subsets.forEach((a, i) => {
    const p = partitions[i];
    const built = buildSubsetWorkload(adapter, { ud, subset: subsets[i], replicas: a.replicas, partition: p.partition, revision });
    if (!built.ok) {
      fail(rules.patchInvalid, ['spec', 'topology', 'subsets', i, 'patch'], { subset: a.name, reason: built.error });
      lines.push({ item: a.name, outcome: 'not created', reason: `the subset patch cannot be applied: ${built.error}` });
      return;
    }
    const workload: Resource = { obj: built.obj as Resource['obj'], derivedFrom: res };
    const rejected = subsetWorkloadErrors(workload, cluster);
    if (rejected.length) {
      for (const e of rejected) {
        const key = `${e.ruleId}\u0000${e.message}`;
        const r = rejections.get(key) ?? { inner: e.ruleId, reason: e.message, subsets: [] };
        r.subsets.push(a.name);
        rejections.set(key, r);
      }
      lines.push({ item: a.name, outcome: 'not created', reason: `the ${adapter.kind} webhook would reject it: ${rejected[0].message}` });
      return;
    }
    resources.push(workload);
    const partitionNote = takesPartition
      ? `partition ${p.partition}: ${p.reason}`
      : adapter.kind === 'Deployment' ? 'Deployments take no partition' : 'OnDelete: no partition is written';
    lines.push({ item: a.name, outcome: `replicas=${a.replicas} partition=${takesPartition ? p.partition : '-'}`, reason: `${a.reason}; ${partitionNote}` });
  });
  for (const r of rejections.values()) {
    fail(rules.subsetWorkloadRejected, ['spec', 'template', adapter.templateKey], { subset: r.subsets.join(', '), kind: adapter.kind, inner: r.inner, reason: r.reason });
  }
  return { resources, diagnostics, explain };
}

const ALLOCATOR_WHY: Record<string, string> = {
  specific: 'no subset has minReplicas/maxReplicas: pinned subsets get their replicas, the rest is split evenly',
  'min-max': 'a subset has minReplicas/maxReplicas: minimums first, then up to maximums, in declaration order',
  adaptive: 'scheduleStrategy Adaptive: min/max passes in declaration order (fresh install: all subsets schedulable)',
  reservation: 'scheduleStrategy Adaptive with reserveUnschedulablePods: min/max passes with reservation budgets (fresh install: all subsets allocatable)',
};
