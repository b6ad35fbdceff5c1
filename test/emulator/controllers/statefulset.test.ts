// The StatefulSet controllers in the emulated cluster (spec rollout-semantics.md §4): ordinal
// pods, ordered creation, the update walk from the highest ordinal down to the partition,
// maxUnavailable for Parallel Advanced StatefulSets, in-place updates, and status; with the facts
// of the shared conformance case rollout/007 on the walk's order itself.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SimPod } from '../../../src/plan/pod.js';
import { sortSlotsToUpdate } from '../../../src/plan/kinds/statefulset-update.js';
import type { Obj } from '../store.js';
import { podTemplate, testCluster, type TestCluster } from './harness.js';
import { isAvailable, REVISION_LABEL } from './pods.js';
import { rolloutFacts } from './rollout-facts.js';

describe('conformance rollout/007-asts-update-order: the slots an update visits', () => {
  for (const { given, expect: want } of rolloutFacts('007-asts-update-order')) {
    it(JSON.stringify(given.slots), () => {
      // A slot names the revision its pod runs; null is a reserved ordinal. r1 is the update revision.
      const slots: (SimPod | null)[] = (given.slots as (string | null)[]).map((rev, i) => (rev === null ? null : { name: `slot-${i}`, labels: {}, revision: rev }));
      const ru = { partition: given.partition, unorderedUpdate: given.unorderedUpdate };
      expect(sortSlotsToUpdate(ru, 'r1', given.replicas, slots)).toEqual(want.visitOrder);
    });
  }
});

let c: TestCluster;
beforeEach(async () => { c = await testCluster(); });
afterEach(async () => { await c.stop(); });

function sts(apiVersion: string, image: string, replicas: number, rollingUpdate: Obj = {}, spec: Obj = {}): Obj {
  return {
    apiVersion, kind: 'StatefulSet', metadata: { name: 'db', namespace: 'default' },
    spec: { replicas, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: podTemplate('db', image), updateStrategy: { type: 'RollingUpdate', rollingUpdate }, ...spec },
  };
}

const ASTS = 'apps.kruise.io/v1beta1';
const status = (apiVersion = ASTS) => c.get(apiVersion, 'StatefulSet', 'db').status ?? {};
const names = () => c.pods().map((p) => p.metadata.name).sort();

/** Records the order in which pods first show the given revision. */
function updateOrder(revision: () => string): { seen: string[]; observe(): void } {
  const seen: string[] = [];
  return { seen, observe() { for (const p of c.pods()) if (p.metadata.labels[REVISION_LABEL] === revision() && !seen.includes(p.metadata.name)) seen.push(p.metadata.name); } };
}

describe('Advanced StatefulSet controller', () => {
  it('creates ordinal pods one at a time under OrderedReady', async () => {
    c.apply(sts(ASTS, 'db:1', 3));
    await c.settle();
    expect(names()).toEqual(['db-0']);
    await c.tick();
    expect(names()).toEqual(['db-0', 'db-1']);
    await c.until(() => status().readyReplicas === 3);
    expect(status()).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, updatedReadyReplicas: 3, labelSelector: 'app=db' });
  });

  it('updates from the highest ordinal down and keeps `partition` pods old', async () => {
    c.apply(sts(ASTS, 'db:1', 5, {}, { podManagementPolicy: 'Parallel' }));
    await c.until(() => status().readyReplicas === 5);
    const old = status().currentRevision;
    c.apply(sts(ASTS, 'db:2', 5, { partition: 2 }, { podManagementPolicy: 'Parallel' }));
    await c.settle();
    const order = updateOrder(() => status().updateRevision);
    await c.until(() => status().updatedReadyReplicas === 3, { each: order.observe });
    await c.tick(); await c.tick();
    expect(order.seen).toEqual(['db-4', 'db-3', 'db-2']);
    expect(status()).toMatchObject({ updatedReplicas: 3, currentRevision: old });

    c.apply(sts(ASTS, 'db:2', 5, { partition: 0 }, { podManagementPolicy: 'Parallel' }));
    await c.until(() => status().updatedReadyReplicas === 5, { each: order.observe });
    expect(order.seen).toEqual(['db-4', 'db-3', 'db-2', 'db-1', 'db-0']);
    expect(status().currentRevision).toBe(status().updateRevision);
  });

  it('updates up to maxUnavailable pods at once in place when the set is Parallel', async () => {
    const spec = { podManagementPolicy: 'Parallel' };
    const ru = { podUpdatePolicy: 'InPlaceIfPossible', maxUnavailable: 2 };
    const withGate = (o: Obj) => { o.spec.template.spec.readinessGates = [{ conditionType: 'InPlaceUpdateReady' }]; return o; };
    c.apply(withGate(sts(ASTS, 'db:1', 6, ru, spec)));
    await c.until(() => status().readyReplicas === 6);
    const uids = c.pods().map((p) => p.metadata.uid).sort();
    c.apply(withGate(sts(ASTS, 'db:2', 6, ru, spec)));
    let worst = 0;
    await c.until(() => status().updatedReadyReplicas === 6, { each: () => { worst = Math.max(worst, 6 - c.pods().filter(isAvailable).length); } });
    expect(worst).toBe(2);
    expect(c.pods().map((p) => p.metadata.uid).sort()).toEqual(uids);
  });

  it('skips reserved ordinals', async () => {
    c.apply(sts(ASTS, 'db:1', 3, {}, { podManagementPolicy: 'Parallel', reserveOrdinals: [1] }));
    await c.settle();
    expect(names()).toEqual(['db-0', 'db-2', 'db-3']);
  });
});

describe('StatefulSet controller (apps/v1)', () => {
  it('recreates one pod at a time, highest first, down to the partition; status has no updatedReadyReplicas', async () => {
    c.apply(sts('apps/v1', 'db:1', 3));
    await c.until(() => status('apps/v1').readyReplicas === 3);
    c.apply(sts('apps/v1', 'db:2', 3, { partition: 1 }));
    await c.settle();
    const order = updateOrder(() => status('apps/v1').updateRevision);
    let worst = 0;
    await c.until(() => status('apps/v1').updatedReplicas === 2 && status('apps/v1').readyReplicas === 3, {
      each: () => { order.observe(); worst = Math.max(worst, 3 - c.pods().filter(isAvailable).length); },
    });
    expect(order.seen).toEqual(['db-2', 'db-1']);
    expect(worst).toBe(1);
    expect(status('apps/v1').updatedReadyReplicas).toBeUndefined();
  });

  it('makes the claims of volumeClaimTemplates, bound', async () => {
    c.apply(sts('apps/v1', 'db:1', 1, {}, { volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] }));
    await c.settle();
    expect(c.get('v1', 'PersistentVolumeClaim', 'data-db-0').status.phase).toBe('Bound');
  });
});
