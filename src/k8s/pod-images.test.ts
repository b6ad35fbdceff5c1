import { describe, expect, it } from 'vitest';
import { containerImages, imageChanges, mergeImageChanges } from './pod-images.js';

const cloneSet = (app: string, extra: object[] = []) => ({
  apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', metadata: { name: 'web' },
  spec: { template: { spec: { initContainers: [{ name: 'init', image: 'busybox:1' }], containers: [{ name: 'app', image: app }, ...extra] } } },
});

describe('pod images', () => {
  it('finds containers at any depth, init containers marked', () => {
    const ud = { kind: 'UnitedDeployment', spec: { template: { cloneSetTemplate: { spec: { template: { spec: { containers: [{ name: 'app', image: 'a:1' }] } } } } } } };
    expect([...containerImages(ud)]).toEqual([['app', 'a:1']]);
    expect([...containerImages(cloneSet('web:1'))]).toEqual([['app', 'web:1'], ['init (init)', 'busybox:1']]);
  });

  it('lists images that differ, new and removed containers with null', () => {
    expect(imageChanges(cloneSet('web:1'), cloneSet('web:2', [{ name: 'proxy', image: 'envoy:1' }]))).toEqual([
      { container: 'app', from: 'web:1', to: 'web:2' },
      { container: 'proxy', from: null, to: 'envoy:1' },
    ]);
    expect(imageChanges(undefined, cloneSet('web:1'))).toHaveLength(2);
    expect(imageChanges(cloneSet('web:1'), cloneSet('web:1'))).toEqual([]);
  });

  it('merges repeated changes once, in a stable order', () => {
    const a = { container: 'app', from: '1', to: '2' };
    const b = { container: 'log', from: null, to: '3' };
    expect(mergeImageChanges([[b, a], [a]])).toEqual([a, b]);
  });
});
