// calcNextPartitions (uniteddeployment_controller.go) as exercised by TestStsSubsetCount and
// TestAstsRollingUpdatePartition: absent subsets get 0, values above the replicas are lowered.
import { describe, expect, it } from 'vitest';
import { subsetPartitions } from './partitions.js';

const alloc = (m: Record<string, number>) => Object.entries(m).map(([name, replicas]) => ({ name, replicas, reason: '' }));
const ud = (partitions?: Record<string, number>, type = 'Manual') => ({ spec: { updateStrategy: { type, manualUpdate: partitions ? { partitions } : {} } } });

describe('subsetPartitions', () => {
  it('copies the map and gives absent subsets 0', () => {
    expect(subsetPartitions(ud({ 'subset-a': 4, 'subset-b': 3 }), alloc({ 'subset-a': 5, 'subset-b': 5 })).map((p) => p.partition)).toEqual([4, 3]);
    expect(subsetPartitions(ud({}), alloc({ 'subset-a': 5, 'subset-b': 5 })).map((p) => p.partition)).toEqual([0, 0]);
    expect(subsetPartitions(ud({ 'subset-a': 1 }), alloc({ 'subset-a': 3, 'subset-b': 7 })).map((p) => p.partition)).toEqual([1, 0]);
  });
  it('lowers a partition above the subset replicas', () => {
    const [a] = subsetPartitions(ud({ 'subset-a': 2 }), alloc({ 'subset-a': 1, 'subset-b': 9 }));
    expect(a.partition).toBe(1);
    expect(a.reason).toContain('lowered');
  });
  it('ignores partitions unless the strategy is Manual', () => {
    expect(subsetPartitions(ud({ a: 2 }, 'Other'), alloc({ a: 3 }))[0].partition).toBe(0);
  });
});
