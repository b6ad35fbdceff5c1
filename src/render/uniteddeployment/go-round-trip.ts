// The controller builds subset workloads as Go objects, so resource quantities come out in
// canonical form (`cpu: 1000m` is "1", `cpu: 0.5` is "500m", a bare number becomes a string;
// spec §4.7). Applied to the container resources of the final pod template.
import { canonicalQuantities } from '../../k8s/quantity.js';
import { isObj, type Obj } from '../../util/json.js';

export function canonicalizeQuantities(podSpec: Obj | undefined): void {
  if (!podSpec) return;
  for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
    const list = podSpec[key];
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      const res = c?.resources;
      if (!res || typeof res !== 'object') continue;
      for (const k of ['limits', 'requests']) if (isObj(res[k])) res[k] = canonicalQuantities(res[k]);
    }
  }
  if (isObj(podSpec.overhead)) podSpec.overhead = canonicalQuantities(podSpec.overhead);
}
