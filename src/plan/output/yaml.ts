// One YAML dump setting for every file plan writes: no anchors, no line folding, keys in the
// manifest's own order, so the same objects always give the same bytes.
import yaml from 'js-yaml';
import type { KubeObject } from '../../api/resource.js';

export function dumpYaml(v: unknown): string {
  return yaml.dump(v, { noRefs: true, lineWidth: -1, sortKeys: false });
}

export function dumpStream(objs: readonly KubeObject[]): string {
  return objs.map((o) => `---\n${dumpYaml(o)}`).join('');
}

/** A file-name-safe slug: lowercase letters, digits and '-'. */
export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
