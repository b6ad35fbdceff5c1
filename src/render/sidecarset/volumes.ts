// Volumes (spec §4.7): a SidecarSet contributes the volumes its injected containers mount or
// use as devices, queued in container order; the pod's own volume of the same name always wins.
import type { SidecarContainer, V1Volume } from './types.js';

/** Queue the SidecarSet volumes named by the container's own mounts, then its own devices.
 *  Unknown names are skipped (upstream only logs them); duplicates are removed at merge. */
export function queueVolumes(c: SidecarContainer, byName: ReadonlyMap<string, V1Volume>, queue: V1Volume[]): void {
  for (const m of c.volumeMounts ?? []) { const v = byName.get(m.name); if (v) queue.push(v); }
  for (const d of c.volumeDevices ?? []) { const v = byName.get(d.name); if (v) queue.push(v); }
}

export function volumesByName(volumes: readonly V1Volume[] | undefined): Map<string, V1Volume> {
  // Go fills the map in order: the last volume of a duplicated name wins.
  const m = new Map<string, V1Volume>();
  for (const v of volumes ?? []) m.set(v.name, v);
  return m;
}

/** util.MergeVolumes: the pod's volumes, then each queued one whose name is new. */
export function mergeVolumes(pod: readonly V1Volume[] | undefined, queued: readonly V1Volume[]): V1Volume[] {
  const out = [...(pod ?? [])];
  const seen = new Set(out.map((v) => v.name));
  for (const v of queued) {
    if (seen.has(v.name)) continue;
    seen.add(v.name);
    out.push(v);
  }
  return out;
}
