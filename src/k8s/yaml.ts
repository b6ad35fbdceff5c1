// Writing YAML that Kubernetes reads back as written. kubectl reads YAML 1.1 scalars the way
// yaml-scalar.ts has it (yes/no/on/off are booleans, 0777 is octal, 0X1F hex, 1_000 an int).
// K8S_YAML_SCHEMA is YAML 1.1 for js-yaml, with which the writer (yaml-writer.ts) falls back
// for data that is not plain; a string either would read as something else gets quoted.
import yaml from 'js-yaml';
import { memoByText } from '../util/memo.js';
import { resolvePlain, SCALAR } from './yaml-scalar.js';

const TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);

const bool11 = new yaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (s: string | null) => s !== null && s.length <= 5 && (TRUE.has(s) || FALSE.has(s)),
  construct: (s: string) => TRUE.has(s),
  predicate: (v: unknown) => typeof v === 'boolean',
  represent: { lowercase: (v: object) => (v ? 'true' : 'false') },
  defaultStyle: 'lowercase',
});

/** Cheap gate before the regular expressions: writing YAML asks every resolver about every
 *  string, and almost none of them can be numbers. */
function startsNumeric(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46; // 0-9 + - .
}

// strconv.ParseInt(s, 0, 64) after go-yaml removed underscores.
const INT = /^[-+]?(0b[01]+|0x[0-9a-fA-F]+|0o[0-7]+|0[0-7]*|[1-9][0-9]*)$/;
const int11 = new yaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (s: string | null) => s !== null && startsNumeric(s) && !/^_|_$/.test(s) && INT.test(s.replace(/_/g, '')),
  construct: (s: string) => {
    let t = s.replace(/_/g, '');
    let sign = 1;
    if (t[0] === '-' || t[0] === '+') { if (t[0] === '-') sign = -1; t = t.slice(1); }
    if (t.startsWith('0b')) return sign * parseInt(t.slice(2), 2);
    if (t.startsWith('0x')) return sign * parseInt(t.slice(2), 16);
    if (t.startsWith('0o')) return sign * parseInt(t.slice(2), 8);
    if (t.length > 1 && t[0] === '0') return sign * parseInt(t.slice(1), 8);
    return sign * parseInt(t, 10);
  },
  predicate: (v: unknown) => typeof v === 'number' && Number.isInteger(v) && !Object.is(v, -0),
  represent: { decimal: (v: object) => String(v) },
  defaultStyle: 'decimal',
});

const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const SPECIAL = /^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$/;
const float11 = new yaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (s: string | null) => s !== null && startsNumeric(s) && (FLOAT.test(s.replace(/_/g, '')) || SPECIAL.test(s)),
  construct: (s: string) => {
    if (/inf/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
    if (/nan/i.test(s)) return NaN;
    return Number(s.replace(/_/g, ''));
  },
  predicate: (v: unknown) => typeof v === 'number' && (!Number.isInteger(v) || Object.is(v, -0)),
  represent: { decimal: (v: object) => { const n = v as unknown as number; return Number.isNaN(n) ? '.nan' : n === Infinity ? '.inf' : n === -Infinity ? '-.inf' : String(n); } },
  defaultStyle: 'decimal',
});

// js-yaml ships its built-in types at runtime; @types/js-yaml does not declare them.
const builtin = (yaml as unknown as { types: Record<'null' | 'merge', yaml.Type> }).types;

const IMPLICIT = [builtin.null, bool11, int11, float11, builtin.merge];

export const K8S_YAML_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({ implicit: IMPLICIT });

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
  for (const t of IMPLICIT) if (t.resolve(s)) return t === builtin.merge ? s : t.construct(s);
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
