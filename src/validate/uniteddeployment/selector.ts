// V3: spec.selector must be present, valid and non-empty. Beyond the webhook: an
// expression-only selector is rejected, because the controller adds the subset label to
// matchLabels and cannot do that without it (spec §0 item 10, §7).
import { labelSelectorErrors } from '../../k8s/selector.js';
import * as rules from '../../report/catalogue/uniteddeployment.js';
import type { UdContext } from './context.js';
import { fail } from './context.js';
import { isObj } from '../../util/json.js';

/** Returns whether the selector is usable for matching (LabelSelectorAsSelector succeeds). */
export function checkSelector(ctx: UdContext): boolean {
  const sel = ctx.ud.spec?.selector;
  const path = ['spec', 'selector'];
  if (sel == null) {
    fail(ctx, rules.selectorRequired, path, {});
    return false;
  }
  if (!isObj(sel)) {
    fail(ctx, rules.selectorInvalid, path, { reason: 'must be an object' });
    return false;
  }
  const exprs: unknown[] = Array.isArray(sel.matchExpressions) ? sel.matchExpressions : [];
  const malformed = exprs.findIndex((e) => e === null || typeof e !== 'object' || Array.isArray(e));
  if (malformed >= 0 || (sel.matchLabels != null && !isObj(sel.matchLabels))) {
    fail(ctx, rules.selectorInvalid, path, { reason: malformed >= 0 ? `matchExpressions[${malformed}]: must be an object` : 'matchLabels: must be a map' });
    return false;
  }
  const errs = labelSelectorErrors(sel);
  for (const [where, reason] of errs) fail(ctx, rules.selectorInvalid, path, { reason: `${where}: ${reason}` });
  const nLabels = Object.keys(sel.matchLabels ?? {}).length;
  const nExpr = Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0;
  if (nLabels + nExpr === 0) fail(ctx, rules.selectorEmpty, path, {});
  else if (nLabels === 0) fail(ctx, rules.selectorWithoutMatchLabels, [...path, 'matchExpressions'], {});
  return errs.length === 0;
}
