// Go's encoding/json output, byte for byte, for values Kruise and Kubernetes marshal into
// annotations, hashes and revision names. It differs from JSON.stringify in three ways: strings
// are HTML-safe (<, >, & and U+2028/U+2029 escaped), invalid UTF-16 becomes U+FFFD, and maps
// (map[string]T, interface{}) are written with sorted keys. Structs are written in field order,
// which callers give by building their objects in that order (see json-layout.ts for values
// decoded into a declared struct layout).
import { compareStrings } from '../util/compare.js';
import { memoByText } from '../util/memo.js';

const HTML_UNSAFE = /[<>&\u2028\u2029]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Go's HTML-safe escaping, applied to JSON text already written. Those characters can only
 *  occur inside strings in JSON text, so a global replace is exact. */
export function goEscape(json: string): string {
  return json.replace(HTML_UNSAFE, escapeChar);
}

/** A string as Go writes it. */
export function goString(s: string): string {
  return goEscape(JSON.stringify(s.replace(LONE_SURROGATE, '\uFFFD')));
}

/** json.Marshal of decoded data (map[string]interface{} and the like): object keys sorted,
 *  undefined fields left out, compact. */
export function goMarshal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goString(v);
  if (Array.isArray(v)) return `[${v.map(goMarshal).join(',')}]`;
  if (typeof v === 'object') {
    const rec = v as Record<string, unknown>;
    const keys = Object.keys(rec).filter((k) => rec[k] !== undefined).sort(compareStrings);
    return `{${keys.map((k) => `${goString(k)}:${goMarshal(rec[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** json.Marshal of a value built as a Go struct: keys in the order the object has them. */
export function goMarshalStruct(v: object): string {
  return goEscape(JSON.stringify(v));
}

/** A Go map[string]T: json.Marshal sorts its keys. Built as text, because a JS object would
 *  move integer-like keys ("10") ahead of the others. */
export function goMarshalMap<T>(map: ReadonlyMap<string, T> | Record<string, T>, value: (v: T) => string): string {
  const entries = map instanceof Map ? [...map.entries()] : Object.entries(map as Record<string, T>);
  if (entries.length > 1) entries.sort((a, b) => compareStrings(a[0], b[0]));
  let out = '{';
  for (let i = 0; i < entries.length; i++) out += (i ? ',' : '') + keyJson(entries[i][0]) + ':' + value(entries[i][1]);
  return out + '}';
}

// Map keys are SidecarSet and container names, the same few on every pod.
const keyJson = memoByText(goString);
