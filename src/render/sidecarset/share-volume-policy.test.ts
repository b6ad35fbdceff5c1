import { describe, expect, it } from 'vitest';
import { mergeVolumeDevices, sharedVolumeDevices } from './share-volume-device-policy.js';
import { isInjectedContainer, mergeVolumeMounts, sharedMountsAndEnvs } from './share-volume-policy.js';
import type { V1Container } from './types.js';

const app: V1Container = {
  name: 'nginx', image: 'nginx',
  env: [{ name: 'POD_NAME', value: 'bar' }],
  volumeMounts: [{ name: 'volume-a', mountPath: '/a/b' }, { name: 'volume-b', mountPath: '/e/f', subPathExpr: '$(POD_NAME)/$(POD_NAME)' }],
  volumeDevices: [{ name: 'origin-pvc-1', devicePath: '/origin-1' }, { name: 'origin-pvc-share', devicePath: '/share' }],
};
const injected: V1Container = { name: 'old', image: 'x', env: [{ name: 'IS_INJECTED', value: 'true' }], volumeMounts: [{ name: 'z', mountPath: '/z' }], volumeDevices: [{ name: 'z', devicePath: '/zd' }] };

describe('shareVolumePolicy', () => {
  it('disabled shares nothing', () => {
    expect(sharedMountsAndEnvs({ name: 's', shareVolumePolicy: { type: 'disabled' } }, [app])).toEqual({ mounts: [], envs: [] });
  });
  it('enabled shares every app mount and the envs of subPathExpr references, once per reference', () => {
    const r = sharedMountsAndEnvs({ name: 's', shareVolumePolicy: { type: 'enabled' } }, [app, injected]);
    expect(r.mounts.map((m) => m.mountPath)).toEqual(['/a/b', '/e/f']);
    expect(r.envs).toEqual([{ name: 'POD_NAME', value: 'bar' }, { name: 'POD_NAME', value: 'bar' }]);
  });
  it('the merge skips paths the sidecar uses as mounts or devices (first shared path wins)', () => {
    const sidecar: V1Container = { name: 's', volumeMounts: [{ name: 'own', mountPath: '/a/b' }], volumeDevices: [{ name: 'd', devicePath: '/e/f' }] };
    expect(mergeVolumeMounts(sidecar, [{ name: 'x', mountPath: '/a/b' }, { name: 'y', mountPath: '/e/f' }, { name: 'z', mountPath: '/n' }, { name: 'w', mountPath: '/n' }]))
      .toEqual([{ name: 'own', mountPath: '/a/b' }, { name: 'z', mountPath: '/n' }]);
  });
  it('IS_INJECTED must be exactly "true" on the first such env', () => {
    expect(isInjectedContainer(injected)).toBe(true);
    expect(isInjectedContainer({ name: 'x', env: [{ name: 'IS_INJECTED', value: 'True' }] })).toBe(false);
    expect(isInjectedContainer({ name: 'x', env: [{ name: 'IS_INJECTED', value: 'false' }, { name: 'IS_INJECTED', value: 'true' }] })).toBe(false);
  });
});

// Upstream TestGetInjectedVolumeDevices / TestPodVolumeDevicesAppend.
describe('shareVolumeDevicePolicy', () => {
  it('absent or disabled shares nothing', () => {
    expect(sharedVolumeDevices({ name: 's' }, [app])).toEqual([]);
    expect(sharedVolumeDevices({ name: 's', shareVolumeDevicePolicy: { type: 'disabled' } }, [app])).toEqual([]);
  });
  it('enabled shares the app containers\' devices, not those of injected containers', () => {
    expect(sharedVolumeDevices({ name: 's', shareVolumeDevicePolicy: { type: 'enabled' } }, [app, injected]).map((d) => d.devicePath)).toEqual(['/origin-1', '/share']);
  });
  it('the merge skips device paths used by own devices or by the merged mounts', () => {
    const sidecar: V1Container = { name: 's', volumeDevices: [{ name: 'disk0', devicePath: '/dev/nvme0' }], volumeMounts: [{ name: 'm', mountPath: '/share' }] };
    expect(mergeVolumeDevices(sidecar, app.volumeDevices!)).toEqual([{ name: 'disk0', devicePath: '/dev/nvme0' }, { name: 'origin-pvc-1', devicePath: '/origin-1' }]);
  });
});
