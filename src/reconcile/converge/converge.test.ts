// Stage convergence per kind: the predicates of spec rollout-semantics.md §7.3 on live statuses.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/resource.js';
import { verdictFor, type ConvergeInput } from './index.js';

const cs = (updateStrategy: object, status: object, extra: object = {}): KubeObject => ({
  apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', metadata: { name: 'web', namespace: 'shop', generation: 4 },
  spec: { replicas: 6, updateStrategy, ...extra }, status: { observedGeneration: 4, ...status },
});

function verdict(desired: KubeObject, live: KubeObject | undefined, more: Partial<ConvergeInput> = {}) {
  return verdictFor(desired.apiVersion, desired.kind)!({ desired, live, minGeneration: 0, tolerance: 0, ...more });
}

describe('CloneSet', () => {
  const desired = cs({ partition: '50%' }, {});
  it('is ready when the planned pods are updated and ready and surge pods are gone', () => {
    const live = cs({ partition: '50%' }, { replicas: 6, expectedUpdatedReplicas: 3, updatedReplicas: 3, updatedReadyReplicas: 3, updateRevision: 'web-2' });
    expect(verdict(desired, live)).toMatchObject({ state: 'ready', revision: 'web-2' });
  });
  it('waits for the controller to observe the generation', () => {
    const live = cs({ partition: '50%' }, { observedGeneration: 3, replicas: 6, expectedUpdatedReplicas: 3, updatedReplicas: 3, updatedReadyReplicas: 3 });
    expect(verdict(desired, live)).toMatchObject({ state: 'waiting', waitingFor: expect.stringContaining('generation 4') });
  });
  it('waits for the watch to deliver the generation our apply produced, however converged the cache looks', () => {
    const live = cs({ partition: '50%' }, { replicas: 6, expectedUpdatedReplicas: 3, updatedReplicas: 3, updatedReadyReplicas: 3 });
    expect(verdict(desired, live, { minGeneration: 5 })).toMatchObject({ state: 'waiting', waitingFor: expect.stringContaining('generation 5') });
  });
  it('waits for ready pods, surge pods, and the expected count', () => {
    const base = { replicas: 6, expectedUpdatedReplicas: 3, updatedReplicas: 3, updatedReadyReplicas: 3 };
    expect(verdict(desired, cs({}, { ...base, updatedReadyReplicas: 2 }))).toMatchObject({ state: 'waiting', waitingFor: expect.stringContaining('updatedReadyReplicas + 0 >= 3') });
    expect(verdict(desired, cs({}, { ...base, updatedReadyReplicas: 2 }), { tolerance: 1 })).toMatchObject({ state: 'ready' });
    expect(verdict(desired, cs({}, { ...base, replicas: 7 }))).toMatchObject({ state: 'waiting', waitingFor: expect.stringContaining('surge') });
    expect(verdict(desired, cs({}, { ...base, expectedUpdatedReplicas: 6 }))).toMatchObject({ state: 'waiting', waitingFor: expect.stringContaining('expectedUpdatedReplicas') });
  });
  it('counts available pods when minReadySeconds is set', () => {
    const live = cs({}, { replicas: 6, expectedUpdatedReplicas: 3, updatedReplicas: 3, updatedReadyReplicas: 3, updatedAvailableReplicas: 1 }, { minReadySeconds: 10 });
    expect(verdict(desired, live)).toMatchObject({ state: 'waiting', waitingFor: expect.stringContaining('updatedAvailableReplicas') });
  });
  it('reads the v1beta1 layout', () => {
    const d = { ...cs({ rollingUpdate: { partition: 4 } }, {}), apiVersion: 'apps.kruise.io/v1beta1' };
    const live = { ...cs({ rollingUpdate: { partition: 4 } }, { replicas: 6, expectedUpdatedReplicas: 2, updatedReplicas: 2, updatedReadyReplicas: 2 }), apiVersion: 'apps.kruise.io/v1beta1' };
    expect(verdict(d, live)).toMatchObject({ state: 'ready' });
  });
  it('stalls on paused, OnDelete, a progress deadline, and InPlaceOnly with a change that recreates', () => {
    expect(verdict(desired, cs({ paused: true }, {}))).toMatchObject({ state: 'stalled', reason: expect.stringContaining('paused') });
    expect(verdict(desired, cs({ type: 'OnDelete' }, {}))).toMatchObject({ state: 'stalled', reason: expect.stringContaining('OnDelete') });
    const deadline = cs({}, { conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] });
    expect(verdict(desired, deadline)).toMatchObject({ state: 'stalled', hint: expect.stringContaining('kubectl describe pods') });
    expect(verdict(desired, cs({ type: 'InPlaceOnly' }, {}), { mode: 'recreate' })).toMatchObject({ state: 'stalled', reason: expect.stringContaining('InPlaceOnly') });
    expect(verdict(desired, cs({ type: 'InPlaceOnly' }, { replicas: 6, expectedUpdatedReplicas: 3, updatedReplicas: 3, updatedReadyReplicas: 3 }), { mode: 'in-place' })).toMatchObject({ state: 'ready' });
  });
  it('waits while the object is not in the cache', () => {
    expect(verdict(desired, undefined)).toMatchObject({ state: 'waiting' });
  });
});

describe('StatefulSet', () => {
  const asts = (partition: number, status: object, extra: object = {}): KubeObject => ({
    apiVersion: 'apps.kruise.io/v1beta1', kind: 'StatefulSet', metadata: { name: 'ledger', namespace: 'payments', generation: 2 },
    spec: { replicas: 3, podManagementPolicy: 'Parallel', updateStrategy: { rollingUpdate: { partition } }, ...extra }, status: { observedGeneration: 2, ...status },
  });
  it('Advanced: updated and updatedReady reach replicas - partition', () => {
    expect(verdict(asts(1, {}), asts(1, { replicas: 3, updatedReplicas: 2, updatedReadyReplicas: 2, readyReplicas: 3 }))).toMatchObject({ state: 'ready' });
    expect(verdict(asts(1, {}), asts(1, { replicas: 3, updatedReplicas: 2, updatedReadyReplicas: 1, readyReplicas: 2 }))).toMatchObject({ state: 'waiting' });
  });
  it('Advanced, OrderedReady: every replica ready', () => {
    const live = asts(1, { updatedReplicas: 2, updatedReadyReplicas: 2, readyReplicas: 2 }, { podManagementPolicy: 'OrderedReady' });
    expect(verdict(asts(1, {}), live)).toMatchObject({ state: 'waiting', waitingFor: expect.stringContaining('OrderedReady') });
  });
  it('native: no updatedReadyReplicas, so all replicas ready', () => {
    const sts = (status: object): KubeObject => ({ ...asts(0, status), apiVersion: 'apps/v1' });
    expect(verdict(sts({}), sts({ updatedReplicas: 3, readyReplicas: 2 }))).toMatchObject({ state: 'waiting' });
    expect(verdict(sts({}), sts({ updatedReplicas: 3, readyReplicas: 3 }))).toMatchObject({ state: 'ready' });
  });
  it('stalls on OnDelete and paused', () => {
    const onDelete: KubeObject = { ...asts(0, {}), spec: { replicas: 3, updateStrategy: { type: 'OnDelete' } } };
    expect(verdict(asts(0, {}), onDelete)).toMatchObject({ state: 'stalled' });
    const paused: KubeObject = { ...asts(0, {}), spec: { replicas: 3, updateStrategy: { rollingUpdate: { paused: true } } } };
    expect(verdict(asts(0, {}), paused)).toMatchObject({ state: 'stalled' });
  });
});

describe('SidecarSet', () => {
  const ss = (updateStrategy: object, status: object): KubeObject => ({
    apiVersion: 'apps.kruise.io/v1alpha1', kind: 'SidecarSet', metadata: { name: 'logging', generation: 3 },
    spec: { updateStrategy }, status: { observedGeneration: 3, ...status },
  });
  it('works the target out of live matchedPods with Kruise rounding', () => {
    // 22 matched, partition "66%": ceil(14.52) = 15 stay old, 7 updated.
    const d = ss({ partition: '66%' }, {});
    expect(verdict(d, ss({}, { matchedPods: 22, updatedPods: 6, updatedReadyPods: 6 }))).toMatchObject({ state: 'waiting', waitingFor: expect.stringContaining('>= 7') });
    expect(verdict(d, ss({}, { matchedPods: 22, updatedPods: 7, updatedReadyPods: 7, latestRevision: 'r2' }))).toMatchObject({ state: 'ready', revision: 'r2' });
    expect(verdict(d, ss({}, { matchedPods: 22, updatedPods: 7, updatedReadyPods: 6 }))).toMatchObject({ state: 'waiting' });
  });
  it('without a partition every matched pod', () => {
    expect(verdict(ss({}, {}), ss({}, { matchedPods: 22, updatedPods: 21, updatedReadyPods: 21 }))).toMatchObject({ state: 'waiting' });
  });
  it('stalls on pods that need recreation, paused and NotUpdate', () => {
    expect(verdict(ss({}, {}), ss({}, { matchedPods: 2 }), { notUpgradable: 2 })).toMatchObject({ state: 'stalled', reason: expect.stringContaining('2 pods need recreation') });
    expect(verdict(ss({}, {}), ss({ paused: true }, {}))).toMatchObject({ state: 'stalled' });
    expect(verdict(ss({}, {}), ss({ type: 'NotUpdate' }, {}))).toMatchObject({ state: 'stalled' });
  });
});

describe('UnitedDeployment', () => {
  const ud = (partitions: object, status: object): KubeObject => ({
    apiVersion: 'apps.kruise.io/v1alpha1', kind: 'UnitedDeployment', metadata: { name: 'checkout', namespace: 'shop', generation: 7 },
    spec: { replicas: 10, updateStrategy: { manualUpdate: { partitions } } }, status: { observedGeneration: 7, ...status },
  });
  const subsets = (pa: number, pb: number, pc: number) => [
    { name: 'zone-a', replicas: 4, partition: pa }, { name: 'zone-b', replicas: 3, partition: pb }, { name: 'zone-c', replicas: 3, partition: pc },
  ];
  const desired = ud({ 'zone-a': 2, 'zone-b': 1, 'zone-c': 3 }, {});
  it('waits until every subset got its partition, then for the totals', () => {
    expect(verdict(desired, ud({}, { subsetStatuses: subsets(2, 2, 3), updatedReplicas: 4, updatedReadyReplicas: 4 }))).toMatchObject({ state: 'waiting', waitingFor: expect.stringContaining('zone-b') });
    expect(verdict(desired, ud({}, { subsetStatuses: subsets(2, 1, 3), updatedReplicas: 4, updatedReadyReplicas: 3 }))).toMatchObject({ state: 'waiting' });
    expect(verdict(desired, ud({}, { subsetStatuses: subsets(2, 1, 3), updatedReplicas: 4, updatedReadyReplicas: 4, updatedRevision: 'u2' }))).toMatchObject({ state: 'ready', revision: 'u2' });
  });
  it('holds each subset workload to its own predicate', () => {
    const live = ud({}, { subsetStatuses: subsets(2, 1, 3), updatedReplicas: 4, updatedReadyReplicas: 4 });
    const sub: KubeObject = {
      apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', metadata: { name: 'checkout-zone-a-x', namespace: 'shop', generation: 2 },
      spec: { replicas: 4, updateStrategy: { partition: 2 } }, status: { observedGeneration: 1 },
    };
    expect(verdict(desired, live, { subsets: [sub] })).toMatchObject({ state: 'waiting', waitingFor: expect.stringContaining('checkout-zone-a-x') });
  });
});
