// A kustomization handed to kruisec as if it were manifests. Its objects exist only once
// kustomize builds them (namespace, name prefixes, patches), so the kustomization itself gets
// one hint to pipe the build, not a list of errors on a Kustomization object.
import type { Diagnostic } from '../report/diagnostic.js';
import { report } from '../report/catalogue/rule.js';
import { kustomization } from '../report/catalogue/input.js';

/** The names kustomize looks for in a folder (its konfig.RecognizedKustomizationFileNames). */
const FILE_NAMES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);
const GROUP = 'kustomize.config.k8s.io/';

export function isKustomizationFile(file: string): boolean {
  return FILE_NAMES.has(file.slice(file.lastIndexOf('/') + 1));
}

/** A Kustomization or Component object, wherever it was read from. */
export function isKustomizationObject(obj: Record<string, unknown>): boolean {
  return typeof obj.apiVersion === 'string' && obj.apiVersion.startsWith(GROUP);
}

export function kustomizationHint(file: string): Diagnostic {
  const slash = file.lastIndexOf('/');
  const dir = file === '<stdin>' || slash === -1 ? '.' : file.slice(0, slash);
  return report(kustomization, { dir });
}
