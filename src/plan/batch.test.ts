// Cases of openkruise/rollouts batchrelease: CalculateBatchReplicas, ParseIntegerAsPercentage-
// IfPossible, TestCalculateBatchContext* (CloneSet, native and Advanced StatefulSet), IsBatchReady;
// and the facts of the shared conformance case rollout/009.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { batchContext, batchReplicas, deploymentNewPods, integerAsPercentage, isBatchReady } from './batch.js';

describe('batch math', () => {
  it('batch replicas clamp to [0, replicas]', () => {
    expect([batchReplicas(5, 10), batchReplicas('20%', 10), batchReplicas('100%', 10), batchReplicas('200%', 10), batchReplicas(200, 10), batchReplicas(0, 10)]).toEqual([5, 2, 10, 10, 10, 0]);
  });
  it('integer as percentage', () => {
    expect(integerAsPercentage(1, 3, '50%')).toBe('33%');
    expect(integerAsPercentage(98, 99, '1%')).toBe('98%');
    expect(integerAsPercentage(1, 101, '99%')).toBe('1%');
    expect(integerAsPercentage(10, 10, '0%')).toBe('100%');
    expect(integerAsPercentage(0, 10, '100%')).toBe('0%');
    expect(integerAsPercentage(150, 301, '50%')).toBe('49%');
  });
  it('CloneSet batch context', () => {
    expect(batchContext({ workload: 'CloneSet', replicas: 10, steps: ['20%'], currentBatch: 0 })).toEqual({ plannedUpdated: 2, desiredUpdated: 2, desiredStable: 8, partition: '80%' });
    expect(batchContext({ workload: 'CloneSet', replicas: 20, steps: ['20%'], currentBatch: 0, noNeedUpdate: 10 })).toMatchObject({ plannedUpdated: 4, desiredUpdated: 12, partition: '40%' });
    expect(batchContext({ workload: 'CloneSet', replicas: 10, steps: ['10%'], currentBatch: 0 }).partition).toBe('90%');
    expect(batchContext({ workload: 'CloneSet', replicas: 10, steps: [3], currentBatch: 0 }).partition).toBe(7);
  });
  it('StatefulSet batch context', () => {
    expect(batchContext({ workload: 'StatefulSet', replicas: 10, steps: ['20%'], currentBatch: 0 })).toMatchObject({ plannedUpdated: 2, desiredUpdated: 2, partition: 8 });
    expect(batchContext({ workload: 'StatefulSet', replicas: 20, steps: ['20%'], currentBatch: 0, noNeedUpdate: 10 })).toMatchObject({ plannedUpdated: 4, desiredUpdated: 12, partition: 18 });
    expect(batchContext({ workload: 'AdvancedStatefulSet', unorderedUpdate: true, replicas: 20, steps: ['20%'], currentBatch: 0, noNeedUpdate: 10 })).toMatchObject({ plannedUpdated: 4, desiredUpdated: 12, partition: 8 });
    expect(batchContext({ workload: 'AdvancedStatefulSet', replicas: 10, steps: ['10%'], currentBatch: 0 }).partition).toBe(9);
  });
  it('batch readiness', () => {
    expect(isBatchReady(5, 5, 5, 1)).toBe(true);
    expect(isBatchReady(5, 5, 4, 1)).toBe(true);
    expect(isBatchReady(5, 5, 3, 1)).toBe(false);
    expect(isBatchReady(5, 4, 4, '60%')).toBe(false);
    expect(isBatchReady(5, 5, 0, 100)).toBe(false);
    expect(isBatchReady(5, 5, 3, null)).toBe(false);
  });
});

describe('Deployment partition style', () => {
  it('counts new pods and keeps one old pod below 100%', () => {
    expect(deploymentNewPods('20%', 10)).toBe(2);
    expect(deploymentNewPods('99%', 10)).toBe(9);
    expect(deploymentNewPods('100%', 10)).toBe(10);
    expect(deploymentNewPods(10, 10)).toBe(10);
  });
});

describe('conformance rollout/009-rollouts-batch-partition: the partition Kruise Rollouts writes for a batch', () => {
  const file = join(import.meta.dirname, '..', '..', '..', 'shared', 'conformance', 'cases', 'rollout', '009-rollouts-batch-partition', 'expect.yaml');
  const facts = (yaml.load(readFileSync(file, 'utf8')) as { facts: { given: Record<string, any>; expect: Record<string, unknown> }[] }).facts;
  for (const { given, expect: want } of facts) {
    it(JSON.stringify(given), () => {
      // An apps.kruise.io StatefulSet is the Advanced one; apps/v1 the native one.
      const workload = given.kind === 'CloneSet' ? 'CloneSet' : given.apiVersion === 'apps/v1' ? 'StatefulSet' : 'AdvancedStatefulSet';
      const ctx = batchContext({ workload, replicas: given.replicas, steps: given.steps, currentBatch: given.currentBatch, noNeedUpdate: given.noNeedUpdatePods, unorderedUpdate: given.unorderedUpdate });
      expect(ctx).toMatchObject(want);
    });
  }
});
