// shareVolumeDevicePolicy (spec §4.6): an enabled sidecar also gets every volumeDevice of the
// app containers, unless its device path is already used by the sidecar.
import type { SidecarContainer, V1Container, V1VolumeDevice } from './types.js';
import { isInjectedContainer, mergeByPath } from './share-volume-policy.js';

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
  return mergeByPath(c.volumeDevices, additional, (d) => d.devicePath, (c.volumeMounts ?? []).map((m) => m.mountPath));
}
