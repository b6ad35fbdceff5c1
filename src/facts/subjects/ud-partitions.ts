// Subject: UnitedDeployment - manualUpdate.partitions copied into each subset workload
// (Kruise uniteddeployment TestAstsRollingUpdatePartition; calcNextPartitions).
import { subsetPartitionsFor } from '../../plan/kinds/ud-partitions.js';
import { checkKeys, FactError, record, type Subject } from '../fact.js';

export const udPartitionsSubject: Subject = {
  id: 'ud-partitions',
  keywords: /united\s*deployment|\bUD\b/i,
  evaluate(given) {
    checkKeys(given, ['subsetReplicas', 'partitions', 'subsets', 'updateStrategyType'], 'ud-partitions');
    const replicas = record(given.subsetReplicas, 'given.subsetReplicas');
    for (const [k, v] of Object.entries(replicas)) if (typeof v !== 'number' || !Number.isInteger(v)) throw new FactError(`given.subsetReplicas.${k} must be an integer`);
    const names = Array.isArray(given.subsets) ? (given.subsets as unknown[]).map((s) => (typeof s === 'string' ? s : String((s as { name?: unknown })?.name))) : Object.keys(replicas);
    const partitions = record(given.partitions, 'given.partitions') as Record<string, number>;
    const manual = given.updateStrategyType === undefined || given.updateStrategyType === 'Manual';
    const result = subsetPartitionsFor(names, manual ? partitions : undefined, replicas as Record<string, number>);
    return { subsetPartition: result, subsetPartitions: result };
  },
};
