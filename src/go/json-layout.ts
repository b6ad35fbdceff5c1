// encoding/json for a manifest decoded into a declared Go struct layout, as Kruise's webhooks
// decode it: fields in declaration order, unknown fields dropped, omitempty honoured (never for
// structs), map keys sorted, quantities canonical. `goMarshalAs` writes the exact bytes
// json.Marshal would (hash input); `goNormalize` returns the same content as plain data (the
// stored form). Layouts are built from the constructors below (see default/sidecarset-layout.ts).
import { canonicalQuantity } from '../k8s/quantity.js';
import { compareStrings } from '../util/compare.js';
import { goMarshal, goString } from './json.js';

export type GoType =
  | { k: 'string' } | { k: 'int' } | { k: 'bool' }
  /** resource.Quantity: a struct marshalled as its canonical string ("0" when zero). */
  | { k: 'quantity' }
  /** intstr.IntOrString: a struct marshalled as a number or a string. */
  | { k: 'intstr' }
  | { k: 'ptr'; elem: GoType }
  | { k: 'slice'; elem: GoType }
  /** map[string]X: keys sorted on output. */
  | { k: 'map'; elem: GoType }
  | { k: 'struct'; fields: GoField[] }
  /** Not modelled here: kept as written (volumes are defaulted separately). */
  | { k: 'raw' };

export interface GoField {
  json: string;
  type: GoType;
  omitempty: boolean;
}

export const str: GoType = { k: 'string' };
export const int: GoType = { k: 'int' };
export const bool: GoType = { k: 'bool' };
export const quantity: GoType = { k: 'quantity' };
export const intstr: GoType = { k: 'intstr' };
export const raw: GoType = { k: 'raw' };
export const ptr = (elem: GoType): GoType => ({ k: 'ptr', elem });
export const slice = (elem: GoType): GoType => ({ k: 'slice', elem });
export const map = (elem: GoType): GoType => ({ k: 'map', elem });

/** Fields written `name` (always emitted) or `name?` (omitempty), in declaration order. */
export function struct(...fields: [string, GoType][]): GoType {
  return {
    k: 'struct',
    fields: fields.map(([name, type]) => ({
      json: name.endsWith('?') ? name.slice(0, -1) : name,
      type,
      omitempty: name.endsWith('?'),
    })),
  };
}

/** Marker for "this field is omitted". */
const OMIT = Symbol('omit');

/** json.Marshal of `value` decoded into Go type `t`. */
export function goMarshalAs(value: unknown, t: GoType): string {
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
      const keys = Object.keys(v as object).sort(compareStrings);
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
      return absent ? (omitempty ? OMIT : 'null') : goMarshal(v);
  }
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
      const keys = Object.keys(v as object).sort(compareStrings);
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
