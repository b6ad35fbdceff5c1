// Test helpers: YAML fixtures → resources with origins, the way the loader hands them over.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import type { KubeObject, Resource } from '../../src/api/resource.js';
import { DEFAULT_CLUSTER_FACTS } from '../../src/api/cluster.js';
import type { ValidateOptions } from '../../src/validate/types.js';

export function loadFixture(file: string): Resource[] {
  const docs = yaml.loadAll(readFileSync(file, 'utf8'), undefined, { schema: yaml.CORE_SCHEMA });
  return docs.flatMap((d, i) => (d && typeof d === 'object' ? [{ obj: d as KubeObject, origin: { file, doc: i } }] : []));
}

export function opts(over: Partial<ValidateOptions> = {}): ValidateOptions {
  return { cluster: DEFAULT_CLUSTER_FACTS, strict: false, ...over };
}
