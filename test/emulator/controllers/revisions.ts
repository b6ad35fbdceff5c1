// ControllerRevisions (apps/v1): each workload keeps one per pod template it has had, so that
// pods of an older revision can still be made (a partition keeps them) and in-place updates can
// tell what changed since a pod's revision.
import type { Obj } from '../store.js';
import { ownerRef } from './pods.js';
import { MANAGERS, type Context } from './runtime.js';

export function ensureRevision(ctx: Context, owner: Obj, name: string, template: Obj, manager = MANAGERS.kruise): void {
  const kind = ctx.kind('apps', 'controllerrevisions');
  const ns = owner.metadata.namespace;
  if (ctx.api.peek(kind, ns, name)) return;
  const mine = ctx.api.all(kind, ns).filter((r) => (r.metadata.ownerReferences ?? []).some((o: Obj) => o.uid === owner.metadata.uid));
  const revision = Math.max(0, ...mine.map((r) => r.revision ?? 0)) + 1;
  ctx.api.create({ kind, version: 'v1', namespace: ns }, {
    apiVersion: 'apps/v1', kind: 'ControllerRevision',
    metadata: { name, namespace: ns, labels: { ...(owner.spec?.selector?.matchLabels ?? {}) }, ownerReferences: [ownerRef(owner)] },
    data: { spec: { template: { ...structuredClone(template), $patch: 'replace' } } },
    revision,
  }, { fieldManager: manager });
}

/** The pod template a revision recorded, if the revision is known. */
export function revisionTemplate(ctx: Context, namespace: string, name: string | undefined): Obj | undefined {
  if (!name) return undefined;
  const r = ctx.api.peek(ctx.kind('apps', 'controllerrevisions'), namespace, name);
  if (!r) return undefined;
  const { $patch: _p, ...template } = r.data?.spec?.template ?? {};
  return template;
}

/** metav1.FormatLabelSelector for a matchLabels selector: "a=b,c=d". */
export function selectorString(selector: Obj | undefined): string {
  const parts = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of (selector?.matchExpressions ?? []) as Obj[]) {
    const vals = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${vals})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${vals})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}
