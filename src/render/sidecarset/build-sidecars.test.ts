import { describe, expect, it } from 'vitest';
import { buildSidecars } from './build-sidecars.js';
import type { PodView, SidecarSetObject, SidecarSetSpec } from './types.js';

const pod: PodView = {
  metadata: { name: 'test-pod', namespace: 'default', labels: { app: 'nginx' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.15.1', volumeMounts: [{ name: 'volume-a', mountPath: '/a/b' }] }] },
};
const ss = (spec: SidecarSetSpec): SidecarSetObject => ({ apiVersion: 'apps.kruise.io/v1beta1', kind: 'SidecarSet', metadata: { name: 'ss' }, spec });
const volumes = (spec: SidecarSetSpec) => {
  const r = buildSidecars(pod, [ss(spec)]);
  if (!r.ok) throw new Error('build failed');
  return r.built.volumes.map((v) => v.name);
};

// Upstream sidecarset_test.go TestBuildSidecarVolumes_WithDifferentVolumeScenarios.
describe('buildSidecars volumes', () => {
  it('names missing from spec.volumes are skipped', () => {
    expect(volumes({
      initContainers: [{ name: 'i', volumeMounts: [{ name: 'volume-1', mountPath: '/x' }], volumeDevices: [{ name: 'disk0', devicePath: '/dev/nvme0' }] }],
      containers: [{ name: 'c', volumeDevices: [{ name: 'disk0', devicePath: '/dev/nvme1' }] }],
      volumes: [{ name: 'volume-a1' }, { name: 'volume-b2' }],
    })).toEqual([]);
  });
  it('queues init mounts, init devices, then container mounts and devices (duplicates kept)', () => {
    expect(volumes({
      initContainers: [{ name: 'i', volumeMounts: [{ name: 'volume-1', mountPath: '/a/b' }, { name: 'volume-2', mountPath: '/c/d' }], volumeDevices: [{ name: 'disk0', devicePath: '/dev/nvme0' }] }],
      containers: [{ name: 'c', volumeMounts: [{ name: 'volume-3', mountPath: '/a/b' }, { name: 'volume-1', mountPath: '/c/d' }], volumeDevices: [{ name: 'disk1', devicePath: '/dev/nvme1' }] }],
      volumes: [{ name: 'volume-1' }, { name: 'volume-2' }, { name: 'volume-3' }, { name: 'disk0' }, { name: 'disk1' }],
    })).toEqual(['volume-1', 'volume-2', 'disk0', 'volume-3', 'volume-1', 'disk1']);
  });
});

describe('buildSidecars containers', () => {
  const r = buildSidecars(pod, [ss({
    initContainers: [{ name: 'plain', image: 'p' }, { name: 'native', image: 'n', restartPolicy: 'Always', podInjectPolicy: 'BeforeAppContainer' }],
    containers: [{ name: 'c', image: 'c', env: [{ name: 'IS_INJECTED', value: 'no' }], podInjectPolicy: 'AfterAppContainer', shareVolumePolicy: { type: 'enabled' }, upgradeStrategy: { upgradeType: 'ColdUpgrade' }, transferEnv: [] }],
    imagePullSecrets: [{ name: 's' }],
  })]);
  if (!r.ok) throw new Error('build failed');
  const b = r.built;
  it('drops the Kruise fields, writes resources {} and appends IS_INJECTED even when present', () => {
    expect(b.containers[0]).toEqual({
      container: { name: 'c', image: 'c', resources: {}, env: [{ name: 'IS_INJECTED', value: 'no' }, { name: 'IS_INJECTED', value: 'true' }], volumeMounts: [{ name: 'volume-a', mountPath: '/a/b' }] },
      podInjectPolicy: 'AfterAppContainer',
    });
  });
  it('sidecarList holds native init containers and containers only', () => {
    expect(b.sidecarLists.get('ss')).toEqual(['c', 'native']);
    expect(b.initContainers.map((c) => [c.container.name, c.podInjectPolicy])).toEqual([['plain', undefined], ['native', 'BeforeAppContainer']]);
    expect(b.secrets).toEqual([{ name: 's' }]);
  });
});

describe('buildSidecars sharing', () => {
  const other: PodView = { metadata: { name: 'other', namespace: 'default' }, spec: { containers: [{ name: 'web', env: [{ name: 'TZ', value: 'UTC' }] }] } };
  const containers = (p: PodView, set: SidecarSetObject) => {
    const r = buildSidecars(p, [set]);
    if (!r.ok) throw new Error('build failed');
    return r.built.containers.map((c) => c.container);
  };

  it('gives every pod the same frozen container when the sidecar reads nothing from the pod', () => {
    const set = ss({ containers: [{ name: 'proxy', image: 'envoy:1', env: [{ name: 'A', value: '1' }] }] });
    const [a] = containers(pod, set);
    const [b] = containers(other, set);
    expect(a).toBe(b);
    expect(Object.isFrozen(a) && Object.isFrozen(a.env)).toBe(true);
    expect(a).toEqual({ name: 'proxy', image: 'envoy:1', env: [{ name: 'A', value: '1' }, { name: 'IS_INJECTED', value: 'true' }], resources: {} });
  });

  it('builds a container per pod when it transfers env or shares mounts', () => {
    const transfer = ss({ containers: [{ name: 'log', transferEnv: [{ sourceContainerName: 'web', envName: 'TZ' }] }] });
    const [a] = containers(pod, transfer);
    const [b] = containers(other, transfer);
    expect(a).not.toBe(b);
    expect(b.env).toContainEqual({ name: 'TZ', value: 'UTC' });
    const share = ss({ containers: [{ name: 'log', shareVolumePolicy: { type: 'enabled' } }] });
    expect(containers(pod, share)[0].volumeMounts).toEqual([{ name: 'volume-a', mountPath: '/a/b' }]);
    expect(containers(other, share)[0].volumeMounts).toBeUndefined();
  });
});
