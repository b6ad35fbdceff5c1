import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { KubeObject, Resource } from '../../api/resource.js';
import { diffResources, formatDiff } from './index.js';

// Base and head as render leaves them: a UnitedDeployment with its subset CloneSets (derived
// from it), a SidecarSet injected into a CloneSet, and objects that do not change.
function side(name: string): Resource[] {
  const file = new URL(`./testdata/${name}.yaml`, import.meta.url).pathname;
  const objs = yaml.loadAll(readFileSync(file, 'utf8')) as KubeObject[];
  const out: Resource[] = [];
  objs.forEach((obj, doc) => {
    const parent = obj.metadata.annotations?.['test/derived-from'];
    delete obj.metadata.annotations?.['test/derived-from'];
    const derivedFrom = parent ? out.find((r) => r.obj.metadata.name === parent) : undefined;
    out.push(derivedFrom ? { obj, derivedFrom } : { obj, origin: { file, doc } });
  });
  return out;
}

const base = side('base');
const head = side('head');

describe('rendered diff', () => {
  const r = diffResources(base, head);

  it('groups derived objects under the workload they came from, unchanged ones only counted', () => {
    expect(r.counts).toEqual({ added: 1, removed: 1, changed: 4, unchanged: 2 });
    expect(r.workloads.map((w) => [w.display, w.objects.map((o) => `${o.change} ${o.display}`)])).toEqual([
      ['SidecarSet logging', ['changed SidecarSet logging']],
      ['CloneSet shop/web', ['changed CloneSet shop/web']],
      ['UnitedDeployment shop/checkout', [
        'changed UnitedDeployment shop/checkout', 'changed CloneSet shop/checkout-zone-a-aaaaa',
        'removed CloneSet shop/checkout-zone-b-bbbbb', 'added CloneSet shop/checkout-zone-c-ccccc',
      ]],
    ]);
  });

  it('names image changes once per group, and links a SidecarSet to the workloads it changes', () => {
    const [sidecarSet, web, ud] = r.workloads;
    expect(sidecarSet.images).toEqual([{ container: 'logtail', from: 'fluent-bit:3.1', to: 'fluent-bit:3.2' }]);
    expect(sidecarSet.affects).toEqual(['CloneSet shop/web']);
    expect(web.sidecarSets).toEqual(['logging']);
    expect(ud.images).toEqual([
      { container: 'app', from: 'checkout:1', to: 'checkout:2' },
      { container: 'app', from: 'checkout:1', to: null },
      { container: 'app', from: null, to: 'checkout:2' },
    ]);
    expect(ud.objects[1].fields).toEqual([{ path: 'spec.replicas', from: 2, to: 3 }, { path: 'spec.updateStrategy.partition', from: null, to: 1 }]);
  });

  it('diffs YAML with sorted keys, so moved keys are no change', () => {
    const moved = head.map((res) => ({ ...res, obj: Object.fromEntries(Object.entries(res.obj).reverse()) as KubeObject }));
    expect(diffResources(head, moved).workloads).toEqual([]);
    expect(r.workloads[1].objects[0].patch).toBe([
      '--- a/CloneSet/shop/web',
      '+++ b/CloneSet/shop/web',
      '@@ -16,7 +16,7 @@',
      '         app: web',
      '     spec:',
      '       containers:',
      '-        - image: fluent-bit:3.1',
      '+        - image: fluent-bit:3.2',
      '           name: logtail',
      '         - image: web:1',
      '           name: app',
      '',
    ].join('\n'));
    const added = r.workloads[2].objects[3].patch.split('\n');
    expect(added.slice(0, 3)).toEqual(['--- /dev/null', '+++ b/CloneSet/shop/checkout-zone-c-ccccc', '@@ -0,0 +1,13 @@']);
  });

  it('gives the same result whatever order the objects come in', () => {
    const again = diffResources([...base].reverse(), [...head].reverse());
    expect(formatDiff(again, 'json')).toBe(formatDiff(r, 'json'));
  });

  it('shows an object with more changes than jsdiff aligns as replaced whole', () => {
    const lines = (p: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data: Object.fromEntries(Array.from({ length: 2500 }, (_, i) => [`k${i}`, `${p}${i}`])) });
    const big = diffResources([{ obj: lines('a') }], [{ obj: lines('b') }]);
    const patch = big.workloads[0].objects[0].patch.split('\n');
    expect(patch[2]).toBe('@@ -1,2505 +1,2505 @@');
    expect(patch.filter((l) => l.startsWith('-')).length).toBe(2506); // 2505 lines and the --- header
  });
});

describe('diff formats', () => {
  const r = diffResources(base, head);

  it('text: counts, a header per workload, images, patches; colours only when asked', () => {
    const text = formatDiff(r, 'text');
    expect(text.split('\n').slice(0, 5)).toEqual([
      'kruisec diff: 3 workloads change (6 objects: 4 changed, 1 added, 1 removed); 2 objects unchanged',
      '',
      '=== SidecarSet logging',
      'image logtail: fluent-bit:3.1 → fluent-bit:3.2',
      'changes the pods of: CloneSet shop/web',
    ]);
    expect(text).not.toContain('\u001b[');
    const coloured = formatDiff(r, 'text', { color: true });
    expect(coloured).toContain('\u001b[31m-        - image: fluent-bit:3.1\u001b[0m');
    expect(coloured).toContain('\u001b[32m+        - image: fluent-bit:3.2\u001b[0m');
    expect(formatDiff(diffResources(base, base), 'text')).toBe('kruisec diff: no changes; 7 objects unchanged\n');
  });

  it('markdown: a table with images from -> to on top, one collapsed block per workload', () => {
    const md = formatDiff(r, 'markdown');
    expect(md.split('\n').slice(0, 5)).toEqual([
      '### kruisec diff: 3 workloads change (6 objects: 4 changed, 1 added, 1 removed); 2 objects unchanged',
      '',
      '| Workload | Objects | Images |',
      '| --- | --- | --- |',
      '| SidecarSet logging | 1 changed | <code>logtail: fluent-bit:3.1 → fluent-bit:3.2</code> |',
    ]);
    expect(md.match(/<details>/g)).toHaveLength(3);
    expect(md).toContain('<details><summary><b>CloneSet shop/web</b> · 1 changed · <code>logtail: fluent-bit:3.1 → fluent-bit:3.2</code></summary>');
    expect(md).toContain('- injected by changed SidecarSet <code>logging</code>');
    expect(md).toContain('- <code>CloneSet shop/checkout-zone-a-aaaaa</code>: <code>spec.replicas 2 → 3</code>');
  });

  it('markdown: manifest text cannot add markup, close the fence or mention anyone', () => {
    const evil = (img: string) => ({ obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'n' }, spec: { containers: [{ name: '<b>x|@team', image: img }] } } as KubeObject });
    const md = formatDiff(diffResources([evil('a')], [evil('````\n</details>')]), 'markdown');
    expect(md).toContain('<code>&lt;b&gt;x&#124;&#64;team: a → ````');
    // Only inside the fence (which `````` ```` `````` cannot close) does the text stay as written.
    const [outside, fence] = md.split('\n`````diff\n');
    expect(outside).not.toContain('@team');
    expect(fence).toMatch(/^[^]*\n {7}name: <b>x\|@team\n`````\n/);
  });

  it('markdown: stays within maxChars, whole workloads only, and says what it left out', () => {
    const full = formatDiff(r, 'markdown');
    const cut = formatDiff(r, 'markdown', { maxChars: full.length - 10, more: 'See the job summary.' });
    expect(cut.length).toBeLessThanOrEqual(full.length - 10);
    expect(cut.match(/<details>/g)!.length).toBe(cut.match(/<\/details>/g)!.length);
    expect(cut).toMatch(/… 1 of 3 workload diffs not shown: this text is capped at [\d,]+ characters\. See the job summary\.\n$/);
    const tiny = formatDiff(r, 'markdown', { maxChars: 1000 });
    expect(tiny.length).toBeLessThanOrEqual(1000);
    expect(tiny).toContain('not listed in the table either');
  });

  it('json: versioned, every key present', () => {
    const j = JSON.parse(formatDiff(r, 'json'));
    expect(j.version).toBe(1);
    expect(Object.keys(j.workloads[0])).toEqual(['display', 'kind', 'namespace', 'name', 'images', 'sidecarSets', 'affects', 'objects']);
    expect(Object.keys(j.workloads[0].objects[0])).toEqual(['change', 'apiVersion', 'kind', 'namespace', 'name', 'display', 'images', 'fields', 'patch']);
  });
});
