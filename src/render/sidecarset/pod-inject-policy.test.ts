import { describe, expect, it } from 'vitest';
import { mergeSidecarContainers, sortByName, type InjectedContainer } from './pod-inject-policy.js';

const c = (name: string, image = 'app') => ({ name, image });
const inj = (name: string, podInjectPolicy?: string): InjectedContainer => ({ container: c(name, 'sidecar'), podInjectPolicy });
const names = (l: { name: string }[]) => l.map((x) => x.name);

// Upstream pkg/webhook/pod/mutating/sidecarset_test.go TestMergeSidecarContainers.
describe('mergeSidecarContainers', () => {
  it('origins not sidecar, inject new sidecars: before / app / after in injection order', () => {
    expect(names(mergeSidecarContainers([c('app-container')], [inj('sidecar-2', 'AfterAppContainer'), inj('sidecar-1', 'AfterAppContainer'), inj('new-sidecar-1', 'BeforeAppContainer')])))
      .toEqual(['new-sidecar-1', 'app-container', 'sidecar-2', 'sidecar-1']);
  });
  it('origin has sidecars: same names are replaced in place', () => {
    const out = mergeSidecarContainers([c('sidecar-1'), c('app-container'), c('sidecar-2')],
      [inj('sidecar-2', 'AfterAppContainer'), inj('sidecar-1', 'AfterAppContainer'), inj('new-sidecar-1', 'BeforeAppContainer')]);
    expect(names(out)).toEqual(['new-sidecar-1', 'sidecar-1', 'app-container', 'sidecar-2']);
    expect(out[1].image).toBe('sidecar');
    expect(out[3].image).toBe('sidecar');
  });
  it('an empty or unknown policy goes behind the app containers', () => {
    expect(names(mergeSidecarContainers([c('app')], [inj('a'), inj('b', 'Other'), inj('c', 'BeforeAppContainer')]))).toEqual(['c', 'app', 'a', 'b']);
  });
  it('does not modify the pod list', () => {
    const pod = [c('x'), c('app')];
    mergeSidecarContainers(pod, [inj('x')]);
    expect(pod[0].image).toBe('app');
  });
  it('two injected containers of one existing name: the last wins', () => {
    const out = mergeSidecarContainers([c('x')], [{ container: { name: 'x', image: '1' } }, { container: { name: 'x', image: '2' } }]);
    expect(out).toEqual([{ name: 'x', image: '2' }]);
  });
});

// TestInjectInitContainerSort: init containers are stable-sorted by name.
describe('sortByName', () => {
  it('sorts, keeping the order of equal names', () => {
    const l = [inj('c-init'), inj('a-init'), { container: { name: 'b-init', image: '1' } }, { container: { name: 'b-init', image: '2' } }];
    expect(sortByName(l).map((x) => `${x.container.name}:${x.container.image}`)).toEqual(['a-init:sidecar', 'b-init:1', 'b-init:2', 'c-init:sidecar']);
  });
});
