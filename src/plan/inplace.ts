// Can Kruise update a pod in place for this template change? (spec rollout-semantics.md §1.5,
// Kruise pkg/util/inplaceupdate.) Only template metadata, container image replacement and,
// under the alpha gate InPlaceWorkloadVerticalScaling with an unchanged QoS class, container
// resources can change in place; anything else recreates the pod.
import { sameJson } from '../util/json.js';
import { type Obj } from '../util/json.js';

export interface InPlaceVerdict {
  inPlace: boolean;
  /** Why not, naming the first field that forces a recreate. */
  reason?: string;
  /** Containers whose image changes. */
  images: string[];
}

export function inPlaceVerdict(oldTpl: Obj | undefined, newTpl: Obj | undefined, opts: { verticalScaling?: boolean } = {}): InPlaceVerdict {
  const os = (oldTpl?.spec ?? {}) as Obj, ns = (newTpl?.spec ?? {}) as Obj;
  const images: string[] = [];
  const keys = new Set([...Object.keys(os), ...Object.keys(ns)]);
  for (const k of [...keys].sort()) {
    if (k === 'containers') continue;
    if (!sameJson(os[k], ns[k])) return { inPlace: false, reason: `spec.${k} changed`, images };
  }
  const oc: Obj[] = Array.isArray(os.containers) ? os.containers : [];
  const nc: Obj[] = Array.isArray(ns.containers) ? ns.containers : [];
  if (oc.length !== nc.length) return { inPlace: false, reason: 'containers were added or removed', images };
  let resources = false;
  for (let i = 0; i < nc.length; i++) {
    const a = oc[i] ?? {}, b = nc[i] ?? {};
    if (a.name !== b.name) return { inPlace: false, reason: `container #${i} was renamed or moved`, images };
    const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const f of [...fields].sort()) {
      if (sameJson(a[f], b[f])) continue;
      if (f === 'image') {
        // Only a replace is in place: an image that appears or disappears is an add/remove op.
        if (typeof a.image !== 'string' || typeof b.image !== 'string') return { inPlace: false, reason: `container ${b.name}: image added or removed`, images };
        images.push(b.name);
      } else if (f === 'resources') {
        resources = true;
        if (!opts.verticalScaling) return { inPlace: false, reason: `container ${b.name}: resources changed (in place only with gate InPlaceWorkloadVerticalScaling)`, images };
      } else {
        return { inPlace: false, reason: `container ${b.name}: ${f} changed`, images };
      }
    }
  }
  if (resources && qosClass(os) !== qosClass(ns)) return { inPlace: false, reason: 'resources change the pod QoS class', images };
  return { inPlace: true, images };
}

/** Pod QoS class from container requests/limits (Guaranteed, Burstable, BestEffort). */
export function qosClass(spec: Obj): string {
  const cs: Obj[] = [...(Array.isArray(spec.initContainers) ? spec.initContainers : []), ...(Array.isArray(spec.containers) ? spec.containers : [])];
  let any = false, guaranteed = cs.length > 0;
  for (const c of cs) {
    const req = (c.resources?.requests ?? {}) as Obj, lim = (c.resources?.limits ?? {}) as Obj;
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined) { guaranteed = false; continue; }
      if (req[r] !== undefined && String(req[r]) !== String(lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** SidecarSet: existing pods only get image swaps. Is this container change image-only? */
export function sidecarImageOnly(oldContainers: Obj[] | undefined, newContainers: Obj[] | undefined): { imageOnly: boolean; reason?: string } {
  const byName = (cs: Obj[] | undefined) => new Map((cs ?? []).map((c) => [c.name as string, c]));
  const a = byName(oldContainers), b = byName(newContainers);
  if (a.size !== b.size || [...b.keys()].some((n) => !a.has(n))) return { imageOnly: false, reason: 'sidecar containers were added or removed' };
  for (const [name, nc] of b) {
    const oc = a.get(name)!;
    const { image: _i1, ...ro } = oc, { image: _i2, ...rn } = nc;
    if (!sameJson(ro, rn)) {
      const f = [...new Set([...Object.keys(ro), ...Object.keys(rn)])].sort().find((k) => !sameJson(ro[k], rn[k]));
      return { imageOnly: false, reason: `sidecar container ${name}: ${f} changed` };
    }
  }
  return { imageOnly: true };
}
