// Update-only rules (validateUnitedDeploymentSpecUpdate, spec §6.3): what may not change
// between the stored UnitedDeployment and the new one. Both sides are stored forms (the
// default phase's output), with Kubernetes' semantic equality (absent, null, empty list and empty map are
// the same). For the plan phase, which knows the base (what the cluster runs now).
import type { FieldPath, Resource } from '../../api/resource.js';
import * as rules from '../../report/catalogue/uniteddeployment.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import type { UdContext } from './context.js';
import { fail } from './context.js';
import { checkUnitedDeployment } from './check.js';
import { changedFields, describeChanges, shortJson } from '../update/changes.js';
import { isObj, list, semanticEqual, type Obj } from '../../util/json.js';

export { semanticEqual };

const STS_UPDATABLE = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy'];
const ASTS_UPDATABLE = ['replicas', 'template', 'updateStrategy'];

/** Every create-time rule on `next`, plus the update-only rules against `prev`. */
export function checkUnitedDeploymentUpdate(prev: Resource, next: Resource): Diagnostic[] {
  const out = checkUnitedDeployment(next, true);
  const ctx: UdContext = { res: next, ud: next.obj, replicasWritten: true, out };
  const old = prev.obj as Obj;
  checkPlacement(ctx, old);
  checkTemplateSpec(ctx, old);
  return out;
}

function checkPlacement(ctx: UdContext, old: Obj): void {
  const before = new Map<string, Obj>();
  for (const s of list(old.spec?.topology?.subsets)) if (isObj(s)) before.set(s.name, s);
  list(ctx.ud.spec?.topology?.subsets).forEach((s: Obj, i) => {
    const o = before.get(s?.name);
    if (!o) return;
    const path = ['spec', 'topology', 'subsets', i];
    if (!semanticEqual(o.nodeSelectorTerm, s.nodeSelectorTerm)) fail(ctx, rules.subsetPlacementChanged, [...path, 'nodeSelectorTerm'], { subset: s.name, what: 'nodeSelectorTerm', base: shortJson(o.nodeSelectorTerm) });
    if (!semanticEqual(o.tolerations, s.tolerations)) fail(ctx, rules.subsetPlacementChanged, [...path, 'tolerations'], { subset: s.name, what: 'tolerations', base: shortJson(o.tolerations) });
  });
}

function checkTemplateSpec(ctx: UdContext, old: Obj): void {
  const t = ctx.ud.spec?.template ?? {}, o = old.spec?.template ?? {};
  const check = (key: string, updatable: string[], normalise: (spec: Obj) => Obj, allowed: string) => {
    if (!isObj(t[key]) || !isObj(o[key])) return false;
    const a = normalise(strip(t[key].spec, updatable)), b = normalise(strip(o[key].spec, updatable));
    const path: FieldPath = ['spec', 'template', key, 'spec'];
    if (!semanticEqual(a, b)) fail(ctx, rules.templateSpecChangeForbidden, path, { template: key, allowed, changes: describeChanges(changedFields(b, a, [])) });
    return true;
  };
  // Only the first pair of same-kind templates is compared, as upstream.
  if (check('statefulSetTemplate', STS_UPDATABLE, normaliseSts, "'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds' and 'ordinals'")) return;
  check('advancedStatefulSetTemplate', ASTS_UPDATABLE, (s) => s, "'template', and 'updateStrategy'");
}

/** The webhook compares specs after filling in the selector and podManagementPolicy. */
function normaliseSts(spec: Obj): Obj {
  const { selector: _selector, ...rest } = spec;
  return { ...rest, podManagementPolicy: rest.podManagementPolicy || 'OrderedReady' };
}

function strip(spec: unknown, keys: string[]): Obj {
  const out: Obj = { ...(isObj(spec) ? spec : {}) };
  for (const k of keys) delete out[k];
  return out;
}
