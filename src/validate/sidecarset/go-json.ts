// What Go's encoding/json makes of a decoded manifest: `goMarshal` writes the exact bytes
// json.Marshal would write for the Go struct (hash input, §10), `goNormalize` returns the same
// content as plain data (the stored form). Both follow the layouts in go-types.ts: declaration
// order, omitempty (never for structs), unknown fields dropped, map keys sorted, quantities
// canonical, and Go's HTML-safe string escaping.
import type { GoType } from './go-types.js';
import { canonicalQuantity } from '../../k8s/quantity.js';

/** Marker for "this field is omitted". */
const OMIT = Symbol('omit');

/** json.Marshal of `value` decoded into Go type `t`. */
export function goMarshal(value: unknown, t: GoType): string {
  const out = marshal(value, t, false);
  return out === OMIT ? 'null' : out;
}

function marshal(v: unknown, t: GoType, omitempty: boolean): string | typeof OMIT {
  const absent = v === undefined || v === null;
  switch (t.k) {
    case 'string': {
      const s = absent ? '' : typeof v === 'string' ? v : String(v);
      return omitempty && s === '' ? OMIT : goString(s);
    }
    case 'int': {
      const n = absent ? 0 : Number(v);
      return omitempty && n === 0 ? OMIT : String(n);
    }
    case 'bool': {
      const b = absent ? false : v === true;
      return omitempty && !b ? OMIT : String(b);
    }
    case 'quantity':
      return goString(absent ? '0' : canonicalQuantity(v) ?? String(v));
    case 'intstr':
      return absent ? '0' : typeof v === 'number' ? String(v) : goString(String(v));
    case 'ptr':
      if (absent) return omitempty ? OMIT : 'null';
      return marshal(v, t.elem, false) as string;
    case 'slice': {
      if (absent || !Array.isArray(v)) return omitempty ? OMIT : 'null';
      if (omitempty && v.length === 0) return OMIT;
      return `[${v.map((e) => { const m = marshal(e, t.elem, false); return m === OMIT ? 'null' : m; }).join(',')}]`;
    }
    case 'map': {
      if (absent || typeof v !== 'object') return omitempty ? OMIT : 'null';
      const keys = Object.keys(v as object).sort(byteOrder);
      if (omitempty && keys.length === 0) return OMIT;
      const rec = v as Record<string, unknown>;
      return `{${keys.map((k) => `${goString(k)}:${marshal(rec[k], t.elem, false) as string}`).join(',')}}`;
    }
    case 'struct': {
      const rec = (absent || typeof v !== 'object' ? {} : v) as Record<string, unknown>;
      const parts: string[] = [];
      for (const f of t.fields) {
        const m = marshal(rec[f.json], f.type, f.omitempty);
        if (m !== OMIT) parts.push(`${goString(f.json)}:${m}`);
      }
      return `{${parts.join(',')}}`;
    }
    case 'raw':
      return absent ? (omitempty ? OMIT : 'null') : marshalAny(v);
  }
}

/** json.Marshal of an interface{} value: maps with sorted keys. */
function marshalAny(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(marshalAny).join(',')}]`;
  if (typeof v === 'object') {
    const rec = v as Record<string, unknown>;
    return `{${Object.keys(rec).sort(byteOrder).map((k) => `${goString(k)}:${marshalAny(rec[k])}`).join(',')}}`;
  }
  return 'null';
}

/** The Go-marshalled content of `value` as plain data, in Go field order (OMIT = absent). */
export function goNormalize(value: unknown, t: GoType): unknown {
  const out = normalize(value, t, false);
  return out === OMIT ? undefined : out;
}

function normalize(v: unknown, t: GoType, omitempty: boolean): unknown {
  const absent = v === undefined || v === null;
  switch (t.k) {
    case 'string': {
      const s = absent ? '' : typeof v === 'string' ? v : String(v);
      return omitempty && s === '' ? OMIT : s;
    }
    case 'int': {
      const n = absent ? 0 : typeof v === 'number' ? v : Number(v);
      return omitempty && n === 0 ? OMIT : Number.isNaN(n) ? v : n;
    }
    case 'bool': {
      const b = absent ? false : v === true;
      return omitempty && !b ? OMIT : b;
    }
    case 'quantity':
      return absent ? '0' : canonicalQuantity(v) ?? v;
    case 'intstr':
      return absent ? 0 : v;
    case 'ptr':
      if (absent) return omitempty ? OMIT : null;
      return normalize(v, t.elem, false);
    case 'slice':
      if (absent || !Array.isArray(v)) return omitempty ? OMIT : null;
      if (omitempty && v.length === 0) return OMIT;
      return v.map((e) => { const n = normalize(e, t.elem, false); return n === OMIT ? null : n; });
    case 'map': {
      if (absent || typeof v !== 'object') return omitempty ? OMIT : null;
      const keys = Object.keys(v as object).sort(byteOrder);
      if (omitempty && keys.length === 0) return OMIT;
      const rec = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const k of keys) out[k] = normalize(rec[k], t.elem, false);
      return out;
    }
    case 'struct': {
      const rec = (absent || typeof v !== 'object' ? {} : v) as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const f of t.fields) {
        const n = normalize(rec[f.json], f.type, f.omitempty);
        if (n !== OMIT) out[f.json] = n;
      }
      return out;
    }
    case 'raw':
      return absent ? (omitempty ? OMIT : null) : v;
  }
}

/** A Go JSON string: like JSON.stringify, plus HTML-safe escapes and U+FFFD for lone surrogates. */
export function goString(s: string): string {
  return JSON.stringify(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))
    .replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Go sorts map keys by their UTF-8 bytes; for BMP text that is UTF-16 code unit order too,
 *  except for astral characters, which are rare enough in keys to ignore. */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
