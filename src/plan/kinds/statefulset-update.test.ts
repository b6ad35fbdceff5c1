// Cases of Kruise pkg/controller/statefulset/stateful_update_utils_test.go TestSortPodsToUpdate
// (run, as upstream, with PreparingUpdateAsUpdate on).
import { describe, expect, it } from 'vitest';
import type { SimPod } from '../pod.js';
import { ordinalSlots, parseReserveOrdinals, sortSlotsToUpdate, type StatefulSetRollingUpdate } from './statefulset-update.js';

const slot = (rev: string, lifecycleState?: string): SimPod => ({ name: 's', labels: {}, revision: rev, lifecycleState });
const weights: StatefulSetRollingUpdate = {
  partition: 6,
  unorderedUpdate: { priorityStrategy: { weightPriority: [
    { weight: 20, matchSelector: { matchLabels: { k: 'v1' } } },
    { weight: 10, matchSelector: { matchLabels: { k: 'v2' } } },
  ] } },
};

describe('sortSlotsToUpdate (TestSortPodsToUpdate)', () => {
  it('ordered, no partition', () => expect(sortSlotsToUpdate(null, 'r1', 3, [slot('r0'), slot('r0'), slot('r0')])).toEqual([2, 1, 0]));
  it('unordered with priority', () => {
    const slots = [...'0000001100'].map((c) => slot(`r${c}`));
    expect(sortSlotsToUpdate(weights, 'r1', 10, slots)).toEqual([7, 6, 9, 8]);
  });
  it('ordered revisits updated pods', () => expect(sortSlotsToUpdate(null, 'r1', 3, [slot('r1'), slot('r1'), slot('r0')])).toEqual([2, 1, 0]));
  it('reserved ordinals keep the lowest existing pods old', () => {
    expect(sortSlotsToUpdate({ partition: 2 }, 'r1', 3, [slot('r0'), null, slot('r0'), null, slot('r0')])).toEqual([4]);
  });
  it('unordered with holes', () => {
    const slots = ['r0', 'r0', 'r0', null, 'r0', 'r0', 'r0', 'r1', 'r1', 'r0', null, 'r0'].map((r) => (r ? slot(r) : null));
    expect(sortSlotsToUpdate(weights, 'r1', 10, slots)).toEqual([8, 7, 11, 9]);
  });
  it('unordered counts PreparingUpdate pods as updated', () => {
    const slots = [slot('r0', 'PreparingUpdate'), slot('r0', 'PreparingUpdate'), slot('r0'), null, slot('r0'), slot('r0'), slot('r0'), slot('r1'), slot('r1'), slot('r0'), null, slot('r0')];
    expect(sortSlotsToUpdate(weights, 'r1', 10, slots)).toEqual([8, 7, 1, 0]);
  });
});

describe('ordinal slots', () => {
  it('extends past reserved ordinals', () => {
    expect(ordinalSlots(3, parseReserveOrdinals([1, '3-3']))).toEqual([
      { ordinal: 0, reserved: false }, { ordinal: 1, reserved: true }, { ordinal: 2, reserved: false }, { ordinal: 3, reserved: true }, { ordinal: 4, reserved: false },
    ]);
  });
});
