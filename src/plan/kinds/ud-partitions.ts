// UnitedDeployment partitions as Kruise writes them into subsets (calcNextPartitions): the
// render phase owns that computation (src/render/uniteddeployment/partitions.ts); plan calls
// it through this adapter from plain name -> number maps.
import { subsetPartitions } from '../../render/index.js';

export function subsetPartitionsFor(subsets: readonly string[], partitions: Readonly<Record<string, number>> | undefined | null, subsetReplicas: Readonly<Record<string, number>>): Record<string, number> {
  const ud = { spec: { updateStrategy: { type: 'Manual', manualUpdate: { partitions: { ...(partitions ?? {}) } } } } };
  // A subset without a computed replica count is never clamped.
  const allocation = subsets.map((name) => ({ name, replicas: subsetReplicas[name] ?? Number.MAX_SAFE_INTEGER, reason: '' }));
  return Object.fromEntries(subsetPartitions(ud, allocation).map((p) => [p.name, p.partition]));
}
