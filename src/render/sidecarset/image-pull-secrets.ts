// imagePullSecrets (spec §5.3): the pod's entries de-duplicated by name (its own duplicates
// are dropped too), then the SidecarSets' entries whose names are new, in SidecarSet order.
import type { V1LocalObjectReference } from '@kubernetes/client-node';

export function mergeSidecarSecrets(pod: readonly V1LocalObjectReference[] | undefined,
  sidecar: readonly V1LocalObjectReference[]): V1LocalObjectReference[] | undefined {
  const seen = new Set<string | undefined>();
  const out: V1LocalObjectReference[] = [];
  for (const s of [...(pod ?? []), ...sidecar]) {
    if (seen.has(s.name)) continue;
    seen.add(s.name);
    out.push(s);
  }
  // Go's nil slice stays nil (the field is omitted) when both lists are empty.
  return out.length || pod ? out : undefined;
}
