import { describe, expect, it } from 'vitest';
import { aggregate, applyResourcesPolicy, evaluateExpression } from './resources-policy.js';
import { formatQuantity, parseQuantity } from '../../k8s/quantity.js';
import type { PodView, ResourcesPolicy, SidecarSetObject, V1Container } from './types.js';

type R = { cpu?: string; memory?: string };
const ctr = (name: string, limits?: R, requests?: R, restartPolicy?: string): V1Container =>
  ({ name, image: 'nginx', resources: { limits, requests }, ...(restartPolicy ? { restartPolicy } : {}) }) as V1Container;
const pod = (containers: V1Container[], initContainers: V1Container[] = []): PodView => ({ metadata: { name: 'p' }, spec: { containers, initContainers } });
const ss = (containers: string[], initContainers: string[] = []): SidecarSetObject => ({
  apiVersion: 'apps.kruise.io/v1beta1', kind: 'SidecarSet', metadata: { name: 's' },
  spec: { containers: containers.map((name) => ({ name })), initContainers: initContainers.map((name) => ({ name })) },
});
const policy = (mode: string, regex: string, limits?: R, requests?: R): ResourcesPolicy => ({
  targetContainersMode: mode, targetContainersNameRegex: regex, resourcesExpr: { limits, requests },
});
const apply = (p: ResourcesPolicy, v: PodView, sets = [ss(['sidecar1'])]) => {
  const r = applyResourcesPolicy(p, v, sets);
  return r.ok ? r.resources : r.reason;
};

const two = pod([ctr('app1', { cpu: '200m', memory: '200Mi' }, { cpu: '50m', memory: '100Mi' }), ctr('app2', { cpu: '400m', memory: '400Mi' }, { cpu: '100m', memory: '200Mi' })]);
const engines = pod([ctr('large-engine-v4', { cpu: '200m', memory: '200Mi' }, { cpu: '50m', memory: '100Mi' }), ctr('large-engine-v8', { cpu: '400m', memory: '400Mi' }, { cpu: '100m', memory: '200Mi' })]);

// Upstream pkg/webhook/pod/mutating/sidecarset_resources_test.go TestApplyResourcesPolicy.
describe('applyResourcesPolicy', () => {
  it('sum mode with percentage', () => {
    expect(apply(policy('sum', '.*', { cpu: 'cpu*50%', memory: '200Mi' }, { cpu: 'cpu*50%', memory: '100Mi' }), two))
      .toEqual({ limits: { cpu: '300m', memory: '200Mi' }, requests: { cpu: '75m', memory: '100Mi' } });
  });
  it('max mode with expression', () => {
    expect(apply(policy('max', '^large-engine-v.*$', { cpu: 'max(cpu*50%, 50m)', memory: '200Mi' }, { cpu: 'max(cpu*50%, 50m)', memory: '100Mi' }), engines))
      .toEqual({ limits: { cpu: '200m', memory: '200Mi' }, requests: { cpu: '50m', memory: '100Mi' } });
  });
  it('regex filter picks one container', () => {
    expect(apply(policy('sum', '^large-engine-v4$', { cpu: 'max(cpu*50%, 50m)', memory: '200Mi' }, { cpu: 'max(cpu*50%, 50m)', memory: '100Mi' }), engines))
      .toEqual({ limits: { cpu: '100m', memory: '200Mi' }, requests: { cpu: '50m', memory: '100Mi' } });
  });
  it('no matching container is an error', () => {
    expect(apply(policy('sum', '^nonexistent$', { cpu: 'cpu*50%' }), pod([ctr('app1', { cpu: '200m' })]))).toBe('no-target');
  });
  it('sum: one target without a cpu limit leaves the cpu limit unset', () => {
    const v = pod([ctr('app1', { cpu: '200m', memory: '200Mi' }, { cpu: '100m', memory: '100Mi' }), ctr('app2', { memory: '400Mi' }, { cpu: '50m', memory: '200Mi' })]);
    expect(apply(policy('sum', '.*', { cpu: 'cpu*50%', memory: 'memory*30%' }, { cpu: 'cpu*30%', memory: 'memory*20%' }), v))
      .toEqual({ limits: { memory: '180Mi' }, requests: { cpu: '45m', memory: '60Mi' } });
  });
  it('max: one target without a memory limit leaves the memory limit unset', () => {
    const v = pod([ctr('app1', { cpu: '200m', memory: '200Mi' }, { cpu: '100m', memory: '100Mi' }), ctr('app2', { cpu: '400m' }, { cpu: '200m' })]);
    expect(apply(policy('max', '.*', { cpu: 'cpu*40%', memory: 'memory*30%' }, { cpu: 'cpu*25%', memory: 'memory*20%' }), v))
      .toEqual({ limits: { cpu: '160m' }, requests: { cpu: '50m', memory: '20Mi' } });
  });
  it('sum: a target without requests counts as 0', () => {
    const v = pod([ctr('app1', { cpu: '200m', memory: '200Mi' }, { cpu: '100m', memory: '100Mi' }), ctr('app2', { cpu: '400m', memory: '400Mi' })]);
    expect(apply(policy('sum', '.*', { cpu: 'cpu*50%', memory: 'memory*30%' }, { cpu: 'cpu*30%', memory: 'memory*20%' }), v))
      .toEqual({ limits: { cpu: '300m', memory: '180Mi' }, requests: { cpu: '30m', memory: '20Mi' } });
  });
  it('native sidecar init containers are targets, plain init containers are not', () => {
    const v = pod([ctr('app2', { cpu: '600m', memory: '1200Mi' }, { cpu: '300m', memory: '600Mi' })],
      [ctr('app1', { cpu: '400m', memory: '800Mi' }, { cpu: '200m', memory: '400Mi' }, 'Always'), ctr('app-setup', { cpu: '400m', memory: '800Mi' }, { cpu: '200m', memory: '400Mi' })]);
    expect(apply(policy('sum', '^app.*$', { cpu: 'max(cpu*30%, 50m)', memory: 'max(memory*25%, 100Mi)' }, { cpu: 'cpu*20%', memory: 'memory*15%' }), v, [ss([], ['init-sidecar'])]))
      .toEqual({ limits: { cpu: '300m', memory: '500Mi' }, requests: { cpu: '100m', memory: '150Mi' } });
  });
  it('containers of any injected SidecarSet are not targets', () => {
    const v = pod([ctr('sidecar1', { cpu: '1' }), ctr('other', { cpu: '1' }), ctr('app', { cpu: '200m' })]);
    expect(apply(policy('sum', '.*', { cpu: 'cpu' }), v, [ss(['sidecar1']), ss(['other'])])).toEqual({ limits: { cpu: '200m' } });
  });
  it('requests are evaluated even without any target request (a zero request)', () => {
    expect(apply(policy('sum', '.*', undefined, { cpu: 'cpu*50%' }), pod([ctr('app', { cpu: '1' })]))).toEqual({ requests: { cpu: '0' } });
  });
  it('an expression error rejects', () => {
    expect(apply(policy('sum', '.*', { cpu: 'cpu - 2' }), pod([ctr('app', { cpu: '1' })]))).toBe('expression');
    expect(apply(policy('sum', '(', { cpu: 'cpu' }), pod([ctr('app', { cpu: '1' })]))).toBe('bad-regex');
  });
});

// TestAggregateResourcesBySum / ByMax.
describe('aggregate', () => {
  const f = (q: ReturnType<typeof aggregate>['limits']) => Object.fromEntries(Object.entries(q).map(([k, v]) => [k, formatQuantity(v!)]));
  it('sum keeps the first value format', () => {
    const a = aggregate([ctr('a', { cpu: '1', memory: '1Gi' }, { cpu: '500m' }), ctr('b', { cpu: '500m', memory: '512Mi' })], 'sum');
    expect(f(a.limits)).toEqual({ cpu: '1500m', memory: '1536Mi' });
    expect(f(a.requests)).toEqual({ cpu: '500m' });
  });
  it('sum of zero requests is absent, max of zero requests is kept', () => {
    expect(f(aggregate([ctr('a', undefined, { cpu: '0' })], 'sum').requests)).toEqual({});
    expect(f(aggregate([ctr('a', undefined, { cpu: '0' })], 'max').requests)).toEqual({ cpu: '0' });
  });
  it('an unknown mode aggregates nothing', () => {
    expect(aggregate([ctr('a', { cpu: '1' })], 'avg')).toEqual({ limits: {}, requests: {} });
  });
});

// TestEvaluateResourceExpression.
describe('evaluateExpression', () => {
  const ev = (e: string, agg: string) => {
    const r = evaluateExpression(e, parseQuantity(agg));
    return r.ok ? formatQuantity(r.q) : 'error';
  };
  it.each([
    ['cpu*50%', '200m', '100m'], ['memory*30%', '600Mi', '180Mi'], ['max(cpu*50%, 100m)', '150m', '100m'], ['max(cpu*50%, 100m)', '400m', '200m'],
    ['cpu + 50m', '100m', '150m'], ['max(memory*20% + 100Mi, 200Mi)', '800Mi', '260Mi'], ['500m', '100m', '500m'], ['1Gi', '500Mi', '1Gi'],
    ['cpu*50%', '0', '0'], ['memory*25%', '400Mi', '100Mi'], ['1', '2', '1'], ['0.5', '2', '500m'],
  ])('%s with %s = %s', (e, agg, want) => expect(ev(e, agg)).toBe(want));
  it('a number next to a quantity becomes milli-units', () => {
    expect(ev('memory * 0 + 1.7', '1Gi')).toBe('1700m');
  });
  it('an invalid expression is an error', () => expect(ev('cpu * invalid', '100m')).toBe('error'));
});
