// What a plain YAML scalar means to Kubernetes. kubectl and the API server read YAML with go-yaml
// v2 (through sigs.k8s.io/yaml), which resolves an untagged plain scalar by its first character
// (resolve.go): a table of words (YAML 1.1 booleans, nulls, .inf/.nan), then Go's integer parser
// (strconv.ParseInt with base 0: 0x/0X, 0o/0O, 0b/0B, a leading 0 for octal; underscores
// removed first), an unsigned one, and a float pattern; everything else, timestamps included,
// is a string. The result then goes through JSON (sigs.k8s.io/yaml) and the unstructured JSON
// decoder, which keeps integers that fit in int64 exactly and makes everything else a float64.
//
// So here an integer is a number when JavaScript holds it exactly and a bigint otherwise (it
// keeps its digits through render); a larger unsigned one is a float, as kubectl makes it; a
// float that overflows ("1e400") is a string, as Go's ParseFloat fails on it.

export const SCALAR = { Str: 0, Null: 1, Bool: 2, Int: 3, Uint: 4, Float: 5 } as const;

export interface Resolved {
  /** One of SCALAR: which Go type go-yaml decodes it to (it matters for map keys). */
  kind: number;
  /** null, a boolean, a string, a number (NaN and ±Infinity included) or a bigint. */
  value: unknown;
}

export const YAML_TAG = 'tag:yaml.org,2002:';

const WORDS = new Map<string, Resolved>();
for (const w of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) WORDS.set(w, { kind: SCALAR.Bool, value: true });
for (const w of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) WORDS.set(w, { kind: SCALAR.Bool, value: false });
for (const w of ['', '~', 'null', 'Null', 'NULL']) WORDS.set(w, { kind: SCALAR.Null, value: null });
for (const w of ['.nan', '.NaN', '.NAN']) WORDS.set(w, { kind: SCALAR.Float, value: NaN });
for (const w of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) WORDS.set(w, { kind: SCALAR.Float, value: Infinity });
for (const w of ['-.inf', '-.Inf', '-.INF']) WORDS.set(w, { kind: SCALAR.Float, value: -Infinity });

/** go-yaml's hint from the first byte: S(ign), D(igit), M(ap lookup only), '.', or none. */
function hint(s: string): number {
  if (s === '') return 77; // 'M': the empty scalar is looked up (null)
  const c = s.charCodeAt(0);
  if (c === 43 || c === 45) return 83; // + - : 'S'
  if (c >= 48 && c <= 57) return 68; // 'D'
  if (c === 46) return 46; // '.'
  // y Y n N t T f F o O ~
  if (c === 121 || c === 89 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70 || c === 111 || c === 79 || c === 126) return 77;
  return 0;
}

/** The resolution of an untagged plain scalar. */
export function resolvePlain(s: string): Resolved {
  if (hint(s) === 0) return { kind: SCALAR.Str, value: s };
  return resolveNumeric(s) ?? { kind: SCALAR.Str, value: s };
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** The non-string readings; undefined means a string. */
function resolveNumeric(s: string): Resolved | undefined {
  const h = hint(s);
  const word = WORDS.get(s);
  if (word !== undefined) return word;
  if (h === 46) {
    // strconv.ParseFloat on the text as written (no underscores allowed): an overflow fails.
    if (DOT_FLOAT.test(s)) return float(Number(s));
    return undefined;
  }
  if (h !== 68 && h !== 83) return undefined;
  // A timestamp (tried first when untagged) stays a string when decoded into a generic value,
  // and nothing that parses as one is also a number, so it is not looked for.
  const plain = s.indexOf('_') === -1 ? s : s.replace(/_/g, '');
  const i = parseGoInt(plain, 0);
  if (i !== undefined) return int(i);
  const u = parseGoUint(plain, 0);
  if (u !== undefined) return { kind: SCALAR.Uint, value: Number(u) };
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = float(Number(plain));
    if (f !== undefined) return f;
  }
  if (plain.startsWith('0b')) {
    // Reached when base-0 parsing failed, e.g. "0b-101" (which Go then reads as -5).
    const b = parseGoInt(plain.slice(2), 2);
    if (b !== undefined) return int(b);
    const ub = parseGoUint(plain.slice(2), 2);
    if (ub !== undefined) return { kind: SCALAR.Uint, value: Number(ub) };
  } else if (plain.startsWith('-0b')) {
    const b = parseGoInt('-' + plain.slice(3), 2);
    if (b !== undefined) return int(b);
  }
  return undefined;
}

function int(v: bigint): Resolved {
  const n = Number(v);
  return { kind: SCALAR.Int, value: Number.isSafeInteger(n) ? n : v };
}

/** A float go-yaml keeps, or undefined when Go's ParseFloat reports an overflow. -0 becomes 0,
 *  as it does on its way through JSON into kubectl's integer 0. */
function float(v: number): Resolved | undefined {
  if (!Number.isFinite(v)) return undefined;
  return { kind: SCALAR.Float, value: v === 0 ? 0 : v };
}

/** strconv.ParseInt(s, base, 64) for base 0 or 2. */
export function parseGoInt(s: string, base: number): bigint | undefined {
  let neg = false;
  let digits = s;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    digits = s.slice(1);
  }
  const u = parseGoUint(digits, base);
  if (u === undefined || u > (neg ? INT64_MAX + 1n : INT64_MAX)) return undefined;
  return neg ? -u : u;
}

/** strconv.ParseUint(s, base, 64) for base 0 or 2 (no sign, no underscores). */
function parseGoUint(s: string, base: number): bigint | undefined {
  if (s === '') return undefined;
  let b = base;
  let body = s;
  if (base === 0) {
    b = 10;
    if (s[0] === '0') {
      const p = s.length >= 3 ? s[1].toLowerCase() : '';
      if (p === 'b') { b = 2; body = s.slice(2); }
      else if (p === 'o') { b = 8; body = s.slice(2); }
      else if (p === 'x') { b = 16; body = s.slice(2); }
      else { b = 8; body = s.slice(1); }
    }
  }
  const valid = b === 2 ? /^[01]*$/ : b === 8 ? /^[0-7]*$/ : b === 10 ? /^[0-9]*$/ : /^[0-9a-fA-F]*$/;
  if (!valid.test(body)) return undefined;
  if (body === '') return base === 0 && b === 8 ? 0n : undefined; // "0" alone; "0x" is an error
  // Leading zeros aside, a 64-bit value has at most 64 digits (in binary): longer text
  // overflows, and is not handed to BigInt, which takes quadratic time on long input.
  const significant = body.replace(/^0+/, '');
  if (significant.length > 64) return undefined;
  const prefix = b === 2 ? '0b' : b === 8 ? '0o' : b === 16 ? '0x' : '';
  const v = BigInt(prefix + (significant || '0'));
  return v > UINT64_MAX ? undefined : v;
}

const RESOLVABLE = new Set(['', 'str', 'bool', 'int', 'float', 'null'].map((t) => (t ? YAML_TAG + t : '')));

/** The resolution of a scalar with an explicit standard tag (!!str, !!int, !!float, !!bool,
 *  !!null), as go-yaml does it; throws when the text is not of the tag's type. */
export function resolveTagged(tag: string, s: string): Resolved {
  if (!RESOLVABLE.has(tag)) throw new Error(`unsupported tag ${tag}`);
  if (tag === YAML_TAG + 'str') return { kind: SCALAR.Str, value: s };
  const r = (hint(s) !== 0 ? resolveNumeric(s) : undefined) ?? { kind: SCALAR.Str, value: s };
  const want = tag.slice(YAML_TAG.length);
  const got = (['str', 'null', 'bool', 'int', 'int', 'float'] as const)[r.kind];
  if (want === got && r.kind !== SCALAR.Uint) return r.kind === SCALAR.Str ? { kind: SCALAR.Str, value: s } : r;
  if (want === 'int' && r.kind === SCALAR.Uint) return r;
  if (want === 'float' && r.kind === SCALAR.Int) return { kind: SCALAR.Float, value: Number(r.value) };
  throw new Error(`cannot decode !!${got} \`${s}\` as a !!${want}`);
}
