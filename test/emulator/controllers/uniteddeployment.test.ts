// The UnitedDeployment controller in the emulated cluster (spec rollout-semantics.md §5): subset
// workloads as render makes them, manualUpdate.partitions copied into them (the facts of the
// shared conformance case rollout/011), and status summed over the subsets.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Obj } from '../store.js';
import { podTemplate, testCluster, type TestCluster } from './harness.js';
import { rolloutFacts } from './rollout-facts.js';
import { SUBSET_LABEL } from './uniteddeployment.js';

let c: TestCluster;
beforeEach(async () => { c = await testCluster(); });
afterEach(async () => { await c.stop(); });

const UD = 'apps.kruise.io/v1beta1';

/** A UnitedDeployment of `replicas` over subsets given as name -> fixed replicas (or null). */
function ud(image: string, replicas: number, subsets: Record<string, number | null>, partitions: Record<string, number> | undefined, template: 'advancedStatefulSetTemplate' | 'cloneSetTemplate'): Obj {
  const workload: Obj = { metadata: { labels: { app: 'shop' } }, spec: { selector: { matchLabels: { app: 'shop' } }, template: podTemplate('shop', image) } };
  if (template === 'advancedStatefulSetTemplate') workload.spec.podManagementPolicy = 'Parallel';
  return {
    apiVersion: UD, kind: 'UnitedDeployment', metadata: { name: 'shop', namespace: 'default' },
    spec: {
      replicas, selector: { matchLabels: { app: 'shop' } },
      template: { [template]: workload },
      topology: { subsets: Object.entries(subsets).map(([name, n]) => ({ name, ...(n === null ? {} : { replicas: n }) })) },
      updateStrategy: { type: 'Manual', ...(partitions ? { manualUpdate: { partitions } } : {}) },
    },
  };
}

const status = () => c.get(UD, 'UnitedDeployment', 'shop').status ?? {};

function subsets(apiVersion: string, kind: string): Obj[] {
  const k = c.emu.api.kinds.forObject(apiVersion, kind)!;
  return c.emu.api.all(k, 'default').sort((a, b) => (a.metadata.labels[SUBSET_LABEL] < b.metadata.labels[SUBSET_LABEL] ? -1 : 1));
}

describe('conformance rollout/011-uniteddeployment-partitions: partitions copied into the subset workloads', () => {
  for (const { given, expect: want } of rolloutFacts('011-uniteddeployment-partitions')) {
    it(JSON.stringify(given.partitions), async () => {
      const sizes: Record<string, number> = given.subsetReplicas;
      const total = Object.values(sizes).reduce((a, b) => a + b, 0);
      c.apply(ud('shop:1', total, sizes, given.partitions, 'advancedStatefulSetTemplate'));
      await c.settle();
      const got = Object.fromEntries(subsets('apps.kruise.io/v1beta1', 'StatefulSet').map((s) => [s.metadata.labels[SUBSET_LABEL], s.spec.updateStrategy.rollingUpdate.partition]));
      expect(got).toEqual(want.subsetPartition);
      expect(Object.fromEntries(status().subsetStatuses.map((s: Obj) => [s.name, s.partition]))).toEqual(want.subsetPartition);
    });
  }
});

describe('UnitedDeployment controller', () => {
  it('makes one workload per subset with the allocated replicas and sums their status', async () => {
    c.apply(ud('shop:1', 10, { a: 4, b: null, c: null }, { c: 3 }, 'cloneSetTemplate'));
    await c.until(() => status().readyReplicas === 10);
    const made = subsets('apps.kruise.io/v1beta1', 'CloneSet');
    expect(made.map((s) => [s.metadata.labels[SUBSET_LABEL], s.spec.replicas])).toEqual([['a', 4], ['b', 3], ['c', 3]]);
    expect(made.every((s) => s.metadata.ownerReferences[0].kind === 'UnitedDeployment')).toBe(true);
    expect(status()).toMatchObject({ observedGeneration: 1, replicas: 10, updatedReplicas: 10, updatedReadyReplicas: 10 });
    expect(status().currentRevision).toBe(status().updatedRevision);
  });

  it('rolls a template change into every subset, held back where a partition says so', async () => {
    c.apply(ud('shop:1', 6, { a: 3, b: 3 }, undefined, 'cloneSetTemplate'));
    await c.until(() => status().readyReplicas === 6);
    const before = status().updatedRevision;
    c.apply(ud('shop:2', 6, { a: 3, b: 3 }, { b: 3 }, 'cloneSetTemplate'));
    await c.until(() => status().updatedReadyReplicas === 3);
    await c.tick(); await c.tick();
    expect(status().updatedRevision).not.toBe(before);
    expect(status()).toMatchObject({ observedGeneration: 2, updatedReplicas: 3, currentRevision: before });
    const images = (name: string) => c.pods().filter((p) => p.metadata.labels[SUBSET_LABEL] === name).map((p) => p.spec.containers[0].image);
    expect([images('a'), images('b')]).toEqual([['shop:2', 'shop:2', 'shop:2'], ['shop:1', 'shop:1', 'shop:1']]);

    c.apply(ud('shop:2', 6, { a: 3, b: 3 }, {}, 'cloneSetTemplate'));
    await c.until(() => status().updatedReadyReplicas === 6);
    expect(status().currentRevision).toBe(status().updatedRevision);
  });

  it('removes the workload of a subset taken out of the topology', async () => {
    c.apply(ud('shop:1', 4, { a: 2, b: 2 }, undefined, 'cloneSetTemplate'));
    await c.settle();
    c.apply(ud('shop:1', 4, { a: 4 }, undefined, 'cloneSetTemplate'));
    await c.settle();
    expect(subsets('apps.kruise.io/v1beta1', 'CloneSet').map((s) => s.metadata.labels[SUBSET_LABEL])).toEqual(['a']);
  });
});
