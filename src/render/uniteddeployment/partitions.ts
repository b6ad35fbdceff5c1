// Per-subset partition (calcNextPartitions in the UD controller, spec §3): the
// manualUpdate.partitions entry for the subset, or 0 when absent, lowered to the subset's
// allocated replicas when larger. Values are not otherwise range-checked upstream.
import type { SubsetAllocation } from './subset-replicas.js';

export interface SubsetPartition {
  name: string;
  partition: number;
  /** Why, in a sentence. */
  reason: string;
}

export interface PartitionInput {
  spec?: { updateStrategy?: { type?: string; manualUpdate?: { partitions?: Record<string, number> } } };
}

export function subsetPartitions(ud: PartitionInput, allocation: readonly SubsetAllocation[]): SubsetPartition[] {
  const strategy = ud.spec?.updateStrategy;
  const manual = strategy?.type === 'Manual' ? strategy.manualUpdate?.partitions : undefined;
  return allocation.map(({ name, replicas }) => {
    const has = manual != null && Object.prototype.hasOwnProperty.call(manual, name);
    const asked = has ? Number(manual![name]) : 0;
    if (asked > replicas) {
      return { name, partition: replicas, reason: `manualUpdate.partitions asks ${asked}, lowered to the subset's ${replicas} replicas` };
    }
    return { name, partition: asked, reason: has ? 'from manualUpdate.partitions' : 'not listed in manualUpdate.partitions' };
  });
}
