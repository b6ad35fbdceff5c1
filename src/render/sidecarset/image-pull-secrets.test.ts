import { describe, expect, it } from 'vitest';
import { mergeSidecarSecrets } from './image-pull-secrets.js';

const names = (l: { name?: string }[] | undefined) => (l ?? []).map((s) => s.name);
const refs = (...n: string[]) => n.map((name) => ({ name }));

// Upstream pkg/webhook/pod/mutating/sidecarset_test.go TestMergeSidecarSecrets.
describe('mergeSidecarSecrets', () => {
  it('3 + 3 - 2 = 4: pod entries first, its own duplicates dropped', () => {
    expect(names(mergeSidecarSecrets(refs('s2', 's3', 's3'), refs('s0', 's1', 's2')))).toEqual(['s2', 's3', 's0', 's1']);
  });
  it('3 + 3 - 0 = 6', () => {
    expect(names(mergeSidecarSecrets(refs('s3', 's4', 's5'), refs('s0', 's1', 's2')))).toEqual(['s3', 's4', 's5', 's0', 's1', 's2']);
  });
  it('3 + 0 and 0 + 3', () => {
    expect(names(mergeSidecarSecrets(undefined, refs('s0', 's1', 's2')))).toEqual(['s0', 's1', 's2']);
    expect(names(mergeSidecarSecrets(refs('s3', 's4', 's5'), []))).toEqual(['s3', 's4', 's5']);
  });
  it('nothing on either side leaves the field out', () => {
    expect(mergeSidecarSecrets(undefined, [])).toBeUndefined();
  });
});
