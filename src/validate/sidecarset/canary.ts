// Canary SidecarSets (spec §2.4 step 6, §12.1): a SidecarSet annotated
// apps.kruise.io/sidecarset-canary="true" replaces its base (apps.kruise.io/sidecarset-base) on
// the pods it selects. Kruise allows one level only, and only with NotUpdate.
import { SIDECARSET_BASE_ANNOTATION, SIDECARSET_CANARY_ANNOTATION } from '../../api/sidecarset.js';
import * as rules from '../../report/catalogue/sidecarset.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { diag, type CheckContext, type SidecarSetUnderCheck } from './context.js';
import type { Obj } from '../../util/json.js';

/** sidecarcontrol.IsCanarySidecarSet: the base name when the SidecarSet is a canary. */
export function canaryBase(ss: Obj): string | undefined {
  const a = ss.metadata?.annotations ?? {};
  return a[SIDECARSET_CANARY_ANNOTATION] === 'true' && a[SIDECARSET_BASE_ANNOTATION] ? String(a[SIDECARSET_BASE_ANNOTATION]) : undefined;
}

export function checkCanary(s: SidecarSetUnderCheck, ctx: CheckContext): Diagnostic[] {
  const base = canaryBase(s.ss);
  if (base === undefined) return [];
  const out: Diagnostic[] = [];
  const path = ['metadata', 'annotations', SIDECARSET_BASE_ANNOTATION];
  const found = ctx.byName.get(base);
  if (base === s.name) out.push(diag(rules.canaryBaseItself, s, path, { base }, 'metadata'));
  else if (!found) out.push(diag(rules.canaryBaseNotFound, s, path, { base }, 'metadata'));
  else if (canaryBase(found.ss) !== undefined) out.push(diag(rules.canaryBaseIsCanary, s, path, { base }, 'metadata'));
  const type = s.ss.spec.updateStrategy?.type;
  if (type !== 'NotUpdate') out.push(diag(rules.canaryRollingUpdate, s, ['spec', 'updateStrategy', 'type'], { type: String(type), base }, 'metadata'));
  return out;
}
