// Plan writes YAML with render's writer: no anchors, no line folding, keys in the manifest's
// own order, and strings that YAML 1.1 readers (kubectl, Argo CD) would take for booleans or
// numbers quoted, so the same objects always give the same, safe bytes.
import type { KubeObject } from '../../api/resource.js';
import { dumpYaml } from '../../k8s/yaml-writer.js';

export { dumpYaml };

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
