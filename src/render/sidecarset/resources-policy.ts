// resourcesPolicy (spec §8): a sidecar's resources computed at pod creation from the pod's own
// containers: pick targets by name regex, aggregate (sum | max), evaluate the expressions.
// Errors reject the pod. Names are matched as Go's regexp (RE2) would (go/regexp.ts).
import { compileGoRegexp } from '../../go/regexp.js';
import { calculate, type ExpressionValue } from '../../validate/index.js';
import {
  addQuantity, cmpQuantity, formatQuantity, milliQuantity, parseQuantity, unitQuantity, zeroQuantity, type Quantity,
} from '../../k8s/quantity.js';
import type { PodView, ResourcesPolicy, SidecarSetObject, V1Container } from './types.js';

export type ResourcesResult =
  | { ok: true; resources: { limits?: Record<string, string>; requests?: Record<string, string> }; targets: string[] }
  | { ok: false; reason: 'no-target' | 'bad-regex' | 'expression'; error: string };

type Agg = { cpu?: Quantity; memory?: Quantity };

function quantityOf(list: Record<string, unknown> | undefined, key: string): Quantity | undefined {
  const v = list?.[key];
  return typeof v === 'string' || typeof v === 'number' ? parseQuantity(v) : undefined;
}

/** getTargetContainers: native-sidecar init containers, then containers, whose name matches and
 *  is not a container name of any SidecarSet injected into this pod. */
export function targetContainers(pod: PodView, regex: RegExp, injected: readonly SidecarSetObject[]): V1Container[] {
  const kruise = new Set<string>();
  for (const ss of injected) {
    for (const c of ss.spec.initContainers ?? []) kruise.add(c.name);
    for (const c of ss.spec.containers ?? []) kruise.add(c.name);
  }
  const out: V1Container[] = [];
  for (const c of pod.spec.initContainers ?? []) {
    if (kruise.has(c.name) || c.restartPolicy !== 'Always') continue;
    if (regex.test(c.name)) out.push(c);
  }
  for (const c of pod.spec.containers ?? []) {
    if (kruise.has(c.name)) continue;
    if (regex.test(c.name)) out.push(c);
  }
  return out;
}

/** aggregateResources: limits only when every target has one; requests count a missing one as 0. */
export function aggregate(targets: readonly V1Container[], mode: string | undefined): { limits: Agg; requests: Agg } {
  const limits: Agg = {}, requests: Agg = {};
  if (mode !== 'sum' && mode !== 'max') return { limits, requests };
  for (const key of ['cpu', 'memory'] as const) {
    let all = true;
    let lim: Quantity | undefined = mode === 'sum' ? zeroQuantity() : undefined;
    let req: Quantity | undefined = mode === 'sum' ? zeroQuantity() : undefined;
    for (const c of targets) {
      const l = quantityOf(c.resources?.limits as Record<string, unknown>, key);
      if (!l) all = false;
      else if (mode === 'sum') lim = addQuantity(lim!, l);
      else if (!lim || cmpQuantity(l, lim) > 0) lim = l;
      const r = quantityOf(c.resources?.requests as Record<string, unknown>, key);
      if (r) {
        if (mode === 'sum') req = addQuantity(req!, r);
        else if (!req || cmpQuantity(r, req) > 0) req = r;
      }
    }
    if (all && lim) limits[key] = lim;
    if (req && req.nano !== 0n) requests[key] = req;
    else if (req && mode === 'max') requests[key] = req;
  }
  return { limits, requests };
}

/** evaluateResourceExpression: the variable is `memory` if the word occurs, else `cpu`; a plain
 *  number result becomes milli-cpu or memory units accordingly. */
export function evaluateExpression(expr: string, aggregated: Quantity | undefined): { ok: true; q: Quantity } | { ok: false; error: string } {
  const varName = /\bmemory\b/.test(expr) ? 'memory' : 'cpu';
  const vars = new Map<string, ExpressionValue>([[varName, { q: aggregated ?? zeroQuantity() }]]);
  const r = calculate(expr, vars);
  if (!r.ok) return { ok: false, error: `failed to parse expression "${expr}": ${r.error}` };
  const v = r.value;
  if ('q' in v) return { ok: true, q: v.q };
  if (!Number.isFinite(v.n)) return { ok: false, error: `failed to parse expression "${expr}": value out of range` };
  return { ok: true, q: varName === 'cpu' ? milliQuantity(BigInt(Math.trunc(v.n * 1000))) : unitQuantity(BigInt(Math.trunc(v.n))) };
}

/** applyResourcesPolicy: the sidecar's new `resources`, or why the pod is rejected. */
export function applyResourcesPolicy(policy: ResourcesPolicy, pod: PodView, injected: readonly SidecarSetObject[]): ResourcesResult {
  const pattern = policy.targetContainersNameRegex ?? '';
  const regex = compileGoRegexp(pattern);
  if (!regex.ok) return { ok: false, reason: 'bad-regex', error: `invalid regex pattern "${pattern}"` };
  const targets = targetContainers(pod, regex.re, injected);
  if (!targets.length) return { ok: false, reason: 'no-target', error: `no containers match the regex pattern "${pattern}"` };
  const { limits, requests } = aggregate(targets, policy.targetContainersMode);
  const resources: { limits?: Record<string, string>; requests?: Record<string, string> } = {};
  const expr = policy.resourcesExpr ?? {};
  if (expr.limits) {
    const out: Record<string, string> = {};
    for (const key of ['cpu', 'memory'] as const) {
      const e = expr.limits[key];
      if (!e || !limits[key]) continue;
      const r = evaluateExpression(e, limits[key]);
      if (!r.ok) return { ok: false, reason: 'expression', error: `limits.${key}: ${r.error}` };
      out[key] = formatQuantity(r.q);
    }
    if (Object.keys(out).length) resources.limits = out;
  }
  if (expr.requests) {
    const out: Record<string, string> = {};
    for (const key of ['cpu', 'memory'] as const) {
      const e = expr.requests[key];
      if (!e) continue;
      const r = evaluateExpression(e, requests[key]);
      if (!r.ok) return { ok: false, reason: 'expression', error: `requests.${key}: ${r.error}` };
      out[key] = formatQuantity(r.q);
    }
    if (Object.keys(out).length) resources.requests = out;
  }
  return { ok: true, resources, targets: targets.map((c) => c.name) };
}
