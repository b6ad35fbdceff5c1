// The SidecarSet controller in the emulated cluster (spec rollout-semantics.md §2): sidecars
// injected into new pods by the webhook, in-place image upgrades within partition and
// maxUnavailable, pods that need recreation marked, and status.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Obj } from '../store.js';
import { podTemplate, testCluster, type TestCluster } from './harness.js';
import { containerStatus, isRunningAndReady } from './pods.js';
import { UPGRADABLE } from './sidecarset.js';

let c: TestCluster;
beforeEach(async () => { c = await testCluster(); });
afterEach(async () => { await c.stop(); });

function sidecarSet(image: string, updateStrategy: Obj = {}, env?: Obj[]): Obj {
  return {
    apiVersion: 'apps.kruise.io/v1beta1', kind: 'SidecarSet', metadata: { name: 'log' },
    spec: { selector: { matchLabels: { app: 'web' } }, updateStrategy, containers: [{ name: 'log', image, ...(env ? { env } : {}) }] },
  };
}

function cloneSet(replicas: number): Obj {
  return {
    apiVersion: 'apps.kruise.io/v1beta1', kind: 'CloneSet', metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: podTemplate('web', 'app:1') },
  };
}

const status = () => c.get('apps.kruise.io/v1beta1', 'SidecarSet', 'log').status ?? {};
const sidecarImage = (p: Obj) => p.spec.containers.find((x: Obj) => x.name === 'log')?.image;

async function sixPods(strategy: Obj = {}) {
  c.apply(sidecarSet('log:1', strategy));
  c.apply(cloneSet(6));
  await c.until(() => status().updatedReadyPods === 6);
}

describe('SidecarSet controller', () => {
  it('injects into new pods and counts them', async () => {
    await sixPods();
    expect(status()).toMatchObject({ observedGeneration: 1, matchedPods: 6, updatedPods: 6, readyPods: 6, updatedReadyPods: 6 });
    expect(c.pods().map(sidecarImage)).toEqual(Array(6).fill('log:1'));
  });

  it('upgrades images in place within maxUnavailable and keeps `partition` pods old', async () => {
    await sixPods();
    const uids = c.pods().map((p) => p.metadata.uid);
    c.apply(sidecarSet('log:2', { maxUnavailable: 2, partition: 2 }));
    let worst = 0;
    await c.until(() => status().updatedReadyPods === 4, {
      each: () => { worst = Math.max(worst, c.pods().filter((p) => sidecarImage(p) === 'log:2' && !(isRunningAndReady(p) && containerStatus(p, 'log')?.image === 'log:2')).length); },
    });
    await c.tick(); await c.tick();
    expect(worst).toBe(2);
    expect(status()).toMatchObject({ observedGeneration: 2, matchedPods: 6, updatedPods: 4 });
    expect(c.pods().map((p) => p.metadata.uid)).toEqual(uids);

    c.apply(sidecarSet('log:2', { maxUnavailable: 2 }));
    await c.until(() => status().updatedReadyPods === 6);
    expect(c.pods().map(sidecarImage)).toEqual(Array(6).fill('log:2'));
  });

  it('upgrades only the pods a canary selector picks', async () => {
    await sixPods();
    const [first] = c.pods();
    c.emu.api.patch({ kind: c.emu.api.kinds.byPlural('', 'pods')!, version: 'v1', namespace: 'default', name: first.metadata.name },
      'application/merge-patch+json', { metadata: { labels: { canary: 'yes' } } }, { fieldManager: 'test' });
    c.apply(sidecarSet('log:2', { selector: { matchLabels: { canary: 'yes' } } }));
    await c.until(() => status().updatedReadyPods === 1);
    await c.tick(); await c.tick();
    expect(c.pods().filter((p) => sidecarImage(p) === 'log:2').map((p) => p.metadata.name)).toEqual([first.metadata.name]);
  });

  it('marks pods whose sidecar changes beyond its image as not upgradable and leaves them alone', async () => {
    await sixPods();
    c.apply(sidecarSet('log:1', {}, [{ name: 'LEVEL', value: 'debug' }]));
    await c.tick(); await c.tick();
    expect(status()).toMatchObject({ matchedPods: 6, updatedPods: 0 });
    expect(c.pods().map((p) => p.status.conditions.find((x: Obj) => x.type === UPGRADABLE)?.status)).toEqual(Array(6).fill('False'));
    const events = c.emu.api.all(c.emu.api.kinds.byPlural('', 'events')!, 'default');
    expect(events.find((e) => e.reason === 'NotUpgradablePods')?.involvedObject.name).toBe('log');
  });

  it('does nothing to existing pods under NotUpdate or paused', async () => {
    await sixPods();
    c.apply(sidecarSet('log:2', { type: 'NotUpdate' }));
    await c.tick(); await c.tick();
    expect(status().updatedPods).toBe(0);
    c.apply(sidecarSet('log:2', { paused: true }));
    await c.tick(); await c.tick();
    expect(status()).toMatchObject({ observedGeneration: 3, updatedPods: 0 });
  });
});
