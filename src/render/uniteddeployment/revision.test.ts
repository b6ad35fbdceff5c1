import { describe, expect, it } from 'vitest';
import { controllerRevisionHash } from '../../k8s/hash.js';
import { revisionName } from './revision.js';

const template = () => ({
  deploymentTemplate: {
    metadata: { labels: { app: 'demo' } },
    spec: { template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'main', image: 'nginx:1.25' }] } } },
  },
});

describe('revision label', () => {
  it('hashes the Go serialisation with FNV-1 and the safe alphabet (spec §5 example)', () => {
    const raw = '{"spec":{"template":{"$patch":"replace","deploymentTemplate":{"metadata":{"creationTimestamp":null,"labels":{"app":"demo"}},"spec":{"selector":null,"strategy":{},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"demo"}},"spec":{"containers":[{"image":"nginx:1.25","name":"main","resources":{}}]}}}}}}}';
    expect(controllerRevisionHash(raw)).toBe('56df7b5c7d');
    expect(revisionName('demo', template())).toBe('demo-56df7b5c7d');
  });
  it('changes with the template and the collision count only', () => {
    const t = template();
    t.deploymentTemplate.spec.template.spec.containers[0].image = 'nginx:1.26';
    expect(revisionName('demo', t)).not.toBe('demo-56df7b5c7d');
    expect(revisionName('demo', template(), 1)).not.toBe('demo-56df7b5c7d');
  });
  it('truncates the name prefix to 223 characters', () => {
    expect(revisionName('x'.repeat(300), template()).split('-')[0]).toHaveLength(223);
  });
});

describe('Go emission before hashing', () => {
  const withContainer = (c: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    deploymentTemplate: { metadata: { labels: { app: 'demo' } }, spec: { ...extra, template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'main', image: 'nginx:1.25', ...c }] } } } },
  });
  it('drops explicit zero values of omitempty fields', () => {
    expect(revisionName('demo', withContainer({ tty: false, imagePullPolicy: '' }, { minReadySeconds: 0, paused: false }))).toBe('demo-56df7b5c7d');
  });
  it('writes quantities in canonical form', () => {
    const a = revisionName('demo', withContainer({ resources: { limits: { cpu: '1000m', memory: '1024Mi' } } }));
    const b = revisionName('demo', withContainer({ resources: { limits: { cpu: 1, memory: '1Gi' } } }));
    expect(a).toBe(b);
  });
});
