// Cases of Kruise pkg/controller/cloneset/sync: TestCalculateUpdateCount (run, as upstream,
// with CloneSetPartitionRollback on), TestSortUpdateIndexes and part of
// TestCalculateDiffsWithExpectation; and the facts of the shared conformance cases
// rollout/001 and rollout/006.
import { describe, expect, it } from 'vitest';
import type { SimPod } from '../../../src/plan/pod.js';
import { calculateDiffs, cloneSetKnobs, limitUpdateIndexes, sortUpdateIndexes, updateRound, type CloneSetRollingUpdate } from './cloneset-update.js';
import { rolloutFacts } from './rollout-facts.js';

const ready = (): SimPod => ({ name: 'p', labels: {}, phase: 'Running', readyCondition: true });
const empty = (): SimPod => ({ name: 'p', labels: {} });

describe('update count (TestCalculateUpdateCount)', () => {
  const R = (o: Partial<CloneSetRollingUpdate> = {}): CloneSetRollingUpdate => ({ podUpdatePolicy: 'ReCreate', ...o });
  const cases: [CloneSetRollingUpdate, number, number[], SimPod[], number][] = [
    [R(), 3, [0, 1, 2], [ready(), ready(), ready()], 1],
    [R(), 3, [0, 1, 2], [ready(), empty(), ready()], 0],
    [R(), 3, [0, 1, 2], [empty(), ready(), ready()], 1],
    [R(), 10, [0, 1, 2, 3, 4, 5, 6, 7, 8], [empty(), ready(), ready(), ready(), ready(), ready(), ready(), ready(), empty(), ready()], 1],
    [R({ partition: 2, maxUnavailable: 3 }), 3, [0, 1], [empty(), ready(), ready()], 0],
    [R({ partition: 2, maxUnavailable: 3 }), 8, [0, 1, 2, 3, 4, 5, 6], Array.from({ length: 8 }, ready), 3],
    [R({ partition: 0, maxUnavailable: 2 }), 5, [0, 1, 2, 3, 4], Array.from({ length: 5 }, empty), 2],
    [R({ partition: 0, maxUnavailable: 2 }), 5, [0, 1, 2], Array.from({ length: 5 }, empty), 0],
    [R({ partition: 0, maxUnavailable: 2 }), 5, [0, 1, 2], [empty(), empty(), empty(), ready(), empty()], 1],
    [R({ partition: 0, maxUnavailable: 2, maxSurge: 1 }), 5, [0, 1, 2, 3, 4], Array.from({ length: 6 }, empty), 2],
    [R({ partition: 0, maxUnavailable: 2, maxSurge: 1 }), 5, [0, 1, 2, 3], [empty(), empty(), empty(), empty(), ready(), empty()], 2],
    [R({ partition: 0, maxUnavailable: 2, maxSurge: 1 }), 5, [0, 1, 2], [empty(), empty(), empty(), empty(), ready(), empty()], 1],
    [R({ partition: 0, maxUnavailable: 2, maxSurge: 1 }), 5, [0, 1, 2], Array.from({ length: 6 }, empty), 0],
    [R({ partition: 7, maxUnavailable: 3 }), 8, [0, 1, 2], [ready(), ready(), ready(), empty(), empty(), empty(), empty(), empty()], 3],
    [R({ maxUnavailable: 2, maxSurge: 1 }), 4, [0, 1], Array.from({ length: 5 }, ready), 1],
    [R({ maxUnavailable: 2, maxSurge: 1 }), 4, [0, 1, 2, 3], Array.from({ length: 6 }, ready), 2],
  ];
  cases.forEach(([ru, replicas, oldIdx, pods, want], n) => it(`case #${n}`, () => {
    const olds = new Set(oldIdx);
    pods.forEach((p, i) => { p.revision = olds.has(i) ? 'current' : 'updated'; });
    const diffs = calculateDiffs({ replicas, rollingUpdate: ru, partitionRollback: true }, pods, 'current', 'updated');
    const newIdx = pods.flatMap((_, i) => (olds.has(i) ? [] : [i]));
    const waiting = diffs.updateNum > 0 ? oldIdx : diffs.updateNum < 0 ? newIdx : [];
    const target = diffs.updateNum > 0 ? 'updated' : diffs.updateNum < 0 ? 'current' : '';
    expect(limitUpdateIndexes(diffs, waiting, pods, target).length).toBe(want);
  }));
});

describe('candidate order (TestSortUpdateIndexes)', () => {
  it('pending and not-ready first', () => {
    const pods: SimPod[] = [
      { name: 'a', labels: {}, phase: 'Pending', readyCondition: true },
      { name: 'b', labels: {}, phase: 'Pending' },
      { name: 'c', labels: {}, phase: 'Pending' },
      { name: 'd', labels: {}, phase: 'Running', readyCondition: true },
      { name: 'e', labels: {}, phase: 'Running' },
    ];
    expect(sortUpdateIndexes({ podUpdatePolicy: 'ReCreate' }, pods, [0, 1, 3, 4])).toEqual([1, 0, 4, 3]);
  });
  it('moves PreparingUpdate pods to the front', () => {
    const pods: SimPod[] = [
      { name: 'a', labels: {}, phase: 'Running' },
      { name: 'b', labels: {}, phase: 'Running', readyCondition: true, lifecycleState: 'PreparingUpdate' },
    ];
    expect(sortUpdateIndexes(undefined, pods, [0, 1])).toEqual([1, 0]);
  });
});

describe('diffs (TestCalculateDiffsWithExpectation)', () => {
  const pod = (rev: string, isReady: boolean): SimPod => ({ name: 'p', labels: {}, revision: rev, lifecycleState: 'Normal', ...(isReady ? { phase: 'Running', readyCondition: true } : {}) });
  const run = (replicas: number, ru: CloneSetRollingUpdate, pods: SimPod[]) => {
    const d = calculateDiffs({ replicas, rollingUpdate: ru, partitionRollback: true }, pods, 'old', 'new');
    const { partition: _p, maxSurge: _s, maxUnavailable: _u, ...rest } = d;
    return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== 0));
  };
  const olds = (n: number) => Array.from({ length: n }, () => pod('old', true));
  const news = (n: number) => Array.from({ length: n }, () => pod('new', true));
  it('partition 3, step 1..3', () => {
    const ru = { partition: 3, maxUnavailable: 1, maxSurge: 0 };
    expect(run(5, ru, olds(5))).toEqual({ updateNum: 2, updateMaxUnavailable: 1 });
    expect(run(5, ru, [...news(1), ...olds(4)])).toEqual({ updateNum: 1, updateMaxUnavailable: 1 });
    expect(run(5, ru, [...news(2), ...olds(3)])).toEqual({});
  });
  it('rollback partition 4 with the rollback gate', () => {
    const ru = { partition: 4, maxUnavailable: 2, maxSurge: 0 };
    expect(run(5, ru, [...news(4), ...olds(1)])).toEqual({ updateNum: -3, updateMaxUnavailable: 2 });
    expect(run(5, ru, [...news(2), ...olds(3)])).toEqual({ updateNum: -1, updateMaxUnavailable: 2 });
    expect(run(5, ru, [...news(1), ...olds(4)])).toEqual({});
  });
  it('rollback does nothing without the gate', () => {
    const d = calculateDiffs({ replicas: 5, rollingUpdate: { partition: 4, maxUnavailable: 2, maxSurge: 0 } }, [...news(4), ...olds(1)], 'old', 'new');
    expect(d.updateNum).toBe(0);
  });
  it('partition 99% with maxUnavailable 3 / maxSurge 2', () => {
    const ru = { partition: '99%', maxUnavailable: 3, maxSurge: 2 };
    expect(run(5, ru, olds(5))).toEqual({ scaleUpNum: 1, useSurge: 1, updateNum: 1, updateMaxUnavailable: 3, scaleUpLimit: 1 });
    expect(run(5, ru, [...olds(5), pod('new', false)])).toEqual({ scaleDownNum: 1, scaleDownNumOldRevision: 1, deleteReadyLimit: 3 });
    expect(run(5, ru, [...olds(4), pod('new', false)])).toEqual({});
  });
  it('partition 99% with maxUnavailable 40% / maxSurge 30%', () => {
    const ru = { partition: '99%', maxUnavailable: '40%', maxSurge: '30%' };
    expect(run(5, ru, olds(5))).toEqual({ scaleUpNum: 1, useSurge: 1, updateNum: 1, updateMaxUnavailable: 2, scaleUpLimit: 1 });
    expect(run(5, ru, [...olds(5), pod('new', false)])).toEqual({ scaleDownNum: 1, scaleDownNumOldRevision: 1, deleteReadyLimit: 2 });
  });
});

describe('conformance rollout/001-partition-percent-rounding: pods a partition keeps on the old revision', () => {
  for (const { given, expect: want } of rolloutFacts('001-partition-percent-rounding')) {
    it(`partition ${JSON.stringify(given.partition)} of ${given.replicas} replicas`, () => {
      expect(cloneSetKnobs({ replicas: given.replicas, rollingUpdate: { partition: given.partition } }).partition).toBe(want.oldPods);
    });
  }
});

describe('conformance rollout/006-cloneset-update-limit: one update round of a CloneSet', () => {
  // Pods as Kruise's test builds them: "ready" is Running and Ready, "unavailable" an empty pod.
  const podsFrom = (g: Record<string, number>): SimPod[] => [
    ...Array.from({ length: g.oldReadyPods ?? 0 }, () => ({ ...ready(), revision: 'current' })),
    ...Array.from({ length: g.oldUnavailablePods ?? 0 }, () => ({ ...empty(), revision: 'current' })),
    ...Array.from({ length: g.newReadyPods ?? 0 }, () => ({ ...ready(), revision: 'updated' })),
  ];
  for (const { given, expect: want } of rolloutFacts('006-cloneset-update-limit')) {
    if (Array.isArray(given.candidates)) {
      it(`orders candidates ${JSON.stringify(given.candidates)}`, () => {
        const pods: SimPod[] = [];
        for (const p of given.pods) pods[p.index] = { name: `pod-${p.index}`, labels: {}, phase: p.phase, readyCondition: p.readyCondition };
        expect(sortUpdateIndexes(undefined, pods, given.candidates)).toEqual(want.order);
      });
      continue;
    }
    it(`${given.replicas} replicas, partition ${given.partition ?? 'unset'}, maxUnavailable ${given.maxUnavailable ?? 'unset'}`, () => {
      const rollingUpdate: CloneSetRollingUpdate = { podUpdatePolicy: 'ReCreate' };
      if (given.partition !== undefined) rollingUpdate.partition = given.partition;
      if (given.maxUnavailable !== undefined) rollingUpdate.maxUnavailable = given.maxUnavailable;
      const round = updateRound({ replicas: given.replicas, rollingUpdate }, podsFrom(given), 'current', 'updated');
      expect(round.update.length).toBe(want.updatedThisRound);
    });
  }
});
