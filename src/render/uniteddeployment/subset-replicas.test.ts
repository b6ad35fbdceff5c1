// Ports of pkg/controller/uniteddeployment/allocator_test.go (TestScaleReplicas,
// TestSpecifyValidReplicas, TestSpecifyInvalidReplicas, TestCapacityAllocator,
// TestDefaultAdaptiveAllocation, TestReservedAdaptiveAllocation) plus fresh-install cases.
import { describe, expect, it } from 'vitest';
import type { AllocationInput, ExistingSubset } from './subset-replicas.js';
import { allocateSubsetReplicas, pickAllocator } from './subset-replicas.js';

type Sub = { name: string; replicas?: number | string; minReplicas?: number | string; maxReplicas?: number | string };

function ud(total: number | undefined, subsets: Sub[], strategy?: { type?: string; adaptive?: { reserveUnschedulablePods?: boolean } }): AllocationInput {
  return { spec: { replicas: total, topology: { subsets, scheduleStrategy: strategy } } };
}

function result(a: ReturnType<typeof allocateSubsetReplicas>): Record<string, number> {
  if (!a.ok) throw new Error(a.error);
  return Object.fromEntries(a.subsets.map((s) => [s.name, s.replicas]));
}

const current = (m: Record<string, number>): Record<string, ExistingSubset> =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, { replicas: v }]));

describe('specific allocator', () => {
  const four = ['t1', 't2', 't3', 't4'].map((name) => ({ name }));

  it('TestScaleReplicas: remainder to subsets sorting last by (current, name)', () => {
    expect(result(allocateSubsetReplicas(ud(5, four), current({ t1: 1, t2: 4, t3: 2, t4: 2 })))).toEqual({ t1: 1, t2: 2, t3: 1, t4: 1 });
    expect(result(allocateSubsetReplicas(ud(0, [{ name: 't1' }]), current({ t1: 2 })))).toEqual({ t1: 0 });
    expect(result(allocateSubsetReplicas(ud(17, four), current({ t1: 1, t2: 4, t3: 2, t4: 2 })))).toEqual({ t1: 4, t2: 5, t3: 4, t4: 4 });
    expect(result(allocateSubsetReplicas(ud(9, four), current({ t1: 2, t2: 4, t3: 2, t4: 2 })))).toEqual({ t1: 2, t2: 3, t3: 2, t4: 2 });
    const two = [{ name: 't1' }, { name: 't2' }];
    expect(result(allocateSubsetReplicas(ud(19, two), current({ t1: 0, t2: 10 })))).toEqual({ t1: 9, t2: 10 });
    expect(result(allocateSubsetReplicas(ud(21, two), current({ t1: 0, t2: 10 })))).toEqual({ t1: 10, t2: 11 });
  });

  it('fresh install: the remainder goes to the greatest names, not the last declared', () => {
    const a = allocateSubsetReplicas(ud(5, [{ name: 't3' }, { name: 't1' }, { name: 't4' }, { name: 't2' }]));
    expect(result(a)).toEqual({ t1: 1, t2: 1, t3: 1, t4: 2 });
    expect(a.ok && a.subsets.map((s) => s.name)).toEqual(['t3', 't1', 't4', 't2']);
    // byte-wise comparison: subset-10 sorts before subset-2
    expect(result(allocateSubsetReplicas(ud(3, [{ name: 'subset-2' }, { name: 'subset-10' }])))).toEqual({ 'subset-2': 2, 'subset-10': 1 });
  });

  it('TestSpecifyValidReplicas', () => {
    const pin = (p: Record<string, number>) => four.map((s) => ({ ...s, ...(p[s.name] !== undefined ? { replicas: p[s.name] } : {}) }));
    expect(result(allocateSubsetReplicas(ud(27, pin({ t1: 4, t3: 4 })), current({ t1: 1, t2: 4, t3: 2, t4: 2 })))).toEqual({ t1: 4, t2: 10, t3: 4, t4: 9 });
    expect(result(allocateSubsetReplicas(ud(8, pin({ t1: 4, t3: 4 })), current({ t1: 2, t2: 4, t3: 2, t4: 2 })))).toEqual({ t1: 4, t2: 0, t3: 4, t4: 0 });
    expect(result(allocateSubsetReplicas(ud(16, pin({ t1: 4, t2: 4, t3: 4, t4: 4 }))))).toEqual({ t1: 4, t2: 4, t3: 4, t4: 4 });
    expect(result(allocateSubsetReplicas(ud(10, pin({ t1: 1, t2: 2, t3: 3 })), current({ t1: 4, t2: 2, t3: 2, t4: 2 })))).toEqual({ t1: 1, t2: 2, t3: 3, t4: 4 });
    expect(result(allocateSubsetReplicas(ud(10, pin({ t1: 1, t2: 2, t3: 3, t4: 4 }))))).toEqual({ t1: 1, t2: 2, t3: 3, t4: 4 });
    // total unset (no defaulting, as the upstream test): fine when every subset is pinned
    expect(result(allocateSubsetReplicas(ud(undefined, pin({ t1: 1, t2: 2, t3: 3, t4: 4 })), {}, { defaultReplicas: null }))).toEqual({ t1: 1, t2: 2, t3: 3, t4: 4 });
    // as Kruise master admits it, the absent total is 1, so the same pins do not add up
    expect(allocateSubsetReplicas(ud(undefined, pin({ t1: 1, t2: 2, t3: 3, t4: 4 }))).ok).toBe(false);
    expect(result(allocateSubsetReplicas(ud(undefined, [{ name: 'a' }, { name: 'b' }])))).toEqual({ a: 0, b: 1 });
  });

  it('TestSpecifyInvalidReplicas: pinned sums that cannot work are errors', () => {
    expect(allocateSubsetReplicas(ud(14, [{ name: 't1', replicas: 6 }, { name: 't2', replicas: 6 }])).ok).toBe(false);
    expect(allocateSubsetReplicas(ud(14, [{ name: 't1', replicas: 10 }, { name: 't2', replicas: 11 }])).ok).toBe(false);
    expect(allocateSubsetReplicas(ud(undefined, [{ name: 't1', replicas: 1 }, { name: 't2' }]), {}, { defaultReplicas: null }).ok).toBe(false);
  });

  it('percent pins round half up; unparsable pins count as unpinned', () => {
    expect(result(allocateSubsetReplicas(ud(3, [{ name: 'a', replicas: '25%' }, { name: 'b', replicas: '25%' }, { name: 'c' }])))).toEqual({ a: 1, b: 1, c: 1 });
    expect(result(allocateSubsetReplicas(ud(10, [{ name: 'a', replicas: '71%' }, { name: 'b', replicas: '29%' }])))).toEqual({ a: 7, b: 3 });
    expect(result(allocateSubsetReplicas(ud(1, [{ name: 'a', replicas: '25%' }, { name: 'b' }])))).toEqual({ a: 0, b: 1 });
    expect(result(allocateSubsetReplicas(ud(10, [{ name: 'a', replicas: '10%' }, { name: 'b' }])))).toEqual({ a: 1, b: 9 });
    expect(result(allocateSubsetReplicas(ud(4, [{ name: 'a', replicas: 'x' }, { name: 'b' }])))).toEqual({ a: 2, b: 2 });
  });

  it('explains pins and remainder placement', () => {
    const a = allocateSubsetReplicas(ud(5, [{ name: 'a', replicas: '40%' }, { name: 'b' }, { name: 'c' }]));
    expect(a.ok && a.allocator).toBe('specific');
    if (!a.ok) return;
    expect(a.subsets[0].reason).toContain('40%');
    expect(a.subsets[2].reason).toContain('remainder');
  });
});

describe('min/max allocator (TestCapacityAllocator)', () => {
  const subsets = (min: number[], max: number[]) => min.map((m, i) => ({ name: `subset-${i}`, minReplicas: m, ...(max[i] >= 0 ? { maxReplicas: max[i] } : {}) }));
  const cases: [string, number, number[], number[], number[]][] = [
    ['sum min == replicas', 10, [2, 2, 2, 2, 2], [5, 5, 5, 5, -1], [2, 2, 2, 2, 2]],
    ['sum min < replicas', 14, [2, 2, 2, 2, 2], [5, 5, 5, 5, -1], [5, 3, 2, 2, 2]],
    ['sum min > replicas', 5, [2, 2, 2, 2, 2], [5, 5, 5, 5, -1], [2, 2, 1, 0, 0]],
    ['e2e scale to 7', 7, [1, 1, 1], [2, 2, -1], [2, 2, 3]],
  ];
  for (const [name, total, min, max, want] of cases) {
    it(name, () => {
      const a = allocateSubsetReplicas(ud(total, subsets(min, max)));
      expect(a.ok && a.allocator).toBe('min-max');
      expect(Object.values(result(a))).toEqual(want);
    });
  }

  it('min above max is an error; percent bounds use the total', () => {
    expect(allocateSubsetReplicas(ud(5, [{ name: 'a', minReplicas: 6, maxReplicas: 5 }, { name: 'b' }])).ok).toBe(false);
    expect(result(allocateSubsetReplicas(ud(10, [{ name: 'a', maxReplicas: '30%' }, { name: 'b' }])))).toEqual({ a: 3, b: 7 });
  });
});

describe('adaptive allocator (TestDefaultAdaptiveAllocation)', () => {
  const adaptive = { type: 'Adaptive' };
  const build = (total: number, min: number[], max: number[], pods: number[], pending: number[]) => {
    const subsets = min.map((m, i) => ({ name: `subset-${i}`, ...(m >= 0 ? { minReplicas: m } : {}), ...(max[i] >= 0 ? { maxReplicas: max[i] } : {}) }));
    const existing: Record<string, ExistingSubset> = {};
    pods.forEach((p, i) => {
      const pend = Math.max(0, pending[i]);
      existing[`subset-${i}`] = { replicas: p, readyReplicas: p - pend, unschedulable: pending[i] !== 0 };
    });
    return Object.values(result(allocateSubsetReplicas(ud(total, subsets, adaptive), existing)));
  };
  const cases: [string, number, number[], number[], number[], number[], number[]][] = [
    ['5 pending = max', 10, [5, 5], [3, -1], [5, -1], [5, 0], [3, 7]],
    ['4 pending < max', 10, [5, 5], [3, -1], [5, -1], [4, 0], [3, 7]],
    ['3 pending = min', 10, [5, 5], [3, -1], [5, -1], [3, 0], [3, 7]],
    ['2 pending < min', 10, [5, 5], [3, -1], [5, -1], [2, 0], [3, 7]],
    ['no pending', 10, [5, 5], [3, -1], [5, -1], [0, 0], [5, 5]],
    ['scale up 2 -> 4', 4, [1, 1], [1, -1], [2, -1], [0, 0], [2, 2]],
    ['scale down 4 -> 3', 3, [2, 2], [1, -1], [2, -1], [0, 0], [2, 1]],
    ['scale down 3 -> 1', 1, [2, 1], [1, -1], [2, -1], [0, 0], [1, 0]],
    ['scale down with min and pending', 3, [1, 3], [1, -1], [2, -1], [1, 0], [1, 2]],
    ['scale down with only pending', 3, [1, 3], [0, -1], [2, -1], [1, 0], [0, 3]],
    ['complex start', 4, [0, 0, 0, 0], [0, 0, 0, 0], [2, -1, -1, -1], [0, 0, 0, 0], [2, 2, 0, 0]],
    ['subset-1 unschedulable', 4, [2, 2, 0, 0], [0, 0, 0, 0], [2, -1, -1, -1], [0, 2, 0, 0], [2, 0, 2, 0]],
    ['subset-2 unschedulable', 4, [2, 0, 2, 0], [0, 0, 0, 0], [2, -1, -1, -1], [0, -1, 2, 0], [2, 0, 0, 2]],
    ['scale up when unschedulable', 8, [2, 0, 0, 2], [0, 0, 0, 0], [2, -1, -1, -1], [0, -1, -1, 0], [2, 0, 0, 6]],
    ['scale up after recovered', 8, [2, 0, 0, 2], [0, 0, 0, 0], [2, -1, -1, -1], [0, 0, 0, 0], [2, 4, 0, 2]],
    ['scale down 8 -> 4', 4, [2, 0, 0, 6], [0, 0, 0, 0], [-1, -1, -1, -1], [0, 0, 0, 0], [2, 0, 0, 2]],
  ];
  for (const [name, total, pods, min, max, pending, want] of cases) {
    it(name, () => expect(build(total, min, max, pods, pending)).toEqual(want));
  }

  it('fresh install without bounds: everything to the first subset', () => {
    expect(result(allocateSubsetReplicas(ud(3, [{ name: 'a' }, { name: 'b' }], adaptive)))).toEqual({ a: 3, b: 0 });
  });
});

describe('reservation allocator (TestReservedAdaptiveAllocation, fresh starts)', () => {
  const reserve = { type: 'Adaptive', adaptive: { reserveUnschedulablePods: true } };
  it('3 unbounded subsets: all to the first', () => {
    expect(result(allocateSubsetReplicas(ud(2, [{ name: 's0' }, { name: 's1' }, { name: 's2' }], reserve)))).toEqual({ s0: 2, s1: 0, s2: 0 });
  });
  it('2 subsets with minReplicas', () => {
    expect(result(allocateSubsetReplicas(ud(2, [{ name: 's0', minReplicas: 1 }, { name: 's1', minReplicas: 1 }, { name: 's2', minReplicas: 0 }], reserve)))).toEqual({ s0: 1, s1: 1, s2: 0 });
  });
  it('4 subsets, 2 each', () => {
    const subsets = [0, 1, 2, 3].map((i) => ({ name: `s${i}`, minReplicas: 1, ...(i < 3 ? { maxReplicas: 2 } : {}) }));
    expect(Object.values(result(allocateSubsetReplicas(ud(8, subsets, reserve))))).toEqual([2, 2, 2, 2]);
  });
  it('an unschedulable subset keeps its replicas and the reserved pods are placed again later', () => {
    const subsets = [{ name: 's0', minReplicas: 1, maxReplicas: 2 }, { name: 's1' }];
    const existing = { s0: { replicas: 2, unschedulable: true, markedAsUnschedulable: true, reservedPods: 2 }, s1: { replicas: 0 } };
    expect(result(allocateSubsetReplicas(ud(2, subsets, reserve), existing))).toEqual({ s0: 2, s1: 2 });
  });
});

describe('pickAllocator', () => {
  it('checks reservation, adaptive, min/max, specific in that order', () => {
    expect(pickAllocator(ud(1, [{ name: 'a', minReplicas: 1 }], { type: 'Adaptive', adaptive: { reserveUnschedulablePods: true } }))).toBe('reservation');
    expect(pickAllocator(ud(1, [{ name: 'a', minReplicas: 1 }], { type: 'Adaptive' }))).toBe('adaptive');
    expect(pickAllocator(ud(1, [{ name: 'a', maxReplicas: 1 }, { name: 'b' }], { type: 'Fixed' }))).toBe('min-max');
    expect(pickAllocator(ud(1, [{ name: 'a' }]))).toBe('specific');
  });
});
