// Expansion of UnitedDeployments into subset workloads: the adapter tests
// (pkg/controller/uniteddeployment/adapter/adapter_test.go TestApplySubsetTemplate for all four
// kinds) and the per-kind strategy, affinity, toleration and patch behaviour of the controller
// tests (uniteddeployment_controller_*_test.go), on testdata/*.yaml.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_FACTS } from '../../api/cluster.js';
import type { KubeObject, Resource } from '../../api/resource.js';
import { applyDefaults } from '../../default/index.js';
import { expandUnitedDeployments } from './index.js';
import { revisionName } from './revision.js';

function load(name: string): Resource[] {
  const file = join(import.meta.dirname, 'testdata', name);
  return applyDefaults((yaml.loadAll(readFileSync(file, 'utf8')) as KubeObject[]).map((obj, doc) => ({ obj, origin: { file, doc } })));
}

const expand = (input: Resource[]) => expandUnitedDeployments(input, { cluster: DEFAULT_CLUSTER_FACTS });
const subsetsOf = (out: Resource[], ud: string) => out.filter((r) => r.obj.kind !== 'UnitedDeployment' && r.derivedFrom?.obj.metadata.name === ud).map((r) => r.obj as any);

describe('adapters (TestApplySubsetTemplate)', () => {
  const input = load('adapters.yaml');
  const out = expand(input);
  const cases: [string, string, string, boolean][] = [
    ['test-statefulset', 'apps/v1', 'StatefulSet', true],
    ['test-advancedstatefulset', 'apps.kruise.io/v1beta1', 'StatefulSet', true],
    ['test-cloneset', 'apps.kruise.io/v1beta1', 'CloneSet', true],
    ['test-deployment', 'apps/v1', 'Deployment', false],
  ];
  for (const [ud, apiVersion, kind, partitioned] of cases) {
    it(`${kind} ${apiVersion}`, () => {
      const [w] = subsetsOf(out.resources, ud);
      // The revision covers the template as admitted (statefulSetTemplate gets pod defaults first).
      const udObj = input.find((r) => r.obj.metadata.name === ud)!.obj as any;
      const revision = revisionName(ud, udObj.spec.template);
      expect(w.apiVersion).toBe(apiVersion);
      expect(w.kind).toBe(kind);
      expect(w.metadata.namespace).toBe('default');
      expect(w.metadata.generateName).toBe(`${ud}-subset-a-`);
      expect(w.metadata.labels).toEqual({
        'custom-label-1': 'custom-value-1', 'selector-key': 'selector-value',
        'apps.kruise.io/controller-revision-hash': revision,
        'apps.kruise.io/subset-name': 'subset-a',
      });
      expect(w.metadata.annotations).toEqual({
        'annotation-key': 'annotation-value',
        'apps.kruise.io/subset-patch': '{"metadata":{"annotations":{"patched-key":"patched-value"}}}',
      });
      expect(w.spec.replicas).toBe(2);
      expect(w.spec.selector).toEqual({ matchLabels: { 'selector-key': 'selector-value', 'apps.kruise.io/subset-name': 'subset-a' } });
      expect(w.spec.template.metadata.annotations).toEqual({ 'patched-key': 'patched-value' });
      expect(w.spec.template.metadata.labels['apps.kruise.io/subset-name']).toBe('subset-a');
      expect(w.spec.template.metadata.labels['apps.kruise.io/controller-revision-hash']).toBe(w.metadata.labels['apps.kruise.io/controller-revision-hash']);
      // partition 4 is clamped to the 2 replicas
      const partition = w.spec.updateStrategy?.rollingUpdate?.partition;
      expect(partition).toBe(partitioned ? 2 : undefined);
      if (kind === 'Deployment') expect(w.spec.paused).toBeUndefined();
    });
  }

  it('emits the defaulted UnitedDeployment first, and the workloads derive from it', () => {
    const ud = out.resources[0];
    expect(ud.obj.kind).toBe('UnitedDeployment');
    expect((ud.obj as any).spec.revisionHistoryLimit).toBe(10);
    expect((ud.obj as any).spec.updateStrategy.type).toBe('Manual');
    expect(ud.origin).toEqual(input[0].origin);
    expect(out.resources[1].derivedFrom).toBe(ud);
    expect(out.resources[1].origin).toBeUndefined();
  });

  it('applies Kruise pod defaults to statefulSetTemplate only', () => {
    const [sts] = subsetsOf(out.resources, 'test-statefulset');
    expect(sts.spec.template.spec.containers[0].imagePullPolicy).toBe('Always');
    expect(sts.spec.template.spec.restartPolicy).toBe('Always');
    const [dep] = subsetsOf(out.resources, 'test-deployment');
    expect(dep.spec.template.spec.containers[0].imagePullPolicy).toBeUndefined();
  });

  it('explains allocator, revision and every subset', () => {
    const e = out.explain.find((x) => x.subject === 'UnitedDeployment default/test-cloneset')!;
    expect(e.topic).toBe('uniteddeployment');
    expect(e.lines.map((l) => l.item)).toEqual(['allocator', 'revision', 'subset-a']);
    expect(e.lines[0].outcome).toBe('specific');
    expect(e.lines[2].outcome).toBe('replicas=2 partition=2');
    expect(e.lines[2].reason).toContain('lowered');
  });

  it('is deterministic and leaves its input untouched', () => {
    const before = JSON.stringify(input.map((r) => r.obj));
    const again = expand(load('adapters.yaml'));
    expect(JSON.stringify(again.resources.map((r) => r.obj))).toBe(JSON.stringify(out.resources.map((r) => r.obj)));
    expect(JSON.stringify(input.map((r) => r.obj))).toBe(before);
  });
});

describe('strategies, affinity, tolerations, patches', () => {
  const out = expand(load('strategies.yaml'));

  it('StatefulSet OnDelete: no partition, type kept', () => {
    const [a, b] = subsetsOf(out.resources, 'sts-ondelete');
    expect(a.spec.updateStrategy).toEqual({ type: 'OnDelete' });
    expect(b.spec.updateStrategy).toEqual({ type: 'OnDelete' });
  });

  it('explains that OnDelete takes no partition', () => {
    const e = out.explain.find((x) => x.subject === 'UnitedDeployment ns/sts-ondelete')!;
    expect(e.lines.find((l) => l.item === 'a')!.outcome).toBe('replicas=2 partition=-');
  });

  it('Advanced StatefulSet OnDelete: no partition', () => {
    const [a] = subsetsOf(out.resources, 'asts-ondelete');
    expect(a.spec.updateStrategy).toEqual({ type: 'OnDelete' });
  });

  it('creates one required term from the subset expressions; matchFields are not applied', () => {
    const [a, b] = subsetsOf(out.resources, 'provision');
    expect(a.spec.template.spec.affinity).toEqual({
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } },
    });
    expect(b.spec.template.spec.affinity).toBeUndefined();
  });

  it('appends subset tolerations after the template ones', () => {
    const [a, b] = subsetsOf(out.resources, 'provision');
    expect(a.spec.template.spec.tolerations.map((t: any) => t.key)).toEqual(['t0', 't1']);
    expect(b.spec.template.spec.tolerations.map((t: any) => t.key)).toEqual(['t0']);
  });

  it('writes an empty subset-patch annotation without a patch; remainder to the greatest name', () => {
    const [a, b] = subsetsOf(out.resources, 'provision');
    expect(a.metadata.annotations['apps.kruise.io/subset-patch']).toBe('');
    expect([a.spec.replicas, b.spec.replicas]).toEqual([1, 2]);
  });

  it('reports a patch that cannot apply and skips that subset only', () => {
    const ws = subsetsOf(out.resources, 'bad-patch');
    expect(ws.map((w) => w.metadata.labels['apps.kruise.io/subset-name'])).toEqual(['b']);
    const d = out.diagnostics.find((x) => x.ruleId === 'uniteddeployment-patch-invalid')!;
    expect(d.path).toEqual(['spec', 'topology', 'subsets', 0, 'patch']);
    expect(d.origin?.doc).toBe(3);
  });

  it('reports a patch whose result Go could not decode', () => {
    expect(subsetsOf(out.resources, 'bad-shape')).toEqual([]);
    const d = out.diagnostics.find((x) => x.ruleId === 'uniteddeployment-patch-invalid' && x.origin?.doc === 8)!;
    expect(d.path).toEqual(['spec', 'topology', 'subsets', 0, 'patch']);
  });

  it('reports an allocation failure and creates nothing', () => {
    expect(subsetsOf(out.resources, 'bad-pins')).toEqual([]);
    const d = out.diagnostics.find((x) => x.ruleId === 'uniteddeployment-allocation-failed')!;
    expect(d.path).toEqual(['spec', 'topology', 'subsets']);
    expect(d.origin?.doc).toBe(4);
  });

  it('writes resource quantities as Go does', () => {
    const [a] = subsetsOf(out.resources, 'quantities');
    expect(a.spec.template.spec.containers[0].resources).toEqual({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } });
  });

  it('creates nothing, silently, without subsets', () => {
    expect(subsetsOf(out.resources, 'empty')).toEqual([]);
    expect(out.diagnostics.filter((d) => d.origin?.doc === 5)).toEqual([]);
    expect(out.resources.some((r) => r.obj.metadata.name === 'empty')).toBe(true);
  });

  it('reports subset CloneSets the CloneSet webhook would reject, and skips them', () => {
    expect(subsetsOf(out.resources, 'bad-cloneset')).toEqual([]);
    const d = out.diagnostics.filter((x) => x.origin?.doc === 6);
    expect(d.length).toBeGreaterThan(0);
    expect(d.every((x) => x.ruleId === 'uniteddeployment-subset-workload-rejected')).toBe(true);
    expect(d[0].path).toEqual(['spec', 'template', 'cloneSetTemplate']);
  });

  it('passes other resources through untouched', () => {
    const other: Resource = { obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }, origin: { file: 'f', doc: 0 } };
    expect(expand([other]).resources[0]).toBe(other);
  });
});
