// Server-side apply of one stage object, as field manager kruisec, without force, with one
// documented exception (docs/reconcile.md, "Field ownership"): fields owned by another
// *applier* are taken over. A manager whose managedFields entry has operation Apply (kubectl
// apply --server-side, Argo CD, kpt) or that is kubectl's client-side apply
// (kubectl-client-side-apply) wrote an earlier version of the same manifests from git, which
// this plan supersedes. A field owned by anything else (a controller, kubectl edit/patch/scale,
// an HPA) stops the rollout with the fields and their owners, unless --force-conflicts.
import type { KubeObject } from '../api/resource.js';
import type { KubeClient } from './kube/client.js';
import { ApiError, isApiError } from './kube/errors.js';

export interface ApplyResult {
  obj: KubeObject;
  /** Managers whose fields were taken over. */
  forced: string[];
}

export class FieldConflictError extends Error {}

const CLIENT_SIDE_APPLY = 'kubectl-client-side-apply';

export async function applyObject(client: KubeClient, obj: KubeObject, opts: { forceConflicts: boolean; dryRun?: boolean; live?: KubeObject }): Promise<ApplyResult> {
  try {
    return { obj: await client.apply(obj, { force: opts.forceConflicts, dryRun: opts.dryRun }), forced: [] };
  } catch (e) {
    if (!isApiError(e, 'conflict') || opts.forceConflicts) throw e;
    const conflicts = fieldConflicts(e);
    if (conflicts.length === 0) throw e;
    const live = opts.live ?? await client.get({ apiVersion: obj.apiVersion, kind: obj.kind, namespace: obj.metadata?.namespace, name: obj.metadata?.name ?? '' });
    const managers = [...new Set(conflicts.map((c) => c.manager))].sort();
    const appliers = applierManagers(live);
    const others = managers.filter((m) => !appliers.has(m));
    if (others.length > 0) {
      const fields = conflicts.filter((c) => others.includes(c.manager)).map((c) => `${c.field} (owned by ${c.manager})`).join(', ');
      throw new FieldConflictError(`apply ${obj.kind} ${obj.metadata?.namespace ? `${obj.metadata.namespace}/` : ''}${obj.metadata?.name}: fields changed by someone other than an apply: ${fields}; take them over with --force-conflicts, or put the change into git`);
    }
    return { obj: await client.apply(obj, { force: true, dryRun: opts.dryRun }), forced: managers };
  }
}

/** The {manager, field} pairs of an apply conflict (Status details.causes of type FieldManagerConflict). */
export function fieldConflicts(e: ApiError): { manager: string; field: string }[] {
  const out: { manager: string; field: string }[] = [];
  for (const c of e.causes) {
    if (c.type !== 'FieldManagerConflict') continue;
    const m = /conflict with "([^"]+)"/.exec(c.message ?? '');
    if (m) out.push({ manager: m[1], field: c.field ?? '' });
  }
  return out;
}

/** Managers that wrote this object by applying manifests. */
export function applierManagers(live: KubeObject): Set<string> {
  const set = new Set<string>([CLIENT_SIDE_APPLY]);
  for (const f of (live.metadata?.managedFields as { manager?: string; operation?: string }[] | undefined) ?? []) {
    if (f.operation === 'Apply' && f.manager) set.add(f.manager);
  }
  return set;
}
