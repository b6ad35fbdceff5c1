// Writing YAML that Kubernetes reads back as written. kubectl reads YAML 1.1 scalars the way
// yaml-scalar.ts has it (yes/no/on/off are booleans, 0777 is octal, 0X1F hex, 1_000 an int).
// The implicit types below are YAML 1.1 as js-yaml would have it with them (the writer,
// yaml-writer.ts, prints what js-yaml prints with them); a string either reading would take
// for something else gets quoted. They are plain functions, not js-yaml types, so that
// writing YAML never loads js-yaml (104 KB that every run used to initialise for this alone);
// test/support/k8s-yaml-schema.ts makes the js-yaml schema of them the tests compare against.
import { memoByText } from '../util/memo.js';
import { resolvePlain, SCALAR } from './yaml-scalar.js';

/** One YAML 1.1 implicit scalar type: which plain texts it takes, what they read as, and
 *  which values it writes. */
export interface ImplicitType {
  tag: string;
  resolve: (s: string) => boolean;
  construct: (s: string) => unknown;
  predicate: (v: unknown) => boolean;
  represent: (v: unknown) => string;
}

const TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
// js-yaml's null: '~' and null in three casings (not the empty string, which the writer quotes anyway).
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);

const null11: ImplicitType = {
  tag: 'tag:yaml.org,2002:null',
  resolve: (s) => NULLS.has(s),
  construct: () => null,
  predicate: (v) => v === null,
  represent: () => 'null',
};

export const bool11: ImplicitType = {
  tag: 'tag:yaml.org,2002:bool',
  resolve: (s) => s.length <= 5 && (TRUE.has(s) || FALSE.has(s)),
  construct: (s) => TRUE.has(s),
  predicate: (v) => typeof v === 'boolean',
  represent: (v) => (v ? 'true' : 'false'),
};

/** Cheap gate before the regular expressions: writing YAML asks every resolver about every
 *  string, and almost none of them can be numbers. */
function startsNumeric(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46; // 0-9 + - .
}

// strconv.ParseInt(s, 0, 64) after go-yaml removed underscores.
const INT = /^[-+]?(0b[01]+|0x[0-9a-fA-F]+|0o[0-7]+|0[0-7]*|[1-9][0-9]*)$/;
export const int11: ImplicitType = {
  tag: 'tag:yaml.org,2002:int',
  resolve: (s) => startsNumeric(s) && !/^_|_$/.test(s) && INT.test(s.replace(/_/g, '')),
  construct: (s) => {
    let t = s.replace(/_/g, '');
    let sign = 1;
    if (t[0] === '-' || t[0] === '+') { if (t[0] === '-') sign = -1; t = t.slice(1); }
    if (t.startsWith('0b')) return sign * parseInt(t.slice(2), 2);
    if (t.startsWith('0x')) return sign * parseInt(t.slice(2), 16);
    if (t.startsWith('0o')) return sign * parseInt(t.slice(2), 8);
    if (t.length > 1 && t[0] === '0') return sign * parseInt(t.slice(1), 8);
    return sign * parseInt(t, 10);
  },
  predicate: (v) => typeof v === 'number' && Number.isInteger(v) && !Object.is(v, -0),
  represent: (v) => String(v),
};

const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const SPECIAL = /^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$/;
export const float11: ImplicitType = {
  tag: 'tag:yaml.org,2002:float',
  resolve: (s) => startsNumeric(s) && (FLOAT.test(s.replace(/_/g, '')) || SPECIAL.test(s)),
  construct: (s) => {
    if (/inf/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
    if (/nan/i.test(s)) return NaN;
    return Number(s.replace(/_/g, ''));
  },
  predicate: (v) => typeof v === 'number' && (!Number.isInteger(v) || Object.is(v, -0)),
  represent: (v) => { const n = v as number; return Number.isNaN(n) ? '.nan' : n === Infinity ? '.inf' : n === -Infinity ? '-.inf' : String(n); },
};

/** The implicit types in js-yaml's order of asking (its merge key "<<", last, reads as itself). */
export const IMPLICIT_TYPES: readonly ImplicitType[] = [null11, bool11, int11, float11];

/** True when a plain scalar `s` would not read back as the same string: the writer must quote
 *  it. Asked of go-yaml's rules (what kubectl reads) and of YAML 1.1 as js-yaml's schema above
 *  has it (which also quotes 1e400 and the like, as js-yaml always has, for other readers). */
export function resolvesImplicitly(s: string): boolean {
  return s === '<<' || goResolved(s) !== s || jsYamlResolved(s) !== s;
}

function goResolve(s: string): unknown {
  const r = resolvePlain(s);
  return r.kind === SCALAR.Str ? s : r.value;
}
const goResolvedShort = memoByText(goResolve);
/** Short texts repeat and are remembered; a long one (a certificate, a script) is not kept. */
function goResolved(s: string): unknown {
  return s.length <= 64 ? goResolvedShort(s) : goResolve(s);
}

// Scalars that start like numbers repeat across a repository (ports, replicas, quantities such
// as 100m or 128Mi), and each resolver runs regular expressions over a copy of the text; the
// answer (a primitive, never undefined) is kept per text.
function jsYamlResolve(s: string): unknown {
  for (const t of IMPLICIT_TYPES) if (t.resolve(s)) return t.construct(s);
  return s;
}
const jsYamlResolvedShort = memoByText(jsYamlResolve);
function jsYamlResolved(s: string): unknown {
  return s.length <= 64 ? jsYamlResolvedShort(s) : jsYamlResolve(s);
}

// Every plain scalar that resolves without starting like a number: null, a YAML 1.1 boolean,
// the merge key.
const WORDS = new Set(['', '~', 'null', 'Null', 'NULL', ...TRUE, ...FALSE, '<<']);

/** A cheap gate before resolvesImplicitly / plainScalar: only a scalar that starts like a
 *  number, or is one of the short words null, a YAML 1.1 boolean or "<<", can resolve. */
export function mayResolveImplicitly(s: string): boolean {
  return startsNumeric(s) || (s.length <= 5 && WORDS.has(s));
}
