// spec.injectionStrategy.revision (spec §3, §12.2): the named ControllerRevision must exist.
// ControllerRevisions are cluster state; kruisec looks for them in the repo, in the Kruise
// namespace, exactly as the webhook looks in the cluster.
import { SIDECARSET_CUSTOM_VERSION_LABEL, SIDECARSET_REVISION_NAME_LABEL } from '../../api/sidecarset.js';
import type { KubeObject } from '../../api/resource.js';
import * as rules from '../../report/catalogue/sidecarset.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { diag, type CheckContext, type SidecarSetUnderCheck } from './context.js';
import { compareStrings } from '../../util/compare.js';
import type { Obj } from '../../util/json.js';

export function checkInjectionStrategy(s: SidecarSetUnderCheck, ctx: CheckContext): Diagnostic[] {
  const rev: Obj | undefined = s.ss.spec.injectionStrategy?.revision;
  if (!rev) return [];
  const out: Diagnostic[] = [];
  // Upstream reports these at `revision` (sic); kruisec names the real field.
  const path = ['spec', 'injectionStrategy', 'revision'];
  const has = (v: unknown) => v !== undefined && v !== null;
  if (!has(rev.revisionName) && !has(rev.customVersion)) {
    out.push(diag(rules.revisionUnset, s, path, {}));
  } else if (!findRevision(s.name, rev, ctx.revisions)) {
    const what = has(rev.revisionName) ? JSON.stringify(String(rev.revisionName)) : `with custom version ${JSON.stringify(String(rev.customVersion))} of SidecarSet ${s.name}`;
    out.push(diag(rules.revisionNotFound, s, [...path, has(rev.revisionName) ? 'revisionName' : 'customVersion'], { what, namespace: ctx.cluster.kruiseNamespace }));
  }
  if (!['', 'Always', 'Partial', undefined, null].includes(rev.policy)) {
    out.push(diag(rules.revisionPolicyInvalid, s, [...path, 'policy'], { policy: String(rev.policy) }));
  }
  return out;
}

/** getControllerRevision: the ControllerRevision a SidecarSet's injectionStrategy.revision
 *  names: by name, or the newest labelled with the SidecarSet's name and the custom version
 *  (history.SortControllerRevisions: by revision, then creation time, then name). render
 *  rebuilds the SidecarSet from it, so it is exported through validate's index. */
export function findRevision<R extends KubeObject & { revision?: number }>(
  sidecarSet: string, ref: { revisionName?: unknown; customVersion?: unknown } | null | undefined, revisions: readonly R[],
): R | undefined {
  if (!ref) return undefined;
  if (ref.revisionName !== undefined && ref.revisionName !== null) return revisions.find((r) => r.metadata?.name === ref.revisionName);
  if (ref.customVersion === undefined || ref.customVersion === null) return undefined;
  const matching = revisions.filter((r) => r.metadata?.labels?.[SIDECARSET_REVISION_NAME_LABEL] === sidecarSet
    && r.metadata?.labels?.[SIDECARSET_CUSTOM_VERSION_LABEL] === ref.customVersion);
  matching.sort((x, y) => (x.revision ?? 0) - (y.revision ?? 0)
    || compareStrings(String(x.metadata?.creationTimestamp ?? ''), String(y.metadata?.creationTimestamp ?? ''))
    || compareStrings(x.metadata?.name ?? '', y.metadata?.name ?? ''));
  return matching.at(-1);
}
