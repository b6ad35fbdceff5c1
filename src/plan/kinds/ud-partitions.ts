// UnitedDeployment partitions (Kruise pkg/controller/uniteddeployment calcNextPartitions):
// manualUpdate.partitions is copied into each subset, subsets absent from the map get 0, and a
// value above the subset's computed replicas is clamped to them. Kept here until the render
// phase's own subsetPartitions lands (src/render/uniteddeployment/partitions.ts).

export function clampSubsetPartitions(subsets: readonly string[], partitions: Readonly<Record<string, number>> | undefined | null, subsetReplicas: Readonly<Record<string, number>>, manual = true): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of subsets) {
    let p = 0;
    if (manual && partitions && Object.prototype.hasOwnProperty.call(partitions, name)) p = partitions[name];
    const r = subsetReplicas[name];
    if (r !== undefined && p > r) p = r;
    out[name] = p;
  }
  return out;
}
