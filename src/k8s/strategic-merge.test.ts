import { describe, expect, it } from 'vitest';
import { POD_TEMPLATE_SCHEMA, strategicMergePatch } from './strategic-merge.js';

const tpl = () => ({
  metadata: { labels: { app: 'web', tier: 'fe' }, annotations: { a: '1' } },
  spec: {
    containers: [
      { name: 'main', image: 'nginx:1', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80 }] },
      { name: 'side', image: 'side:1' },
    ],
    volumes: [{ name: 'v1', emptyDir: {} }, { name: 'v2', emptyDir: {} }],
    tolerations: [{ key: 'x', operator: 'Exists' }],
    nodeSelector: { zone: 'a' },
  },
});

function apply(patch: unknown, original: unknown = tpl()) {
  const r = strategicMergePatch(original, patch, POD_TEMPLATE_SCHEMA);
  if (!r.ok) throw new Error(r.error);
  return r.value as any;
}

describe('strategicMergePatch on a pod template', () => {
  it('merges containers by name, changing a field in place', () => {
    const out = apply({ spec: { containers: [{ name: 'main', image: 'nginx:2' }] } });
    expect(out.spec.containers.map((c: any) => [c.name, c.image])).toEqual([['main', 'nginx:2'], ['side', 'side:1']]);
    expect(out.spec.containers[0].env).toHaveLength(2);
  });

  it('merges env by name and puts a new element before the original-only ones (apimachinery order)', () => {
    const out = apply({ spec: { containers: [{ name: 'main', env: [{ name: 'C', value: '3' }] }] } });
    expect(out.spec.containers[0].env.map((e: any) => e.name)).toEqual(['C', 'A', 'B']);
  });

  it('orders elements named by the patch in patch order', () => {
    const out = apply({ spec: { containers: [{ name: 'main', env: [{ name: 'B', value: 'x' }, { name: 'A', value: 'y' }] }] } });
    expect(out.spec.containers[0].env).toEqual([{ name: 'B', value: 'x' }, { name: 'A', value: 'y' }]);
  });

  it('appends a container the template lacks (possibly incomplete)', () => {
    const out = apply({ spec: { containers: [{ name: 'extra', image: 'e:1' }] } });
    expect(out.spec.containers.map((c: any) => c.name)).toEqual(['extra', 'main', 'side']);
  });

  it('replaces lists without a patch strategy (tolerations, command)', () => {
    const out = apply({ spec: { tolerations: [{ key: 'y', operator: 'Exists' }] } });
    expect(out.spec.tolerations).toEqual([{ key: 'y', operator: 'Exists' }]);
  });

  it('merges maps key by key and deletes keys set to null', () => {
    const out = apply({ metadata: { labels: { zone: 'b', tier: null } } });
    expect(out.metadata.labels).toEqual({ app: 'web', zone: 'b' });
    const out2 = apply({ spec: { containers: [{ name: 'main', resources: { limits: { cpu: '2', memory: '800Mi' } } }] } });
    expect(out2.spec.containers[0].resources).toEqual({ limits: { cpu: '2', memory: '800Mi' } });
  });

  it('honours $patch: delete on a list element and on a map', () => {
    const out = apply({ spec: { containers: [{ name: 'side', $patch: 'delete' }], nodeSelector: { $patch: 'delete' } } });
    expect(out.spec.containers.map((c: any) => c.name)).toEqual(['main']);
    expect(out.spec.nodeSelector).toEqual({});
  });

  it('honours $patch: replace on a list and on a map', () => {
    const out = apply({ spec: { volumes: [{ $patch: 'replace' }, { name: 'only', emptyDir: {} }], nodeSelector: { $patch: 'replace', disk: 'ssd' } } });
    expect(out.spec.volumes).toEqual([{ name: 'only', emptyDir: {} }]);
    expect(out.spec.nodeSelector).toEqual({ disk: 'ssd' });
  });

  it('honours $retainKeys', () => {
    const out = apply({ spec: { volumes: [{ name: 'v1', $retainKeys: ['name', 'hostPath'], hostPath: { path: '/x' } }] } });
    expect(out.spec.volumes[0]).toEqual({ name: 'v1', hostPath: { path: '/x' } });
  });

  it('honours $deleteFromPrimitiveList and $setElementOrder', () => {
    const out = apply({ metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } }, { metadata: { finalizers: ['a', 'b'] } });
    expect(out.metadata.finalizers).toEqual(['b']);
    const out2 = apply({ spec: { '$setElementOrder/containers': [{ name: 'side' }, { name: 'main' }] } });
    expect(out2.spec.containers.map((c: any) => c.name)).toEqual(['side', 'main']);
  });

  it('unions scalar lists with merge strategy', () => {
    const out = apply({ metadata: { finalizers: ['b', 'c'] } }, { metadata: { finalizers: ['a', 'b'] } });
    expect(out.metadata.finalizers).toEqual(['a', 'b', 'c']);
  });

  it('replaces on a type mismatch and drops nulls from new values', () => {
    const out = apply({ spec: { nodeSelector: 'oops', affinity: { nodeAffinity: null, podAffinity: { x: 1 } } } });
    expect(out.spec.nodeSelector).toBe('oops');
    expect(out.spec.affinity).toEqual({ podAffinity: { x: 1 } });
  });

  it('rejects an element without its merge key and unknown directives', () => {
    expect(strategicMergePatch(tpl(), { spec: { containers: [{ image: 'x' }] } }, POD_TEMPLATE_SCHEMA).ok).toBe(false);
    expect(strategicMergePatch(tpl(), { spec: { $patch: 'explode' } }, POD_TEMPLATE_SCHEMA).ok).toBe(false);
    expect(strategicMergePatch(tpl(), [1], POD_TEMPLATE_SCHEMA).ok).toBe(false);
  });

  it('rejects $patch: merge, which only patch generators may write', () => {
    expect(strategicMergePatch(tpl(), { spec: { nodeSelector: { $patch: 'merge', a: 'b' } } }, POD_TEMPLATE_SCHEMA).ok).toBe(false);
    expect(strategicMergePatch(tpl(), { spec: { containers: [{ name: 'main', $patch: 'merge' }] } }, POD_TEMPLATE_SCHEMA).ok).toBe(false);
  });

  it('takes new values as they are: directives inside them are unknown fields to Go', () => {
    // A delete directive for an element the list lacks is just an element named "ghost".
    const out = apply({ spec: { initContainers: [{ name: 'ghost', $patch: 'delete' }] } });
    expect(out.spec.initContainers).toEqual([{ name: 'ghost' }]);
    const out2 = apply({ spec: { containers: [{ name: 'new', env: [{ name: 'X', $patch: 'delete' }] }] } });
    expect(out2.spec.containers[0]).toEqual({ name: 'new', env: [{ name: 'X' }] });
  });

  it('leaves its inputs untouched', () => {
    const o = tpl();
    const p = { spec: { containers: [{ name: 'main', image: 'z' }] } };
    const so = JSON.stringify(o), sp = JSON.stringify(p);
    apply(p, o);
    expect(JSON.stringify(o)).toBe(so);
    expect(JSON.stringify(p)).toBe(sp);
  });
});
