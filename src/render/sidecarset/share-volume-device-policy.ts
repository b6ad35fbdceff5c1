// shareVolumeDevicePolicy (spec §4.6): an enabled sidecar also gets every volumeDevice of the
// app containers, unless its device path is already used by the sidecar.
import type { SidecarContainer, V1Container, V1VolumeDevice } from './types.js';
import { isInjectedContainer } from './share-volume-policy.js';

export function sharedVolumeDevices(c: SidecarContainer, podContainers: readonly V1Container[] | undefined): V1VolumeDevice[] {
  if (c.shareVolumeDevicePolicy?.type !== 'enabled') return [];
  const out: V1VolumeDevice[] = [];
  for (const app of podContainers ?? []) {
    if (isInjectedContainer(app)) continue;
    out.push(...(app.volumeDevices ?? []));
  }
  return out;
}

/** util.MergeVolumeDevices: own devices, then shared ones whose devicePath is not an own
 *  device path, a mountPath of the (already merged) mounts, or an earlier shared path. */
export function mergeVolumeDevices(c: V1Container, additional: readonly V1VolumeDevice[]): V1VolumeDevice[] | undefined {
  const own = c.volumeDevices;
  if (!additional.length) return own;
  const used = new Set<string>();
  for (const d of own ?? []) used.add(d.devicePath);
  for (const m of c.volumeMounts ?? []) used.add(m.mountPath);
  const out = [...(own ?? [])];
  for (const d of additional) {
    if (used.has(d.devicePath)) continue;
    out.push(d);
    used.add(d.devicePath);
  }
  return out;
}
