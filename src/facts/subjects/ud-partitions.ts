// Subject: UnitedDeployment - manualUpdate.partitions copied into each subset workload
// (Kruise uniteddeployment TestAstsRollingUpdatePartition; calcNextPartitions).
import { subsetPartitionsFor } from '../../plan/kinds/ud-partitions.js';
import { subsetReplicas as allocate } from '../../plan/kinds/uniteddeployment.js';
import { checkKeys, FactError, record, type Subject } from '../fact.js';

export const udPartitionsSubject: Subject = {
  id: 'ud-partitions',
  keywords: /united\s*deployment|\bUD\b/i,
  evaluate(given) {
    checkKeys(given, ['subsetReplicas', 'partitions', 'subsets', 'updateStrategyType', 'replicas'], 'ud-partitions');
    let replicas = record(given.subsetReplicas, 'given.subsetReplicas');
    if (given.subsetReplicas === undefined && Array.isArray(given.subsets)) {
      // Subset replicas from the UD's own allocator: {replicas, subsets: [{name, replicas?}]}.
      const subsets = (given.subsets as unknown[]).map((x) => (typeof x === 'string' ? { name: x } : x));
      const got = allocate({ apiVersion: 'apps.kruise.io/v1beta1', kind: 'UnitedDeployment', metadata: {}, spec: { replicas: given.replicas, topology: { subsets } } });
      if (!got) throw new FactError('the UnitedDeployment allocator refuses these subsets');
      replicas = got;
    }
    for (const [k, v] of Object.entries(replicas)) if (typeof v !== 'number' || !Number.isInteger(v)) throw new FactError(`given.subsetReplicas.${k} must be an integer`);
    const names = Array.isArray(given.subsets) ? (given.subsets as unknown[]).map((s) => (typeof s === 'string' ? s : String((s as { name?: unknown })?.name))) : Object.keys(replicas);
    const partitions = record(given.partitions, 'given.partitions') as Record<string, number>;
    const manual = given.updateStrategyType === undefined || given.updateStrategyType === 'Manual';
    const result = subsetPartitionsFor(names, manual ? partitions : undefined, replicas as Record<string, number>);
    return { subsetPartition: result, subsetPartitions: result };
  },
};
