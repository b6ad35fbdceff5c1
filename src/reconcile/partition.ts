// How many pods a manifest's partition holds back on the old revision, per kind, counted
// against the live object (replicas, matched pods, subset sizes). Used when a plan changes
// without any workload's template changing (steps edited, a Service touched): like Kruise
// Rollouts with edited steps (spec §6.5), the rollout continues at the first stage that holds
// back no more pods than the cluster does now, rather than raising partitions again.
import type { KubeObject } from '../api/resource.js';
import { calculatePartitionReplicas } from '../k8s/intstr.js';

export type PartitionCount = number | Record<string, number>;

type Loose = Record<string, any>;

export function partitionCount(manifest: KubeObject, live: KubeObject): PartitionCount | undefined {
  const m = manifest as Loose;
  const l = live as Loose;
  const us = m.spec?.updateStrategy ?? {};
  switch (m.kind) {
    case 'CloneSet': {
      const p = m.apiVersion === 'apps.kruise.io/v1beta1' ? us.rollingUpdate?.partition : us.partition;
      const c = calculatePartitionReplicas(p, l.spec?.replicas ?? 1);
      return c.ok ? c.value : undefined;
    }
    case 'StatefulSet':
      return Math.min(Math.max(0, Number(us.rollingUpdate?.partition ?? 0)), l.spec?.replicas ?? 1);
    case 'SidecarSet': {
      const c = calculatePartitionReplicas(us.partition, l.status?.matchedPods ?? 0);
      return c.ok ? c.value : undefined;
    }
    case 'UnitedDeployment': {
      const planned: Record<string, unknown> = us.manualUpdate?.partitions ?? {};
      const out: Record<string, number> = {};
      for (const s of (l.status?.subsetStatuses ?? []) as Loose[]) out[s.name] = Math.min(Number(planned[s.name] ?? 0), Number(s.replicas ?? 0));
      return out;
    }
  }
  return undefined;
}

/** Does `a` hold back no more pods than `b`, everywhere? */
export function holdsNoMore(a: PartitionCount, b: PartitionCount): boolean {
  if (typeof a === 'number' || typeof b === 'number') return typeof a === 'number' && typeof b === 'number' && a <= b;
  return Object.keys({ ...a, ...b }).every((k) => (a[k] ?? 0) <= (b[k] ?? 0));
}
