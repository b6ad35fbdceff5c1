// Field sets, the currency of managedFields (structured-merge-diff's fieldpath.Set): every leaf
// of an object as a path of FieldsV1 elements — "f:<field>", "k:<key fields as JSON>" for an
// item of a keyed list, "v:<value>" for an item of a set, and "." for a keyed item itself.
// Leaves are scalars, atomic lists and empty maps.
import { listType } from './list-types.js';
import { isMap, type Obj } from './store.js';

export type Path = string[];

const SEP = '\u0000';
export const pathKey = (p: Path): string => p.join(SEP);
export const keyPath = (k: string): Path => (k === '' ? [] : k.split(SEP));

/** Fields no manager owns: identity and bookkeeping the server writes. */
const UNOWNED_META = new Set(['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp',
  'deletionGracePeriodSeconds', 'managedFields', 'selfLink', 'generateName']);

export interface Scope {
  custom: boolean;
  /** 'main': everything but status (when the kind has a status subresource); 'status': only
   *  status; 'all': everything (kinds without a status subresource). */
  part: 'main' | 'status' | 'all';
}


/** The top-level fields a write in this scope may touch. */
function inScope(field: string, scope: Scope): boolean {
  if (field === 'apiVersion' || field === 'kind') return false;
  if (scope.part === 'status') return field === 'status';
  if (scope.part === 'main') return field !== 'status';
  return true;
}

export function itemKey(item: unknown, keys: string[]): string | undefined {
  if (!isMap(item)) return undefined;
  const present = [...keys].sort().filter((k) => item[k] !== undefined && item[k] !== null);
  if (present.length === 0) return undefined;
  const o: Obj = {};
  for (const k of present) o[k] = item[k];
  return `k:${JSON.stringify(o)}`;
}

/** Leaves of `obj` in `scope`. */
export function fieldSet(obj: Obj, scope: Scope): Set<string> {
  const out = new Set<string>();
  for (const [f, v] of Object.entries(obj)) {
    if (!inScope(f, scope) || v === null || v === undefined) continue;
    if (f === 'metadata' && isMap(v)) {
      for (const [m, mv] of Object.entries(v)) {
        if (UNOWNED_META.has(m) || mv === null || mv === undefined) continue;
        walk(mv, ['f:metadata', `f:${m}`], ['metadata', m], scope.custom, out);
      }
      continue;
    }
    walk(v, [`f:${f}`], [f], scope.custom, out);
  }
  return out;
}

function walk(v: unknown, path: Path, names: string[], custom: boolean, out: Set<string>): void {
  if (isMap(v)) {
    const entries = Object.entries(v).filter(([, c]) => c !== null && c !== undefined);
    if (entries.length === 0) { out.add(pathKey(path)); return; }
    for (const [k, c] of entries) walk(c, [...path, `f:${k}`], [...names, k], custom, out);
    return;
  }
  if (Array.isArray(v)) {
    const lt = listType(names, custom);
    if (lt.type === 'set' && v.every((x) => !isMap(x) && !Array.isArray(x))) {
      for (const x of v) out.add(pathKey([...path, `v:${JSON.stringify(x)}`]));
      return;
    }
    if (lt.type === 'map') {
      const keys = v.map((x) => itemKey(x, lt.keys));
      if (keys.every((k) => k !== undefined)) {
        for (let i = 0; i < v.length; i++) {
          const p = [...path, keys[i]!];
          out.add(pathKey([...p, '.']));
          for (const [k, c] of Object.entries(v[i] as Obj)) if (c !== null && c !== undefined) walk(c, [...p, `f:${k}`], [...names, k], custom, out);
        }
        return;
      }
    }
  }
  out.add(pathKey(path));
}

/** The value a path names (undefined when absent). A "." names the keyed item itself. */
export function valueAt(obj: unknown, path: Path): unknown {
  let cur: unknown = obj;
  for (const el of path) {
    if (cur === undefined) return undefined;
    if (el === '.') return cur;
    if (el.startsWith('f:')) { cur = isMap(cur) ? cur[el.slice(2)] : undefined; continue; }
    if (el.startsWith('k:')) {
      const want = JSON.parse(el.slice(2)) as Obj;
      cur = Array.isArray(cur) ? cur.find((x) => isMap(x) && Object.entries(want).every(([k, w]) => x[k] === w)) : undefined;
      continue;
    }
    if (el.startsWith('v:')) {
      const want = JSON.parse(el.slice(2));
      return Array.isArray(cur) && cur.includes(want) ? want : undefined;
    }
    return undefined;
  }
  return cur;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a as Obj).filter((k) => (a as Obj)[k] !== undefined);
  const kb = Object.keys(b as Obj).filter((k) => (b as Obj)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Obj)[k], (b as Obj)[k]));
}

/** Leaves that differ between two versions of an object: set or changed in `after`, and
 *  gone from it. */
export function diffSets(before: Obj, after: Obj, scope: Scope): { changed: Set<string>; removed: Set<string> } {
  const b = fieldSet(before, scope), a = fieldSet(after, scope);
  const changed = new Set<string>(), removed = new Set<string>();
  for (const k of a) if (!b.has(k) || !deepEqual(valueAt(before, keyPath(k)), valueAt(after, keyPath(k)))) changed.add(k);
  for (const k of b) if (!a.has(k)) removed.add(k);
  return { changed, removed };
}

/** managedFields' FieldsV1 form of a set. */
export function toFieldsV1(set: Iterable<string>): Obj {
  const root: Obj = {};
  for (const k of [...set].sort()) {
    let node = root;
    for (const el of keyPath(k)) node = node[el] ??= {};
  }
  return root;
}

export function fromFieldsV1(f: unknown): Set<string> {
  const out = new Set<string>();
  const rec = (node: unknown, path: Path) => {
    if (!isMap(node)) return;
    const kids = Object.keys(node);
    if (kids.length === 0) { if (path.length) out.add(pathKey(path)); return; }
    for (const k of kids) {
      if (k === '.') out.add(pathKey([...path, '.']));
      else rec(node[k], [...path, k]);
    }
  };
  rec(f, []);
  return out;
}

/** Field path as the API server prints it in conflict messages:
 *  .spec.template.spec.containers[name="app"].image */
export function printPath(path: Path): string {
  let s = '';
  for (const el of path) {
    if (el === '.') continue;
    if (el.startsWith('f:')) s += `.${el.slice(2)}`;
    else if (el.startsWith('k:')) s += `[${Object.entries(JSON.parse(el.slice(2)) as Obj).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
    else if (el.startsWith('v:')) s += `[=${el.slice(2)}]`;
  }
  return s;
}
