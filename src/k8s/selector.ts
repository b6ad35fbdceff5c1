// metav1.LabelSelector matching, as labels.Selector does it (k8s.io/apimachinery).
import { memoByText } from '../util/memo.js';

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** metav1.LabelSelectorAsSelector semantics: a nil selector matches nothing, an empty one
 *  matches everything. Unknown operators match nothing (upstream errors out). */
export function selectorMatches(selector: LabelSelector | null | undefined, labels: Record<string, string> | undefined): boolean {
  if (selector === null || selector === undefined) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const r of selector.matchExpressions ?? []) if (!requirementMatches(r, l)) return false;
  return true;
}

export function requirementMatches(r: LabelSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.operator) {
    case 'In': return has && (r.values ?? []).includes(labels[r.key]);
    case 'NotIn': return !has || !(r.values ?? []).includes(labels[r.key]);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    default: return false;
  }
}

/** Problems metav1validation.ValidateLabelSelector would report, as [path, message]. */
export function labelSelectorErrors(sel: LabelSelector): [string, string][] {
  const errs: [string, string][] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) {
    const ke = qualifiedNameError(k); if (ke) errs.push([`matchLabels.${k}`, ke]);
    const ve = labelValueError(String(v)); if (ve) errs.push([`matchLabels.${k}`, ve]);
  }
  (sel.matchExpressions ?? []).forEach((r, i) => {
    const p = `matchExpressions[${i}]`;
    const ke = qualifiedNameError(r.key ?? ''); if (ke) errs.push([`${p}.key`, ke]);
    const n = (r.values ?? []).length;
    switch (r.operator) {
      case 'In': case 'NotIn':
        if (n === 0) errs.push([`${p}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\'']);
        break;
      case 'Exists': case 'DoesNotExist':
        if (n > 0) errs.push([`${p}.values`, 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\'']);
        break;
      default:
        errs.push([`${p}.operator`, `not a valid selector operator: ${JSON.stringify(r.operator)}`]);
    }
    (r.values ?? []).forEach((v, j) => { const ve = labelValueError(String(v)); if (ve) errs.push([`${p}.values[${j}]`, ve]); });
  });
  return errs;
}

const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** validation.IsQualifiedName: [prefix/]name. */
export function qualifiedNameError(key: string): string | undefined {
  const e = qualifiedNameErrors(key);
  return e === '' ? undefined : e;
}

// Asked of every label and annotation key of every resource ('' for a valid key).
const qualifiedNameErrors = memoByText((key) => qualifiedNameProblem(key) ?? '');

function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  let name = key;
  if (parts.length === 2) {
    const [prefix, n] = parts;
    if (prefix.length === 0) return 'prefix part must be non-empty';
    if (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) return 'prefix part must be a lowercase RFC 1123 subdomain';
    name = n;
  } else if (parts.length > 2) {
    return 'a qualified name must consist of alphanumeric characters, \'-\', \'_\' or \'.\', with an optional DNS subdomain prefix and \'/\'';
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!NAME_PART.test(name)) return 'name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character';
  return undefined;
}

/** validation.IsValidLabelValue. */
export function labelValueError(v: string): string | undefined {
  if (v.length > 63) return 'must be no more than 63 characters';
  if (v.length > 0 && !NAME_PART.test(v)) return 'a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character';
  return undefined;
}
