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
