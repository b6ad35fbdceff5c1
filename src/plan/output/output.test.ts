import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_FACTS } from '../../api/cluster.js';
import type { KubeObject, Resource } from '../../api/resource.js';
import { plan } from '../index.js';
import { formatPlan } from './index.js';
import { planToMarkdown } from './markdown.js';
import { syncWave } from './argocd.js';

const file = new URL('../testdata/two-workloads.yaml', import.meta.url).pathname;
const head: Resource[] = (yaml.loadAll(readFileSync(file, 'utf8')) as KubeObject[]).map((obj, doc) => ({ obj, origin: { file, doc } }));
const result = plan(head, undefined, { cluster: DEFAULT_CLUSTER_FACTS });

describe('plan output', () => {
  it('json carries resources, gate, expect and preview per stage', () => {
    const j = JSON.parse(formatPlan(result, 'json').stdout!);
    expect(j.stages).toHaveLength(4);
    expect(Object.keys(j.stages[0])).toEqual(['index', 'resources', 'gate', 'expect', 'preview']);
    expect(j.stages[0].resources[0]).toEqual(head[0].obj);
  });
  it('dir writes every stage as a complete set, numbered in install order', () => {
    const files = formatPlan(result, 'dir').files!;
    const stage0 = Object.keys(files).filter((f) => f.startsWith('stage-00/')).sort();
    expect(stage0).toEqual([
      'stage-00/000-namespace-shop.yaml', 'stage-00/001-configmap-shop-settings.yaml', 'stage-00/002-sidecarset-proxy.yaml',
      'stage-00/003-statefulset-shop-ledger.yaml', 'stage-00/004-cloneset-shop-web.yaml',
    ]);
    expect(Object.keys(files).filter((f) => f.startsWith('stage-03/'))).toHaveLength(5);
    expect(yaml.load(files['stage-00/004-cloneset-shop-web.yaml'])).toMatchObject({ spec: { updateStrategy: { rollingUpdate: { partition: 50 } } } });
    expect(JSON.parse(files['plan.json']).stages).toHaveLength(4);
  });
  it('argocd: one folder per commit, sync waves inside a stage', () => {
    const out = formatPlan(result, 'argocd');
    const docs = yaml.loadAll(out.files!['stage-01/manifests.yaml']) as KubeObject[];
    expect(docs.map((d) => [d.kind, d.metadata.annotations?.['argocd.argoproj.io/sync-wave']])).toEqual([
      ['Namespace', '0'], ['ConfigMap', '0'], ['SidecarSet', '1'], ['StatefulSet', '2'], ['CloneSet', '2'],
    ]);
    expect(out.files!['README.md']).toContain('commit stage-00/manifests.yaml');
    const all = yaml.loadAll(out.stdout!) as KubeObject[];
    expect(all).toHaveLength(20);
    expect(all.filter((d) => d.metadata.annotations?.['kruisec.io/stage'] === '3')).toHaveLength(5);
    expect(syncWave('Rollout')).toBe(1);
    // The plan's own objects are not touched by the annotation.
    expect(result.stages[1].resources[0].obj.metadata.annotations).toBeUndefined();
  });
  it('markdown: one row per workload per stage', () => {
    const md = formatPlan(result, 'markdown').stdout!;
    expect(md).toContain('| 1 | CloneSet shop/web | 50 | 50 | recreate | manual approval |');
    expect(md.split('\n').filter((l) => l.startsWith('| 4 |'))).toHaveLength(1);
  });
  it('markdown: only workloads that change, with images from -> to; unchanged ones counted', () => {
    // The base runs web:1; ledger and the SidecarSet are as in the head.
    const base = head.map((r) => (r.obj.kind !== 'CloneSet' ? r : { ...r, obj: JSON.parse(JSON.stringify(r.obj).replace('"web:2"', '"web:1"')) as KubeObject }));
    const md = planToMarkdown(plan(head, base, { cluster: DEFAULT_CLUSTER_FACTS }));
    const lines = md.split('\n');
    expect(lines[0]).toMatch(/^### kruisec plan: \d+ stages, 1 workload changes$/);
    expect(lines).toContain('| CloneSet shop/web | revision, recreate | web: web:1 → web:2 |');
    expect(lines.filter((l) => /^\| \d+ \|/.test(l)).every((l) => l.includes('CloneSet shop/web'))).toBe(true);
    expect(md).toContain('2 unchanged workloads are not listed.');
  });
  it('markdown: fits the limit, whole lines only, and says what it cut', () => {
    const md = planToMarkdown(result, 1000);
    expect(md.length).toBeLessThanOrEqual(1000);
    expect(md).toMatch(/\n… \d+ more lines not shown: this plan is capped at 1,000 characters for a pull-request comment\. `kruisec plan --output json` has all of it\.\n$/);
    expect(formatPlan(result, 'markdown').stdout!.length).toBeLessThanOrEqual(65_536);
  });
  it('markdown: manifest text cannot add markup', () => {
    const evil = { ...result, changes: [{ workload: 'CloneSet shop/<img src=x>|@all', change: 'created', mode: 'created', images: [] }] };
    const md = planToMarkdown(evil);
    expect(md).toContain('| CloneSet shop/&lt;img src=x&gt;\\|@&#8203;all | created | — |');
  });
});
