import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_FACTS } from '../../api/cluster.js';
import type { ExplainEntry } from '../../api/explain.js';
import type { KubeObject, Resource } from '../../api/resource.js';
import { render } from '../index.js';

const file = join(import.meta.dirname, 'testdata', 'pods.yaml');
const input = (yaml.loadAll(readFileSync(file, 'utf8')) as KubeObject[]).map((obj, doc): Resource => ({ obj, origin: { file, doc } }));
const out = render(input, { cluster: DEFAULT_CLUSTER_FACTS, explain: true });
const byName = (n: string) => out.resources.find((r) => (r.obj.metadata?.name ?? r.obj.metadata?.generateName) === n)!.obj as any;
const entry = (subject: string): ExplainEntry => out.explain.find((e) => e.topic === 'pod' && e.subject === subject)!;

describe('pod webhook steps in render', () => {
  it('adds the barrier env to a named Pod and explains the KruisePodReady gate of a Kruise-owned one', () => {
    const pod = byName('owned-0');
    expect(pod.spec.readinessGates).toBeUndefined();
    expect(entry('Pod default/owned-0').lines[0]).toMatchObject({ item: 'readiness gates', outcome: 'KruisePodReady' });
    expect(pod.spec.containers.map((c: any) => c.env.at(-1))).toEqual([
      { name: 'KRUISE_CONTAINER_BARRIER', valueFrom: { configMapKeyRef: { name: 'owned-0-barrier', key: 'p_10' } } },
      { name: 'KRUISE_CONTAINER_BARRIER', valueFrom: { configMapKeyRef: { name: 'owned-0-barrier', key: 'p_0' } } },
    ]);
  });

  it('leaves a generateName Pod alone and explains why', () => {
    const pod = byName('gen-');
    expect(pod.spec.containers.every((c: any) => c.env === undefined)).toBe(true);
    expect(pod.spec.readinessGates).toBeUndefined();
    expect(entry('Pod default/gen-').lines[0].reason).toContain('gen-<random>-barrier');
  });

  it('explains the readiness gates each pod of a workload carries', () => {
    expect(entry('CloneSet default/web').lines[0]).toMatchObject({ item: 'readiness gates', outcome: 'example.com/ready, InPlaceUpdateReady, KruisePodReady' });
    expect(entry('DaemonSet default/agent').lines[0]).toMatchObject({ outcome: 'InPlaceUpdateReady, KruisePodReady' });
    // Templates stay as written: the gates come at pod creation.
    expect(byName('web').spec.template.spec.readinessGates).toEqual([{ conditionType: 'example.com/ready' }]);
  });

  it('gives a Deployment the classification advice and no Kruise gates', () => {
    expect(entry('Deployment default/api').lines.map((l) => l.item)).toEqual(['advice']);
  });
});
