// attachNodeAffinity as TestStsSubsetProvision exercises it.
import { describe, expect, it } from 'vitest';
import { attachNodeAffinity } from './node-affinity.js';

const req = (spec: any) => spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms;

describe('attachNodeAffinity', () => {
  it('appends every subset expression to every term, keeping matchFields', () => {
    const spec: any = { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [
      { matchExpressions: [{ key: 'test', operator: 'Exists' }], matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n'] }] },
      { matchExpressions: [{ key: 'test', operator: 'DoesNotExist' }] },
    ] } }, podAffinity: { x: 1 } } };
    attachNodeAffinity(spec, { matchExpressions: [{ key: 'a', operator: 'Exists' }, { key: 'b', operator: 'Exists' }] });
    expect(req(spec).map((t: any) => t.matchExpressions.map((e: any) => e.key))).toEqual([['test', 'a', 'b'], ['test', 'a', 'b']]);
    expect(req(spec)[0].matchFields).toHaveLength(1);
    expect(spec.affinity.podAffinity).toEqual({ x: 1 });
  });
  it('creates one term when there is none, and does nothing without expressions', () => {
    const spec: any = {};
    attachNodeAffinity(spec, { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n'] }] });
    expect(spec).toEqual({});
    attachNodeAffinity(spec, { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] });
    expect(req(spec)).toEqual([{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }]);
  });
});
