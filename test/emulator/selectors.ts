// The labelSelector and fieldSelector query parameters (k8s.io/apimachinery labels.Parse and
// fields.ParseSelector): "a=b,c!=d,e in (x,y),f notin (z),g,!h" and "metadata.name=x".
import { errors } from './errors.js';
import type { Obj } from './store.js';

type Requirement = { key: string; op: 'eq' | 'ne' | 'in' | 'notin' | 'exists' | 'notexists'; values: string[] };

export type Matcher = (o: Obj) => boolean;

export function labelMatcher(selector: string | undefined): Matcher {
  if (!selector) return () => true;
  const reqs = splitTop(selector).map(parseLabelRequirement);
  return (o) => {
    const labels: Record<string, string> = o.metadata?.labels ?? {};
    return reqs.every((r) => {
      const has = Object.prototype.hasOwnProperty.call(labels, r.key);
      const v = labels[r.key];
      switch (r.op) {
        case 'eq': return has && v === r.values[0];
        case 'ne': return !has || v !== r.values[0];
        case 'in': return has && r.values.includes(v);
        case 'notin': return !has || !r.values.includes(v);
        case 'exists': return has;
        case 'notexists': return !has;
      }
    });
  };
}

/** Field selectors compare a field's string form; a missing field reads as "". */
export function fieldMatcher(selector: string | undefined): Matcher {
  if (!selector) return () => true;
  const reqs = splitTop(selector).map((part) => {
    const m = /^\s*([^!=\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part);
    if (!m) throw errors.badRequest(`unable to parse requirement: invalid field selector: "${part}"`);
    return { path: m[1].split('.'), ne: m[2] === '!=', value: m[3] };
  });
  return (o) => reqs.every((r) => {
    let v: any = o;
    for (const p of r.path) v = v?.[p];
    const s = v === undefined || v === null ? '' : String(v);
    return r.ne ? s !== r.value : s === r.value;
  });
}

/** Splits on commas outside parentheses. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0, cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out.map((p) => p.trim()).filter((p) => p !== '');
}

function parseLabelRequirement(part: string): Requirement {
  let m = /^!\s*([^\s=!(),]+)$/.exec(part);
  if (m) return { key: m[1], op: 'notexists', values: [] };
  m = /^([^\s=!(),]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(part);
  if (m) return { key: m[1], op: m[2] as 'in' | 'notin', values: m[3].split(',').map((v) => v.trim()).filter((v) => v !== '') };
  m = /^([^\s=!(),]+)\s*(==|=|!=)\s*([^\s=!(),]*)$/.exec(part);
  if (m) return { key: m[1], op: m[2] === '!=' ? 'ne' : 'eq', values: [m[3]] };
  m = /^([^\s=!(),]+)$/.exec(part);
  if (m) return { key: m[1], op: 'exists', values: [] };
  throw errors.badRequest(`unable to parse requirement: found '${part}', expected: a label selector requirement`);
}
