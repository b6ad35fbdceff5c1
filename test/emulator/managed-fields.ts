// Server-side apply and the managedFields bookkeeping of every write, after
// structured-merge-diff: an Apply merges the applied configuration into the live object,
// takes ownership of its fields, removes fields the same manager applied before and no longer
// does (unless someone else owns them too), and fails with 409 when it would change a field
// another manager owns, unless forced, which moves ownership. Other writes (create, update,
// non-apply patches) give their manager the fields they changed and take them from the rest.
import { ApiError } from './errors.js';
import { deepEqual, diffSets, fieldSet, fromFieldsV1, itemKey, keyPath, pathKey, printPath, toFieldsV1, valueAt, type Scope } from './fieldset.js';
import { listType } from './list-types.js';
import { isMap, type Obj } from './store.js';

export interface ManagedEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Obj;
  subresource?: string;
}

export interface WriteContext {
  manager: string;
  apiVersion: string;
  time: string;
  scope: Scope;
  /** 'status' for writes through the status subresource. */
  subresource?: string;
}


function entriesOf(o: Obj | undefined): ManagedEntry[] {
  const m = o?.metadata?.managedFields;
  return Array.isArray(m) ? structuredClone(m) : [];
}

const same = (e: ManagedEntry, manager: string, operation: string, sub?: string) =>
  e.manager === manager && e.operation === operation && (e.subresource ?? '') === (sub ?? '');

/** Applies `applied` (an apply configuration) to `live` (undefined: create). Throws a 409 with
 *  the conflicts unless `force`. Returns the new object, managedFields set. */
export function serverSideApply(live: Obj | undefined, applied: Obj, ctx: WriteContext, force: boolean): Obj {
  const entries = entriesOf(live);
  const cleanApplied = dropNulls(applied) as Obj;
  const now = fieldSet(cleanApplied, ctx.scope);
  const base = live ?? {};

  if (!force) {
    const conflicts: { entry: ManagedEntry; path: string }[] = [];
    for (const e of entries) {
      if (same(e, ctx.manager, 'Apply', ctx.subresource)) continue;
      const owned = fromFieldsV1(e.fieldsV1);
      for (const k of now) {
        if (k.endsWith('.') || !owned.has(k)) continue;
        if (!deepEqual(valueAt(base, keyPath(k)), valueAt(cleanApplied, keyPath(k)))) conflicts.push({ entry: e, path: k });
      }
    }
    if (conflicts.length) throw conflictError(conflicts);
  }

  let result = merge(base, cleanApplied, [], ctx.scope.custom) as Obj;

  // Fields this manager applied last time and leaves out now go, unless another manager owns them.
  const mine = entries.find((e) => same(e, ctx.manager, 'Apply', ctx.subresource));
  if (mine) {
    const others = entries.filter((e) => e !== mine).map((e) => fromFieldsV1(e.fieldsV1));
    const ownedElsewhere = (k: string) => others.some((s) => s.has(k) || [...s].some((o) => o.startsWith(k.endsWith('.') ? k.slice(0, -1) : `${k}\u0000`)));
    // A field that was an empty map and now has children is still applied.
    const stillApplied = (k: string) => now.has(k) || [...now].some((n) => n.startsWith(`${k}\u0000`));
    for (const k of fromFieldsV1(mine.fieldsV1)) {
      if (stillApplied(k) || ownedElsewhere(k)) continue;
      result = removePath(result, keyPath(k));
    }
  }

  // Ownership: the applier owns exactly what it applied; a forced change takes the field from
  // everyone else, an unchanged value stays shared.
  const next: ManagedEntry[] = [];
  for (const e of entries) {
    if (same(e, ctx.manager, 'Apply', ctx.subresource)) continue;
    const owned = fromFieldsV1(e.fieldsV1);
    for (const k of now) if (owned.has(k) && !deepEqual(valueAt(base, keyPath(k)), valueAt(cleanApplied, keyPath(k)))) owned.delete(k);
    if (owned.size) next.push({ ...e, fieldsV1: toFieldsV1(owned) });
  }
  const entry: ManagedEntry = { manager: ctx.manager, operation: 'Apply', apiVersion: ctx.apiVersion, time: ctx.time, fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(now), ...(ctx.subresource ? { subresource: ctx.subresource } : {}) };
  const at = entries.findIndex((e) => same(e, ctx.manager, 'Apply', ctx.subresource));
  if (now.size) {
    if (at >= 0) next.splice(Math.min(at, next.length), 0, entry); else next.push(entry);
  }
  result.metadata = { ...(result.metadata ?? {}), managedFields: next };
  if (next.length === 0) delete result.metadata.managedFields;
  return result;
}

/** managedFields after a non-apply write from `before` (undefined: create) to `after`. */
export function recordUpdate(before: Obj | undefined, after: Obj, ctx: WriteContext): ManagedEntry[] {
  const entries = entriesOf(before);
  const { changed, removed } = before ? diffSets(before, after, ctx.scope) : { changed: fieldSet(after, ctx.scope), removed: new Set<string>() };
  if (changed.size === 0 && removed.size === 0) return entries;
  const next: ManagedEntry[] = [];
  let mine: Set<string> | undefined;
  let at = -1;
  for (const e of entries) {
    const owned = fromFieldsV1(e.fieldsV1);
    if (same(e, ctx.manager, 'Update', ctx.subresource)) { mine = owned; at = next.length; continue; }
    for (const k of changed) owned.delete(k);
    for (const k of removed) owned.delete(k);
    if (owned.size) next.push({ ...e, fieldsV1: toFieldsV1(owned) });
  }
  const set = mine ?? new Set<string>();
  for (const k of changed) set.add(k);
  for (const k of removed) set.delete(k);
  if (set.size) {
    const entry: ManagedEntry = { manager: ctx.manager, operation: 'Update', apiVersion: ctx.apiVersion, time: ctx.time, fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(set), ...(ctx.subresource ? { subresource: ctx.subresource } : {}) };
    if (at >= 0) next.splice(at, 0, entry); else next.push(entry);
  }
  return next;
}

function conflictError(conflicts: { entry: ManagedEntry; path: string }[]): ApiError {
  const n = conflicts.length;
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) {
    const who = `conflict with "${c.entry.manager}"${c.entry.operation === 'Update' ? '' : ''} using ${c.entry.apiVersion}`;
    byManager.set(who, [...(byManager.get(who) ?? []), printPath(keyPath(c.path))]);
  }
  const parts = [...byManager].map(([who, paths]) => (paths.length === 1 ? `${who}: ${paths[0]}` : `${who.replace('conflict', 'conflicts')}:\n${paths.map((p) => `- ${p}`).join('\n')}`));
  return new ApiError(409, 'Conflict', `Apply failed with ${n} conflict${n === 1 ? '' : 's'}: ${parts.join('\n')}`, {
    causes: conflicts.map((c) => ({ type: 'FieldManagerConflict', message: `conflict with "${c.entry.manager}" using ${c.entry.apiVersion}`, field: printPath(keyPath(c.path)) })),
  });
}

function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (!isMap(v)) return v;
  const out: Obj = {};
  for (const [k, c] of Object.entries(v)) if (c !== null && c !== undefined) out[k] = dropNulls(c);
  return out;
}

/** The applied configuration over the live object: maps merge field by field, keyed lists
 *  item by item, sets by union; everything else is replaced. */
function merge(live: unknown, applied: unknown, names: string[], custom: boolean): unknown {
  if (isMap(live) && isMap(applied)) {
    const out: Obj = { ...live };
    for (const [k, v] of Object.entries(applied)) out[k] = merge(live[k], v, [...names, k], custom);
    return out;
  }
  if (Array.isArray(live) && Array.isArray(applied)) {
    const lt = listType(names, custom);
    if (lt.type === 'set') return [...live, ...applied.filter((x) => !live.some((y) => deepEqual(x, y)))];
    if (lt.type === 'map') {
      const lk = live.map((x) => itemKey(x, lt.keys)), ak = applied.map((x) => itemKey(x, lt.keys));
      if (lk.every((k) => k !== undefined) && ak.every((k) => k !== undefined)) {
        const merged = (k: string, x: unknown) => {
          const i = lk.indexOf(k);
          return i < 0 ? x : merge(live[i], x, names, custom);
        };
        // Items the applier lists come in its order; items only others set keep their place after them.
        const out = applied.map((x, i) => merged(ak[i]!, x));
        live.forEach((x, i) => { if (!ak.includes(lk[i])) out.push(x); });
        return out;
      }
    }
  }
  return structuredClone(applied);
}

function removePath(obj: Obj, path: string[]): Obj {
  const out = structuredClone(obj);
  const rec = (node: unknown, i: number): boolean => {
    // Returns true when `node` became empty and should go too.
    const el = path[i];
    if (isMap(node) && el.startsWith('f:')) {
      const f = el.slice(2);
      if (i === path.length - 1) delete node[f];
      else if (rec(node[f], i + 1)) delete node[f];
      return Object.keys(node).length === 0;
    }
    if (Array.isArray(node) && (el.startsWith('k:') || el.startsWith('v:'))) {
      const idx = node.findIndex((x) => pathKey([el]) === (el.startsWith('v:') ? `v:${JSON.stringify(x)}` : matchKey(x, el)));
      if (idx < 0) return false;
      if (i === path.length - 1 || path[i + 1] === '.') node.splice(idx, 1);
      else rec(node[idx], i + 1);
      return node.length === 0;
    }
    return false;
  };
  if (path.length) rec(out, 0);
  return out;
}

function matchKey(item: unknown, el: string): string | undefined {
  const want = JSON.parse(el.slice(2)) as Obj;
  return isMap(item) && Object.entries(want).every(([k, v]) => item[k] === v) ? el : undefined;
}
