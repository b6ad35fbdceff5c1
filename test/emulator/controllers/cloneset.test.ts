// The CloneSet controller in the emulated cluster (spec rollout-semantics.md §3): scaling,
// partitions, maxUnavailable and maxSurge over whole rollouts, in-place updates, and status.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Obj } from '../store.js';
import { podTemplate, testCluster, type TestCluster } from './harness.js';
import { isAvailable } from './pods.js';

let c: TestCluster;
beforeEach(async () => { c = await testCluster(); });
afterEach(async () => { await c.stop(); });

function cloneSet(image: string, replicas: number, rollingUpdate: Obj = {}, extra: Obj = {}): Obj {
  return {
    apiVersion: 'apps.kruise.io/v1beta1', kind: 'CloneSet', metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: podTemplate('web', image, extra), updateStrategy: { rollingUpdate } },
  };
}

const status = () => c.get('apps.kruise.io/v1beta1', 'CloneSet', 'web').status ?? {};
const image = (p: Obj) => p.spec.containers.find((x: Obj) => x.name === 'app').image;

describe('CloneSet controller', () => {
  it('creates its pods, makes them ready, and reports status for the generation it saw', async () => {
    c.apply(cloneSet('app:1', 3));
    await c.until(() => status().readyReplicas === 3);
    const s = status();
    expect(s).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, updatedReadyReplicas: 3, expectedUpdatedReplicas: 3, labelSelector: 'app=web' });
    expect(s.currentRevision).toBe(s.updateRevision);
    expect(c.pods().map((p) => p.metadata.ownerReferences[0].name)).toEqual(['web', 'web', 'web']);
  });

  it('counts a percent partition with Kruise\'s rounding (conformance rollout/001: 99% of 9 keeps 8)', async () => {
    c.apply(cloneSet('app:1', 9, { partition: '99%' }));
    await c.settle();
    expect(status().expectedUpdatedReplicas).toBe(1);
  });

  it('recreates pods within maxUnavailable and stops at the partition, then goes on when it is lowered', async () => {
    c.apply(cloneSet('app:1', 6, { maxUnavailable: 2 }));
    await c.until(() => status().readyReplicas === 6);
    const first = status().updateRevision;
    c.apply(cloneSet('app:2', 6, { maxUnavailable: 2, partition: 2 }));
    let worst = 0;
    await c.until(() => status().updatedReadyReplicas === 4 && status().replicas === 6,
      { each: () => { worst = Math.max(worst, 6 - c.pods().filter(isAvailable).length); } });
    expect(worst).toBe(2);
    await c.tick(); await c.tick();
    expect(c.pods().filter((p) => image(p) === 'app:2')).toHaveLength(4);
    expect(status()).toMatchObject({ observedGeneration: 2, expectedUpdatedReplicas: 4, updatedReplicas: 4, currentRevision: first });

    c.apply(cloneSet('app:2', 6, { maxUnavailable: 2, partition: 0 }));
    await c.until(() => status().updatedReadyReplicas === 6);
    expect(status().currentRevision).toBe(status().updateRevision);
  });

  it('updates images in place under InPlaceIfPossible: same pods, one container restart', async () => {
    c.apply(cloneSet('app:1', 3, { podUpdatePolicy: 'InPlaceIfPossible' }));
    await c.until(() => status().readyReplicas === 3);
    const names = c.pods().map((p) => p.metadata.name);
    c.apply(cloneSet('app:2', 3, { podUpdatePolicy: 'InPlaceIfPossible' }));
    await c.until(() => status().updatedReadyReplicas === 3);
    expect(c.pods().map((p) => p.metadata.name)).toEqual(names);
    expect(c.pods().map((p) => p.status.containerStatuses[0].restartCount)).toEqual([1, 1, 1]);
  });

  it('falls back to recreating pods when more than images change, and refuses under InPlaceOnly', async () => {
    c.apply(cloneSet('app:1', 2, { podUpdatePolicy: 'InPlaceOnly' }));
    await c.until(() => status().readyReplicas === 2);
    c.apply(cloneSet('app:1', 2, { podUpdatePolicy: 'InPlaceOnly' }, { env: [{ name: 'X', value: '1' }] }));
    await c.tick(); await c.tick();
    expect(status().updatedReplicas).toBe(0);
    const ev = c.emu.api.all(c.emu.api.kinds.byPlural('', 'events')!, 'default').find((e) => e.reason === 'FailedUpdatePodInPlace');
    expect(ev?.involvedObject.name).toBe('web');
  });

  it('surges a new pod first when maxSurge allows and keeps every replica available', async () => {
    c.apply(cloneSet('app:1', 4, { maxUnavailable: 0, maxSurge: 1 }));
    await c.until(() => status().readyReplicas === 4);
    c.apply(cloneSet('app:2', 4, { maxUnavailable: 0, maxSurge: 1 }));
    let most = 0, fewest = 4;
    await c.until(() => status().updatedReadyReplicas === 4 && status().replicas === 4, {
      each: () => { most = Math.max(most, c.pods().length); fewest = Math.min(fewest, c.pods().filter(isAvailable).length); },
    });
    expect([most, fewest]).toEqual([5, 4]);
  });

  it('keeps the Progressing condition when progressDeadlineSeconds is set, and times a stuck rollout out', async () => {
    const withDeadline = (image: string, partition: number) => { const o = cloneSet(image, 4, { partition, maxUnavailable: 1 }); o.spec.progressDeadlineSeconds = 2; return o; };
    const progressing = () => (status().conditions ?? []).find((x: Obj) => x.type === 'Progressing');
    c.apply(withDeadline('app:1', 0));
    await c.until(() => progressing()?.reason === 'CloneSetAvailable');
    c.apply(withDeadline('app:2', 2));
    await c.until(() => progressing()?.reason === 'ProgressPartitionAvailable');
    expect(progressing().status).toBe('True');
    // A release whose pods never become ready stops at maxUnavailable and runs out of time.
    c.apply(withDeadline('app:3-never-ready', 2));
    await c.tick(); await c.tick();
    expect(progressing()).toMatchObject({ status: 'True', reason: 'CloneSetUpdated' });
    c.clock.advance(3000);
    await c.settle();
    expect(progressing()).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(status().updatedReadyReplicas).toBe(0);
  });

  it('does not update while paused', async () => {
    c.apply(cloneSet('app:1', 2));
    await c.until(() => status().readyReplicas === 2);
    c.apply(cloneSet('app:2', 2, { paused: true }));
    await c.tick(); await c.tick();
    expect(status()).toMatchObject({ observedGeneration: 2, updatedReplicas: 0 });
  });

  it('reads the v1alpha1 layout (knobs beside the update policy)', async () => {
    const alpha: Obj = { ...cloneSet('app:1', 4), apiVersion: 'apps.kruise.io/v1alpha1' };
    alpha.spec.updateStrategy = { type: 'InPlaceIfPossible', partition: 3 };
    c.apply(alpha);
    await c.until(() => c.get('apps.kruise.io/v1alpha1', 'CloneSet', 'web').status?.readyReplicas === 4);
    alpha.spec.template = podTemplate('web', 'app:2');
    c.apply(alpha);
    await c.until(() => c.get('apps.kruise.io/v1alpha1', 'CloneSet', 'web').status?.updatedReadyReplicas === 1);
    await c.tick(); await c.tick();
    expect(c.get('apps.kruise.io/v1alpha1', 'CloneSet', 'web').status).toMatchObject({ expectedUpdatedReplicas: 1, updatedReplicas: 1 });
  });
});
