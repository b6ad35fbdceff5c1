// The rollout state as a ConfigMap's data: every field survives a round trip, and a ConfigMap
// someone edited into nonsense is refused with what to do rather than misread.
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, StateFormatError, type RolloutState } from './state.js';

const state: RolloutState = {
  plan: 'abc123', stages: 3, stage: 1, phase: 'ready', startedAt: '2026-01-02T03:04:05.000Z', readyAt: '2026-01-02T03:05:00.000Z',
  gate: { type: 'approval' }, waitFor: [{ apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', namespace: 'shop', name: 'web', updateStrategy: { partition: '50%' }, tolerance: 0, mode: 'in-place' }],
  approved: 0, approvedBy: 'alice', revisions: { 'apps.kruise.io/CloneSet/shop/web': 'web-7d9' }, templates: { 'apps.kruise.io/CloneSet/shop/web': 'abc' }, restarts: 1, restartReason: 'the plan changed',
};

describe('rollout state', () => {
  it('round-trips through ConfigMap data (strings only)', () => {
    const data = encodeState(state);
    expect(Object.values(data).every((v) => typeof v === 'string')).toBe(true);
    expect(decodeState(data, 'cm')).toEqual(state);
  });

  it('leaves optional fields out', () => {
    const { readyAt, approved, approvedBy, restartReason, ...rest } = state;
    const minimal: RolloutState = { ...rest, phase: 'progressing', restarts: 0 };
    expect(Object.keys(encodeState(minimal)).sort()).toEqual(['gate', 'phase', 'plan', 'restarts', 'revisions', 'stage', 'stages', 'startedAt', 'templates', 'waitFor']);
    expect(decodeState(encodeState(minimal), 'cm')).toEqual(minimal);
  });

  it('refuses data it cannot trust, saying what to do', () => {
    expect(() => decodeState({ ...encodeState(state), stage: '-1' }, 'ConfigMap default/x')).toThrow(StateFormatError);
    expect(() => decodeState({ ...encodeState(state), stage: 'two' }, 'ConfigMap default/x')).toThrow(/data.stage is not a count.*delete the ConfigMap/);
    expect(() => decodeState({ ...encodeState(state), phase: 'paused' }, 'cm')).toThrow(/data.phase/);
    expect(() => decodeState({ ...encodeState(state), waitFor: '[' }, 'cm')).toThrow(/data.waitFor is not JSON/);
  });
});
