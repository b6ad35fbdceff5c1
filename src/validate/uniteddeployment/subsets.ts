// V21-V24: per-subset rules: name, nodeSelectorTerm (as a required node-affinity term),
// tolerations, and no pinned replicas under the Adaptive strategy.
import type { FieldPath } from '../../api/resource.js';
import { labelValueError, qualifiedNameError } from '../../k8s/selector.js';
import * as rules from '../../report/catalogue/uniteddeployment.js';
import type { UdContext } from './context.js';
import { fail } from './context.js';
import { dnsLabelError, dnsSubdomainError } from './names.js';
import { isAdaptive } from './schedule-strategy.js';
import { isObj, list, type Obj } from '../../util/json.js';

export function checkSubsets(ctx: UdContext): void {
  const seen = new Set<string>();
  const adaptive = isAdaptive(ctx.ud);
  list(ctx.ud.spec?.topology?.subsets).forEach((raw, i) => {
    const s: Obj = isObj(raw) ? raw : {};
    const path = ['spec', 'topology', 'subsets', i];
    const name = typeof s.name === 'string' ? s.name : '';
    if (name === '') fail(ctx, rules.subsetNameRequired, [...path, 'name'], {});
    if (seen.has(name)) fail(ctx, rules.subsetNameDuplicate, [...path, 'name'], { name });
    seen.add(name);
    const bad = dnsLabelError(name);
    if (bad) fail(ctx, rules.subsetNameInvalid, [...path, 'name'], { name, reason: bad });
    if (isObj(s.nodeSelectorTerm)) checkNodeSelectorTerm(ctx, s.nodeSelectorTerm, [...path, 'nodeSelectorTerm']);
    if (Array.isArray(s.tolerations)) checkTolerations(ctx, s.tolerations, [...path, 'tolerations']);
    if (s.replicas != null && adaptive) fail(ctx, rules.adaptiveSubsetReplicas, [...path, 'replicas'], {});
  });
}

/** ValidateNodeSelectorTerm: matchExpressions as node label requirements, matchFields limited
 *  to metadata.name. */
function checkNodeSelectorTerm(ctx: UdContext, term: Obj, path: FieldPath): void {
  const bad = (p: FieldPath, reason: string) => fail(ctx, rules.nodeSelectorTermInvalid, p, { reason });
  list(term.matchExpressions).forEach((r: Obj, j) => {
    const p = [...path, 'matchExpressions', j];
    const n = list(r?.values).length;
    switch (r?.operator) {
      case 'In': case 'NotIn':
        if (n === 0) bad([...p, 'values'], 'Required value: must be specified when `operator` is \'In\' or \'NotIn\'');
        break;
      case 'Exists': case 'DoesNotExist':
        if (n > 0) bad([...p, 'values'], 'Forbidden: may not be specified when `operator` is \'Exists\' or \'DoesNotExist\'');
        break;
      case 'Gt': case 'Lt':
        if (n !== 1) bad([...p, 'values'], 'Required value: must be specified single value when `operator` is \'Lt\' or \'Gt\'');
        break;
      default:
        bad([...p, 'operator'], `Invalid value: ${JSON.stringify(r?.operator)}: not a valid selector operator`);
    }
    const keyErr = qualifiedNameError(String(r?.key ?? ''));
    if (keyErr) bad([...p, 'key'], `Invalid value: ${JSON.stringify(r?.key ?? '')}: ${keyErr}`);
  });
  list(term.matchFields).forEach((r: Obj, j) => {
    const p = [...path, 'matchFields', j];
    const values = list(r?.values);
    if (r?.operator === 'In' || r?.operator === 'NotIn') {
      if (values.length !== 1) bad([...p, 'values'], 'Required value: must be only one value when `operator` is \'In\' or \'NotIn\' for node field selector');
    } else {
      bad([...p, 'operator'], `Invalid value: ${JSON.stringify(r?.operator)}: not a valid selector operator`);
    }
    if (r?.key !== 'metadata.name') {
      bad([...p, 'key'], `Invalid value: ${JSON.stringify(r?.key)}: not a valid field selector key`);
    } else {
      values.forEach((v, k) => {
        const e = dnsSubdomainError(String(v));
        if (e) bad([...p, 'values', k], `Invalid value: ${JSON.stringify(v)}: ${e}`);
      });
    }
  });
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** ValidateTolerations. */
function checkTolerations(ctx: UdContext, tolerations: unknown[], path: FieldPath): void {
  const bad = (p: FieldPath, reason: string) => fail(ctx, rules.tolerationInvalid, p, { reason });
  tolerations.forEach((raw, i) => {
    const t: Obj = isObj(raw) ? raw : {};
    const p = [...path, i];
    const key = typeof t.key === 'string' ? t.key : '';
    const op = t.operator ?? '';
    const value = typeof t.value === 'string' ? t.value : '';
    const effect = t.effect ?? '';
    if (key.length > 0) {
      const e = qualifiedNameError(key);
      if (e) bad([...p, 'key'], `Invalid value: ${JSON.stringify(key)}: ${e}`);
    }
    if (key.length === 0 && op !== 'Exists') {
      bad([...p, 'operator'], `Invalid value: ${JSON.stringify(op)}: operator must be Exists when \`key\` is empty, which means "match all values and all keys"`);
    }
    if (t.tolerationSeconds != null && effect !== 'NoExecute') {
      bad([...p, 'effect'], `Invalid value: ${JSON.stringify(effect)}: effect must be 'NoExecute' when \`tolerationSeconds\` is set`);
    }
    if (op === 'Equal' || op === '') {
      const e = labelValueError(value);
      if (e) bad([...p, 'operator'], `Invalid value: ${JSON.stringify(value)}: ${e}`);
    } else if (op === 'Exists') {
      if (value.length > 0) bad([...p, 'operator'], 'Invalid value: value must be empty when `operator` is \'Exists\'');
    } else {
      bad([...p, 'operator'], `Unsupported value: ${JSON.stringify(op)}: supported values: "Equal", "Exists"`);
    }
    if (effect !== '' && !EFFECTS.includes(effect)) {
      bad([...p, 'effect'], `Unsupported value: ${JSON.stringify(effect)}: supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"`);
    }
  });
}
