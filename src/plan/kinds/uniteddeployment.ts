// UnitedDeployment in a plan: per-subset partitions in spec.updateStrategy.manualUpdate.partitions.
// Kruise copies each value into its subset workload, clamped to that subset's replicas; a
// percent step across subsets is kruisec's own rule (spec rollout-semantics.md §5.3): each
// subset releases ceil(p% x n_i), as Kruise Rollouts would if the subset were its own workload.
import { batchReplicas } from '../batch.js';
import type { IntOrString } from '../../k8s/intstr.js';
import { clampSubsetPartitions } from './ud-partitions.js';

/** What Kruise writes into each subset for the given manualUpdate.partitions. */
export function subsetPartitionsFor(subsets: readonly string[], partitions: Readonly<Record<string, number>> | undefined, subsetReplicas: Readonly<Record<string, number>>): Record<string, number> {
  return clampSubsetPartitions(subsets, partitions, subsetReplicas);
}

/** The partitions kruisec compiles for one step: per subset, n_i - min(n_i, ceil(step x n_i))
 *  for a percent step. An int step is applied per subset the same way (each subset releases
 *  up to that many pods), which keeps the rule one rule; documented in docs/plan.md. */
export function stagedSubsetPartitions(subsetReplicas: Readonly<Record<string, number>>, step: IntOrString): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, n] of Object.entries(subsetReplicas)) out[name] = n - batchReplicas(step, n);
  return out;
}
