// Ajv errors → diagnostics: one per problem, at the JSON field path Ajv names (instancePath),
// with unknown (pruned) fields split out as warnings.
import type { ApiKind } from '../../api/index.js';
import type { FieldPath, Resource } from '../../api/resource.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/schema.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { suggestField } from './suggest.js';
import type { AjvError } from './validators.js';

/** `/spec/containers/0/name` → ['spec', 'containers', 0, 'name'], indexes as numbers where the
 *  value at that point is an array. */
export function toFieldPath(instancePath: string, root: unknown): (string | number)[] {
  if (instancePath === '') return [];
  const out: (string | number)[] = [];
  let cur: unknown = root;
  for (const raw of instancePath.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur) && /^\d+$/.test(seg)) {
      const i = Number(seg);
      out.push(i);
      cur = cur[i];
    } else {
      out.push(seg);
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

export function diagnosticsFor(res: Resource, errors: readonly AjvError[], strict: boolean, kind?: ApiKind): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const obj = res.obj;
  // anyOf failures repeat their branches' errors; report the branches, not the umbrella.
  for (const e of errors) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
    const path = toFieldPath(e.instancePath, obj);
    // The API server drops nulls of fields that are not nullable before it validates (and Go
    // decodes a null as the zero value), so `field: null` means the field is absent. A null
    // list item is not absent: it is an item no rule can read (Go makes it an empty struct,
    // which the API server then refuses), so it is reported.
    if (e.keyword !== 'additionalProperties' && e.keyword !== 'required' && valueAt(obj, path) === null && typeof path[path.length - 1] !== 'number') continue;
    let d: Diagnostic;
    switch (e.keyword) {
      case 'additionalProperties': {
        const field = String(e.params.additionalProperty);
        const suggestion = kind ? suggestField(kind, path, field) : undefined;
        d = report(rules.unknownField, { field, kind: obj.kind, apiVersion: obj.apiVersion, ...(suggestion ? { suggestion } : {}) }, at(res, [...path, field]), strict ? 'error' : undefined);
        break;
      }
      case 'required':
        d = report(rules.missingField, { field: String(e.params.missingProperty) }, at(res, path));
        break;
      case 'type':
        d = report(rules.wrongType, { expected: typeName(e.params.type), actual: jsonType(valueAt(obj, path)) }, at(res, path));
        break;
      case 'enum':
        d = report(rules.notInEnum, { value: JSON.stringify(valueAt(obj, path)), allowed: ((e.params.allowedValues as unknown[]) ?? []).map((v) => JSON.stringify(v)) }, at(res, path));
        break;
      case 'pattern':
        d = report(rules.patternMismatch, { value: JSON.stringify(valueAt(obj, path)), pattern: String(e.params.pattern) }, at(res, path));
        break;
      default:
        d = report(rules.invalidValue, { reason: e.message ?? e.keyword }, at(res, path));
    }
    const key = `${d.ruleId}\u0000${JSON.stringify(d.path)}\u0000${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

function typeName(t: unknown): string {
  const list = Array.isArray(t) ? t : String(t).split(',');
  if (list.includes('integer') && list.includes('string')) return 'an integer or a string';
  if (list.includes('number') && list.includes('string')) return 'a number or a string';
  return list.filter((x) => x !== 'null').map((x) => (x === 'object' ? 'a map' : x === 'array' ? 'a list' : `${/^[aeiou]/.test(x) ? 'an' : 'a'} ${x}`)).join(' or ');
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number';
  return `a ${typeof v}`;
}

function valueAt(root: unknown, path: FieldPath): unknown {
  let cur = root;
  for (const seg of path) cur = cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[seg] : undefined;
  return cur;
}
