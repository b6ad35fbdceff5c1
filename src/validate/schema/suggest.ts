// "Did you mean": for an unknown field, the closest field name the schema defines at that
// level. Only asked when a field is unknown, so the kind's JSON Schema (schemas/, the source
// of its compiled validator) is read then, once per kind.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distance } from 'fastest-levenshtein';
import type { ApiKind } from '../../api/index.js';
import type { FieldPath } from '../../api/resource.js';
import { compareStrings } from '../../util/compare.js';
import { packageRoot } from './validators.js';

type Schema = { [keyword: string]: unknown };

/** The defined field nearest to `field` among its siblings at `parent`, or undefined when none
 *  is near enough to be a likely misspelling (at most a third of its letters differ). Ties go
 *  to the name first in string order, so the answer never depends on the schema's key order. */
export function suggestField(kind: ApiKind, parent: FieldPath, field: string): string | undefined {
  const root = schemaOf(kind);
  const names = root ? fieldNames(root, root, parent) : [];
  const limit = Math.max(1, Math.floor(field.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    // Case is the commonest slip (`ImagePullPolicy`): count it as one edit, not one per letter.
    const d = name.toLowerCase() === field.toLowerCase() ? 1 : distance(name, field);
    if (d > limit) continue;
    if (d < bestDistance || (d === bestDistance && best !== undefined && compareStrings(name, best) < 0)) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

const schemas = new Map<ApiKind, Schema | undefined>();

function schemaOf(kind: ApiKind): Schema | undefined {
  if (!schemas.has(kind)) {
    const root = packageRoot();
    let schema: Schema | undefined;
    try {
      schema = root === undefined ? undefined : JSON.parse(readFileSync(join(root, 'schemas', kind.apiVersion, `${kind.kind}.json`), 'utf8')) as Schema;
    } catch {
      schema = undefined; // a stale checkout: no suggestion, the warning stands on its own
    }
    schemas.set(kind, schema);
  }
  return schemas.get(kind);
}

/** The property names of the object schema reached by following `path` from `node`. */
function fieldNames(root: Schema, node: Schema, path: FieldPath): string[] {
  const options = resolve(root, node);
  if (path.length === 0) return [...new Set(options.flatMap((s) => (isSchema(s.properties) ? Object.keys(s.properties) : [])))];
  const [head, ...rest] = path;
  const next: Schema[] = [];
  for (const s of options) {
    if (typeof head === 'number') {
      if (isSchema(s.items)) next.push(s.items);
    } else if (isSchema(s.properties) && isSchema(s.properties[head])) {
      next.push(s.properties[head] as Schema);
    } else if (isSchema(s.additionalProperties)) {
      next.push(s.additionalProperties);
    }
  }
  return [...new Set(next.flatMap((n) => fieldNames(root, n, rest)))];
}

/** A schema with its `$ref` and `allOf` / `anyOf` / `oneOf` branches followed (the generated
 *  schemas wrap references in allOf to keep their descriptions). */
function resolve(root: Schema, node: Schema, depth = 0): Schema[] {
  if (depth > 32) return [];
  const out: Schema[] = [node];
  if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
    let target: unknown = root;
    for (const seg of node.$ref.slice(2).split('/')) target = isSchema(target) ? target[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    if (isSchema(target)) out.push(...resolve(root, target, depth + 1));
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = node[key];
    if (Array.isArray(list)) for (const s of list) if (isSchema(s)) out.push(...resolve(root, s, depth + 1));
  }
  return out;
}

function isSchema(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
