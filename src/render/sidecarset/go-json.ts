// Go's encoding/json output for the values the webhook serialises (annotation values). It
// equals JSON.stringify except that Go escapes <, >, & and U+2028/U+2029 inside strings
// (HTML-safe encoding, on by default). Those characters can only occur inside strings in
// JSON text, so a global replace on JSON.stringify's output is exact. Object keys come out in
// insertion order: callers build structs in Go field order and sort map keys themselves.
import { memoByText } from '../../util/memo.js';

const HTML_UNSAFE = /[<>&\u2028\u2029]/g;

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Escape the HTML-unsafe characters of already-serialised JSON text the way Go does. */
export function goEscape(json: string): string {
  return json.replace(HTML_UNSAFE, escapeChar);
}

export function goMarshal(value: unknown): string {
  return goEscape(JSON.stringify(value));
}

/** A Go map[string]T: json.Marshal sorts its keys. Built as text, because a JS object
 *  would move integer-like keys ("10") ahead of the others. */
export function goMarshalMap<T>(map: ReadonlyMap<string, T> | Record<string, T>, value: (v: T) => string = goMarshal): string {
  const entries = map instanceof Map ? [...map.entries()] : Object.entries(map as Record<string, T>);
  if (entries.length > 1) entries.sort((a, b) => compareStrings(a[0], b[0]));
  let out = '{';
  for (let i = 0; i < entries.length; i++) out += (i ? ',' : '') + keyJson(entries[i][0]) + ':' + value(entries[i][1]);
  return out + '}';
}

// Map keys here are SidecarSet and container names, the same few on every pod.
const keyJson = memoByText(goMarshal);

/** Byte-wise string order, as Go's sort.Strings (equal to UTF-16 order outside astral planes). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
