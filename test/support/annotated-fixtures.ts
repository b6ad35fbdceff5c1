// Fixture-driven rule tests: every document of a folder's *.yaml names, in its annotation
// test.kruisec/expect, the `ruleId@field.path` pairs a check must report for it. Info notes
// (advice, notes on what cannot be judged offline) count only where a fixture lists them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_FACTS } from '../../src/api/cluster.js';
import type { KubeObject, Resource } from '../../src/api/resource.js';
import type { Diagnostic } from '../../src/report/diagnostic.js';
import type { ValidateOptions } from '../../src/validate/index.js';

const EXPECT = 'test.kruisec/expect';

function load(file: string): Resource[] {
  const docs = yaml.loadAll(readFileSync(file, 'utf8'));
  return docs.flatMap((d, i) => (d && typeof d === 'object' ? [{ obj: d as KubeObject, origin: { file, doc: i } }] : []));
}

export function describeAnnotatedFixtures(title: string, dir: string, check: (resources: Resource[], opts: ValidateOptions) => Diagnostic[]): void {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml')).sort()) {
    describe(`${title}: ${f}`, () => {
      const resources = load(join(dir, f));
      const diags = check(resources, { cluster: DEFAULT_CLUSTER_FACTS, strict: false });
      for (const r of resources) {
        const want = r.obj.metadata.annotations?.[EXPECT];
        if (want === undefined) continue;
        it(`${r.obj.kind} ${r.obj.metadata.name}`, () => {
          const expected = want.split(',').map((s) => s.trim()).filter(Boolean).sort();
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
}
