import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_FACTS, type ClusterFacts } from '../api/cluster.js';
import type { KubeObject, Resource } from '../api/resource.js';
import { plan } from './index.js';
import { formatPlan } from './output/index.js';
import { stagedSubsetPartitions } from './kinds/uniteddeployment.js';

function fixture(name: string): Resource[] {
  const file = new URL(`./testdata/${name}`, import.meta.url).pathname;
  return (yaml.loadAll(readFileSync(file, 'utf8')) as KubeObject[]).filter(Boolean).map((obj, doc) => ({ obj, origin: { file: name, doc } }));
}

const facts = (over: Partial<ClusterFacts> = {}): ClusterFacts => ({ ...DEFAULT_CLUSTER_FACTS, ...over });
const find = (rs: Resource[], kind: string, name: string) => rs.find((r) => r.obj.kind === kind && r.obj.metadata.name === name)!.obj as any;

describe('plan', () => {
  const head = fixture('two-workloads.yaml');
  const result = plan(head, undefined, { cluster: facts() });

  it('is byte-identical whatever the input order', () => {
    const reversed = plan([...head].reverse(), undefined, { cluster: facts() });
    for (const f of ['json', 'markdown', 'dir', 'argocd'] as const) expect(formatPlan(reversed, f)).toEqual(formatPlan(result, f));
  });

  it('orders every stage for installation: namespace, config, SidecarSet, workloads', () => {
    for (const s of result.stages) expect(s.resources.map((r) => r.obj.kind)).toEqual(['Namespace', 'ConfigMap', 'SidecarSet', 'StatefulSet', 'CloneSet']);
  });

  it('never raises a partition: a mixed int/percent step that would is held', () => {
    const parts = result.stages.map((s) => find(s.resources, 'CloneSet', 'web').spec.updateStrategy?.rollingUpdate?.partition);
    // 50 new, then "10%" (would keep 90 old: held at 50), then "60%" -> "40%", then released.
    expect(parts).toEqual([50, 50, '40%', undefined]);
  });

  it('keeps reserveOrdinals partitions as counts and follows the shortest workload to its end', () => {
    const parts = result.stages.map((s) => find(s.resources, 'StatefulSet', 'ledger').spec.updateStrategy?.rollingUpdate?.partition);
    expect(parts).toEqual([2, undefined, undefined, undefined]);
  });

  it('starts a SidecarSet with its canary selector, then partitions', () => {
    const us = result.stages.map((s) => find(s.resources, 'SidecarSet', 'proxy').spec.updateStrategy);
    expect(us[0]).toEqual({ selector: { matchLabels: { canary: 'true' } } });
    expect(us[1]).toEqual({ partition: '50%' });
    expect(us[2]).toBeUndefined();
  });

  it('gates on approval when any workload waits for one, else the longest pause', () => {
    expect(result.stages.map((s) => s.gate)).toEqual([{ type: 'approval' }, { type: 'approval' }, { type: 'approval' }, { type: 'none' }]);
  });

  it('states what convergence means, with the failure tolerance', () => {
    const e = result.stages[0].expect.find((x) => x.name === 'ledger')!;
    expect(e).toMatchObject({ desiredUpdated: 1, partitionCount: 2, replicas: 3, tolerance: 1 });
    expect(result.stages[0].expect.find((x) => x.name === 'web')).toMatchObject({ desiredUpdated: 50, partitionCount: 50, partition: 50 });
  });

  it('uses defaultSteps when nothing else names steps', () => {
    const r = plan(fixture('rollout-v1alpha1.yaml').filter((x) => x.obj.kind !== 'Rollout'), undefined, { cluster: facts({ defaultSteps: [{ replicas: '30%', pause: { duration: 10 } }, { replicas: '100%' }] }) });
    expect(r.stages.map((s) => find(s.resources, 'StatefulSet', 'db').spec.updateStrategy?.rollingUpdate?.partition)).toEqual([7, undefined]);
    expect(r.stages[0].gate).toEqual({ type: 'pause', seconds: 10 });
  });

  it('adopts the steps of a Rollout the cluster does not run yet, converting v1alpha1 weights', () => {
    const r = plan(fixture('rollout-v1alpha1.yaml'), undefined, { cluster: facts() });
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['plan-no-base', 'plan-rollout-traffic-ignored', 'plan-rollout-steps-adopted']);
    // weight 20 reads as replicas "20%": 2 of 10 new, partition 8; "100%" releases the rest.
    expect(r.stages.map((s) => find(s.resources, 'StatefulSet', 'db').spec.updateStrategy?.rollingUpdate?.partition)).toEqual([8, undefined]);
    // The Rollout joins only the last stage, so its controller never races kruisec's stages.
    expect(r.stages.map((s) => s.resources.some((x) => x.obj.kind === 'Rollout'))).toEqual([false, true]);
  });

  it('leaves the release to a Rollout the cluster already runs', () => {
    const head = fixture('rollout-v1alpha1.yaml');
    const base = head.map((x) => (x.obj.kind === 'StatefulSet' ? { ...x, obj: { ...x.obj, spec: { ...(x.obj as any).spec, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:16.1' }] } } } } } : x));
    const r = plan(head, base, { cluster: facts() });
    expect(r.stages).toHaveLength(1);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['plan-rollout-traffic-ignored', 'plan-rollout-staged']);
    expect(r.stages[0].preview[0]).toMatchObject({ mode: 'rollout', updated: 0, old: 10 });
    expect(r.stages[0].preview[0].note).toContain('step 1: 2/10 new (partition 8)');
  });
});

describe('UnitedDeployment step split (§5.3)', () => {
  it('4/2/2 at 50% and 25%', () => {
    expect(stagedSubsetPartitions({ a: 4, b: 2, c: 2 }, '50%')).toEqual({ a: 2, b: 1, c: 1 });
    expect(stagedSubsetPartitions({ a: 4, b: 2, c: 2 }, '25%')).toEqual({ a: 3, b: 1, c: 1 });
    expect(stagedSubsetPartitions({ a: 4, b: 2, c: 2 }, 3)).toEqual({ a: 1, b: 0, c: 0 });
  });
});

describe('UnitedDeployment partitions held in git', () => {
  it('never release a subset git holds back, per subset', () => {
    const head = fixture('ud-held-subset.yaml');
    const r = plan(head, undefined, { cluster: facts() });
    const parts = r.stages.map((s) => find(s.resources, 'UnitedDeployment', 'checkout').spec.updateStrategy.manualUpdate?.partitions);
    expect(parts).toEqual([{ 'zone-a': 2, 'zone-b': 1, 'zone-c': 3 }, { 'zone-c': 3 }]);
  });
});

describe('StatefulSet ordinal previews', () => {
  it('names the ordinals a stage updates, skipping reserved ones', () => {
    const r = plan(fixture('two-workloads.yaml'), undefined, { cluster: facts() });
    const pv = r.stages[0].preview.find((p) => p.workload === 'StatefulSet shop/ledger')!;
    // 3 replicas over ordinals 0, 2, 3 (1 reserved); partition 2 keeps 0 and 2 old.
    expect(pv.note).toContain('ordinals 3 updated');
  });
});
