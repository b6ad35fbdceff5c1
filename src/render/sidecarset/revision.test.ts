import { describe, expect, it } from 'vitest';
import { chooseRevision, revisionOf, type ControllerRevision } from './revision.js';
import type { PodView, SidecarSetObject } from './types.js';

const stable = 'sidecar-image:stable', canary = 'sidecar-image:canary';
const sidecarSet = (strategy: Record<string, unknown> = {}, revision: Record<string, unknown> = { customVersion: 'sidecarset1-12345', policy: 'Partial' }): SidecarSetObject => ({
  apiVersion: 'apps.kruise.io/v1beta1', kind: 'SidecarSet',
  metadata: { name: 'sidecarset1', annotations: { 'kruise.io/sidecarset-hash': 'current' } },
  spec: {
    selector: { matchLabels: { app: 'demo' } },
    containers: [{ name: 'sidecar', image: canary }],
    volumes: [{ name: 'v', emptyDir: {} }],
    updateStrategy: { selector: { matchLabels: { canary: 'true' } }, ...strategy },
    injectionStrategy: { revision },
  },
});
const rev = (name: string, revision: number, image: string, extra: Record<string, string> = {}): ControllerRevision => ({
  apiVersion: 'apps/v1', kind: 'ControllerRevision',
  metadata: { name, namespace: 'kruise-system', labels: { 'kruise.io/sidecarset-name': 'sidecarset1', 'apps.kruise.io/sidecarset-custom-version': 'sidecarset1-12345', ...extra } },
  revision,
  data: { spec: { $patch: 'replace', containers: [{ name: 'sidecar', image }] } },
});
const history = [rev('sidecarset1-12345', 1, stable)];
const pod = (labels: Record<string, string>): PodView => ({ metadata: { name: 'p', labels }, spec: { containers: [{ name: 'app', image: 'demo' }] } });
const canaryPod = pod({ app: 'demo', canary: 'true' });
const stablePod = pod({ app: 'demo' });
const never = () => undefined;
const image = (ss: SidecarSetObject, p: PodView, revs = history) => {
  const r = chooseRevision(ss, p, revs, never);
  if (r.ok !== true) return `error:${r.ok === false ? r.reason : 'undecided'}`;
  return r.sidecarSet.spec.containers![0].image;
};

// Upstream pkg/webhook/pod/mutating/sidecarset_test.go TestCanarySidecarSetInjection.
describe('chooseRevision (TestCanarySidecarSetInjection)', () => {
  it('stable pod: not selected by updateStrategy.selector, gets the pinned revision', () => expect(image(sidecarSet(), stablePod)).toBe(stable));
  it('canary without partition gets the latest', () => expect(image(sidecarSet(), canaryPod)).toBe(canary));
  it('canary with partition 100% gets the pinned revision', () => expect(image(sidecarSet({ partition: '100%' }), canaryPod)).toBe(stable));
  it('canary with partition 0% gets the latest', () => expect(image(sidecarSet({ partition: '0%' }), canaryPod)).toBe(canary));
  it('canary with bad partition fails', () => expect(image(sidecarSet({ partition: 'abc%' }), canaryPod)).toBe('error:bad-partition'));
  it('canary with no history fails', () => expect(image(sidecarSet(), canaryPod, [])).toBe('error:not-found'));
  it('canary with bad selector fails', () => {
    expect(image(sidecarSet({ selector: { matchExpressions: [{ key: 'somekey', operator: 'badOp' }] } }), canaryPod)).toBe('error:bad-selector');
  });
  it('canary paused gets the pinned revision', () => expect(image(sidecarSet({ partition: '0%', paused: true }), canaryPod)).toBe(stable));
  it('policy Always gets the pinned revision', () => expect(image(sidecarSet({}, { customVersion: 'sidecarset1-12345', policy: 'Always' }), canaryPod)).toBe(stable));
  it('an integer partition gets the latest', () => expect(image(sidecarSet({ partition: 2 }), canaryPod)).toBe(canary));
  it('no revision reference injects the current spec', () => expect(image(sidecarSet({}, {}), canaryPod)).toBe(canary));
});

describe('restoring the historical SidecarSet', () => {
  it('keeps only the revision spec fields, takes the revision hash or recomputes it, and records the revision name', () => {
    const r = chooseRevision(sidecarSet(), stablePod, [rev('sidecarset1-12345', 1, stable)], never);
    if (r.ok !== true) throw new Error('expected a revision');
    expect(r.sidecarSet.spec.volumes).toBeUndefined();
    expect(r.sidecarSet.status?.latestRevision).toBe('sidecarset1-12345');
    expect(r.sidecarSet.metadata.annotations!['kruise.io/sidecarset-hash']).not.toBe('current');
    const withHash = rev('sidecarset1-12345', 1, stable);
    withHash.metadata.annotations = { 'kruise.io/sidecarset-hash': 'from-revision' };
    const r2 = chooseRevision(sidecarSet(), stablePod, [withHash], never);
    expect(r2.ok === true && r2.sidecarSet.metadata.annotations!['kruise.io/sidecarset-hash']).toBe('from-revision');
  });
  it('merges hand-written data without $patch: replace by container name', () => {
    const r = rev('sidecarset1-12345', 1, stable);
    r.data = { spec: { containers: [{ name: 'sidecar', image: stable }] } };
    const out = chooseRevision(sidecarSet(), stablePod, [r], never);
    expect(out.ok === true && out.sidecarSet.spec.volumes).toEqual([{ name: 'v', emptyDir: {} }]);
    expect(out.ok === true && out.sidecarSet.spec.containers).toEqual([{ name: 'sidecar', image: stable }]);
  });
});

describe('revisionOf', () => {
  it('customVersion takes the highest .revision; revisionName ignores labels', () => {
    const revs = [rev('b', 2, 'x'), rev('a', 3, 'y'), rev('c', 1, 'z'), rev('d', 9, 'w', { 'apps.kruise.io/sidecarset-custom-version': 'other' })];
    expect(revisionOf(sidecarSet(), revs)?.metadata.name).toBe('a');
    expect(revisionOf(sidecarSet({}, { revisionName: 'd', customVersion: 'sidecarset1-12345' }), revs)?.metadata.name).toBe('d');
  });
});
