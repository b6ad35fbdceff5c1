// resourcesPolicy of a sidecar (spec §8, §12.2): allowed on containers and on native-sidecar
// init containers, never together with fixed resources, and every expression must evaluate
// with its variable (cpu or memory) bound to the number 1, as the webhook tries it.
import type { FieldPath } from '../../api/resource.js';
import { calculate } from './resources-expression.js';
import * as rules from '../../report/catalogue/sidecarset.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { diag, type SidecarSetUnderCheck } from './context.js';
import { compileGoRegexp } from '../../go/regexp.js';
import type { Obj } from '../../util/json.js';

export function checkResourcesPolicies(s: SidecarSetUnderCheck): Diagnostic[] {
  const out: Diagnostic[] = [];
  (s.ss.spec.initContainers ?? []).forEach((c: Obj, i: number) => {
    if (!c.resourcesPolicy) return;
    const path = ['spec', 'initContainers', i, 'resourcesPolicy'];
    // Upstream names this spec[i].resourcesPolicy (sic); kruisec points at the real field.
    if (c.restartPolicy !== 'Always') out.push(diag(rules.resourcesPolicyNotNative, s, path, {}));
    out.push(...checkResourcesPolicy(s, c, path));
  });
  (s.ss.spec.containers ?? []).forEach((c: Obj, i: number) => {
    if (c.resourcesPolicy) out.push(...checkResourcesPolicy(s, c, ['spec', 'containers', i, 'resourcesPolicy']));
  });
  return out;
}

function checkResourcesPolicy(s: SidecarSetUnderCheck, c: Obj, path: FieldPath): Diagnostic[] {
  const policy: Obj = c.resourcesPolicy;
  const size = (m: unknown) => (m && typeof m === 'object' ? Object.keys(m).length : 0);
  if (size(c.resources?.limits) > 0 || size(c.resources?.requests) > 0) {
    return [diag(rules.resourcesPolicyWithResources, s, path, {})];
  }
  const out: Diagnostic[] = [];
  const regex = policy.targetContainersNameRegex ?? '';
  if (regex === '') {
    out.push(diag(rules.resourcesPolicyRegexInvalid, s, [...path, 'targetContainersNameRegex'], { reason: 'Required value: invalid empty regex' }));
  } else {
    const compiled = compileGoRegexp(String(regex));
    if (!compiled.ok) out.push(diag(rules.resourcesPolicyRegexInvalid, s, [...path, 'targetContainersNameRegex'], { reason: `invalid regex pattern: ${compiled.error}` }));
  }
  const expr: Obj = policy.resourcesExpr ?? {};
  const exprPath = [...path, 'resourcesExpr'];
  if (!expr.limits && !expr.requests) {
    out.push(diag(rules.resourcesPolicyExprMissing, s, exprPath, {}));
    return out;
  }
  for (const kind of ['limits', 'requests'] as const) {
    for (const res of ['cpu', 'memory'] as const) {
      const e = expr[kind]?.[res];
      if (e === undefined || e === null || e === '') continue;
      const r = calculate(String(e), new Map([[res, { n: 1 }]]));
      if (!r.ok) out.push(diag(rules.resourcesPolicyExprInvalid, s, [...exprPath, kind, res], { expr: String(e), reason: r.error }));
    }
  }
  return out;
}
