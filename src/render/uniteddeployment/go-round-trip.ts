// The controller builds subset workloads as Go objects, so resource quantities come out in
// canonical form (`cpu: 1000m` is "1", `cpu: 0.5` is "500m", a bare number becomes a string;
// spec §4.7). Applied to the container resources of the final pod template.
import { canonicalQuantity } from '../../validate/sidecarset/quantity.js';
import { isObj, type Obj } from '../../util/json.js';

export function canonicalizeQuantities(podSpec: Obj | undefined): void {
  if (!podSpec) return;
  for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
    const list = podSpec[key];
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      const res = c?.resources;
      if (!res || typeof res !== 'object') continue;
      for (const k of ['limits', 'requests']) if (isObj(res[k])) res[k] = canonical(res[k]);
    }
  }
  if (isObj(podSpec.overhead)) podSpec.overhead = canonical(podSpec.overhead);
}

function canonical(m: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(m)) out[k] = canonicalQuantity(v) ?? v;
  return out;
}

