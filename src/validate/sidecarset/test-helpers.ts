// Test harness: load a fixture, default it, run checkSidecarSets, and compare each document's diagnostics
// with its kruisec.test/expect annotation (ruleId@field-path, comma-separated).
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { DEFAULT_CLUSTER_FACTS, type ClusterFacts } from '../../api/cluster.js';
import type { KubeObject, Resource } from '../../api/resource.js';
import { applyDefaults } from '../../default/index.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { fieldText } from '../../k8s/field-path.js';
import { checkSidecarSets } from './index.js';

export const EXPECT = 'kruisec.test/expect';

export function loadFixture(name: string): Resource[] {
  const text = readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
  return yaml.loadAll(text).filter(Boolean).map((obj, doc) => ({ obj: obj as KubeObject, origin: { file: name, doc } }));
}

export function check(resources: Resource[], facts: Partial<ClusterFacts> = {}): Diagnostic[] {
  return checkSidecarSets(applyDefaults(resources), { cluster: { ...DEFAULT_CLUSTER_FACTS, ...facts }, strict: false });
}

export const show = (d: Diagnostic) => `${d.ruleId}@${fieldText(d.path ?? [])}`;

/** [name, expected, actual] per SidecarSet document carrying the expect annotation. */
export function expectations(resources: Resource[], diags: Diagnostic[]): [string, string[], string[]][] {
  return resources.filter((r) => r.obj.metadata?.annotations?.[EXPECT] !== undefined).map((r) => {
    const want = r.obj.metadata.annotations![EXPECT].split(',').map((s) => s.trim()).filter(Boolean).sort();
    const got = diags.filter((d) => d.origin?.doc === r.origin!.doc).map(show).sort();
    return [r.obj.metadata.name ?? '', want, got];
  });
}
