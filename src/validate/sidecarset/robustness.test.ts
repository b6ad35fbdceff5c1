import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/resource.js';
import { defaultSidecarSet } from '../../default/index.js';
import { check } from './test-helpers.js';

// Malformed input is the schema check's to report; admission must never throw on it.
const specs: unknown[] = [
  'text', 42, null, [],
  { containers: 'x', initContainers: [null, 3, 'y'], volumes: [null, 'v', { name: 5 }] },
  { selector: 'x', namespaceSelector: [], updateStrategy: 'x', injectionStrategy: { revision: 'r' } },
  { selector: { matchLabels: { a: 1 }, matchExpressions: [null, { key: 'a', operator: 'In', values: 'x' }] }, containers: [{ name: 'c', image: 'i' }] },
  { containers: [{ name: 'c', image: 'i', resources: { limits: 'x' }, ports: 'p', env: [null], volumeMounts: [1], resourcesPolicy: { resourcesExpr: { limits: { cpu: 5 } } } }] },
  { containers: [{ name: 'c', image: 'i', livenessProbe: { httpGet: null }, lifecycle: { preStop: {} }, transferEnv: [{ sourceContainerNameFrom: { fieldRef: {} } }] }] },
  { patchPodMetadata: [null, { annotations: 'a' }, { annotations: { k: 1 } }], containers: [{ name: 'c', image: 'i' }] },
  { updateStrategy: { priorityStrategy: { weightPriority: [null] }, scatterStrategy: [null] }, containers: [{ name: 'c', image: 'i' }] },
];

describe('admission on malformed SidecarSets', () => {
  it.each(specs.map((spec, i) => [i, spec]))('spec #%s does not throw', (_i, spec) => {
    const obj = { apiVersion: 'apps.kruise.io/v1beta1', kind: 'SidecarSet', metadata: { name: 'm' }, spec } as KubeObject;
    expect(() => check([{ obj, origin: { file: 'm.yaml', doc: 0 } }])).not.toThrow();
    expect(() => defaultSidecarSet(obj)).not.toThrow();
  });
  it('metadata missing entirely', () => {
    const obj = { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'SidecarSet', spec: {} } as unknown as KubeObject;
    expect(() => check([{ obj, origin: { file: 'm.yaml', doc: 0 } }])).not.toThrow();
  });
});
