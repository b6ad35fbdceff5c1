// Kubernetes' ActivePods order (pkg/controller/controller_utils.go ActivePods.Less), the default
// candidate order of SidecarSet and CloneSet updates: pods that are "least established" first.
import type { SimPod } from '../../../src/plan/pod.js';
import { isPodReady } from '../../../src/plan/pod.js';

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function phaseRank(p: SimPod): number {
  // Any other phase (or none) is absent from upstream's map and therefore ranks 0.
  return PHASE_RANK[p.phase ?? ''] ?? 0;
}

/** afterOrZero: a zero time sorts first, otherwise the later time first. */
function afterOrZero(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined;
  return a > b;
}

/** ActivePods.Less(a, b): should `a` be updated before `b`? */
export function activePodLess(a: SimPod, b: SimPod): boolean {
  const na = a.nodeName ?? '', nb = b.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  if (phaseRank(a) !== phaseRank(b)) return phaseRank(a) < phaseRank(b);
  const ra = isPodReady(a), rb = isPodReady(b);
  if (ra !== rb) return !ra;
  if (ra && rb && a.readySince !== b.readySince) return afterOrZero(a.readySince, b.readySince);
  const ca = a.restarts ?? 0, cb = b.restarts ?? 0;
  if (ca !== cb) return ca > cb;
  if (a.created !== b.created) return afterOrZero(a.created, b.created);
  return false;
}

/** Sort candidate indexes into `pods` by the ActivePods order. Upstream uses an unstable sort
 *  over an informer listing, so exact ties are arbitrary there; we break them by
 *  namespace/name, then by index, so our output is deterministic. */
export function sortByActivePods(pods: readonly SimPod[], indexes: readonly number[]): number[] {
  return [...indexes].sort((i, j) => {
    const a = pods[i], b = pods[j];
    if (activePodLess(a, b)) return -1;
    if (activePodLess(b, a)) return 1;
    const ka = `${a.namespace ?? ''}/${a.name}`, kb = `${b.namespace ?? ''}/${b.name}`;
    if (ka !== kb) return ka < kb ? -1 : 1;
    return i - j;
  });
}
