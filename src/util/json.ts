// Manifests are decoded YAML: plain JSON data whose shape nothing guarantees until the schema
// has judged it. These keep the walking over such data short and safe.

/** A decoded JSON object. `any` values, because checks read fields of any shape. */
export type Obj = Record<string, any>;

/** A JSON object: not null, not an array. */
export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The value when it is a list, else an empty one. */
export function list(v: unknown): any[] {
  return Array.isArray(v) ? v : [];
}

/** Key-order independent text of JSON data (reflect.DeepEqual of decoded manifests): manifests
 *  compare by content, not by how a file happened to order its keys. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** apimachinery's semantic equality, for decoded JSON: nil and empty collections (and "" ) are
 *  equal, as Go's omitempty fields make them on the wire. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(semanticForm(a)) === JSON.stringify(semanticForm(b));
}

/** The canonical form semanticEqual compares: sorted keys, empty values dropped. */
export function semanticForm(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? v.map(semanticForm) : undefined;
  if (isObj(v)) {
    const out: Obj = {};
    for (const k of Object.keys(v).sort()) {
      const c = semanticForm(v[k]);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v === null || v === '' ? undefined : v;
}

/** Deep copy of plain JSON data. */
export function cloneJson<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
