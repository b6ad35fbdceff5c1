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

/** Deep copy of plain JSON data. */
export function cloneJson<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
