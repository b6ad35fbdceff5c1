// Fixture-driven: every document of test/testdata/workloads/*.yaml names, in its annotation
// test.kruisec/expect, the rule ids and field paths the workload checks must report for it
// (info notes only when listed).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_FACTS } from '../../api/cluster.js';
import type { KubeObject, Resource } from '../../api/resource.js';
import { checkWorkloads } from './index.js';

const DIR = 'test/testdata/workloads';
const EXPECT = 'test.kruisec/expect';

function load(file: string): Resource[] {
  const docs = yaml.loadAll(readFileSync(file, 'utf8'));
  return docs.flatMap((d, i) => (d && typeof d === 'object' ? [{ obj: d as KubeObject, origin: { file, doc: i } }] : []));
}

for (const f of readdirSync(DIR).filter((x) => x.endsWith('.yaml')).sort()) {
  describe(`workload checks: ${f}`, () => {
    const resources = load(join(DIR, f));
    const diags = checkWorkloads(resources, { cluster: DEFAULT_CLUSTER_FACTS, strict: false });
    for (const r of resources) {
      const want = r.obj.metadata.annotations?.[EXPECT];
      if (want === undefined) continue;
      it(`${r.obj.kind} ${r.obj.metadata.name}`, () => {
        const expected = want.split(',').map((s) => s.trim()).filter(Boolean).sort();
        // Info notes (advice, in-place probes) count only where a fixture asks for them.
        const got = diags
          .filter((d) => d.origin?.doc === r.origin!.doc)
          .map((d) => ({ d, key: `${d.ruleId}@${(d.path ?? []).join('.')}` }))
          .filter(({ d, key }) => d.severity !== 'info' || expected.includes(key))
          .map(({ key }) => key)
          .sort();
        expect(got).toEqual(expected);
      });
    }
  });
}
