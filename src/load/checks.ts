// Checks over the loaded set that need no schema: names present, kinds known, and no
// object declared twice.
import { resourceKey, type Resource } from '../api/resource.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { report } from '../report/catalogue/rule.js';
import * as rules from '../report/catalogue/load.js';
import { clusterScopedNamespace } from '../report/catalogue/input.js';
import { isClusterScoped, isKnownKind } from './known-kinds.js';

export function checkResources(resources: readonly Resource[]): { kept: Resource[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const kept: Resource[] = [];
  const seen = new Map<string, Resource>();
  for (const r of resources) {
    const { obj, origin } = r;
    if (!isKnownKind(obj.apiVersion, obj.kind)) {
      diagnostics.push({ ...report(rules.unknownKind, { apiVersion: obj.apiVersion, kind: obj.kind }), origin, path: ['kind'] });
    }
    const meta = obj.metadata;
    if (typeof meta.name !== 'string' || meta.name === '') {
      if (!(obj.kind === 'Pod' && typeof meta.generateName === 'string')) {
        diagnostics.push({ ...report(rules.missingName, { kind: obj.kind }), origin, path: ['metadata'] });
        continue;
      }
      kept.push(r);
      continue;
    }
    const clusterScoped = isClusterScoped(obj.kind);
    // kustomize's `namespace:` sets it on every object; the API server clears it on these.
    if (clusterScoped && typeof meta.namespace === 'string' && meta.namespace !== '') {
      diagnostics.push({ ...report(clusterScopedNamespace, { kind: obj.kind, namespace: meta.namespace }), origin, path: ['metadata', 'namespace'] });
    }
    const key = clusterScoped ? resourceKey({ ...obj, metadata: { name: meta.name } }) : resourceKey(obj);
    const first = seen.get(key);
    if (first) {
      const where = (x: Resource) => `${x.origin?.file ?? '?'} (document ${(x.origin?.doc ?? 0) + 1})`;
      diagnostics.push({ ...report(rules.duplicateResource, { name: `${obj.kind} ${meta.namespace ? `${meta.namespace}/` : ''}${meta.name}`, other: where(first) }), origin, path: ['metadata', 'name'] });
      continue;
    }
    seen.set(key, r);
    kept.push(r);
  }
  return { kept, diagnostics };
}
