// Kubernetes resource.Quantity: parse, round up, and the canonical string Go writes when it
// marshals one (k8s.io/apimachinery pkg/api/resource). The defaulting webhook rounds container
// resources up to milli precision and re-marshals them, so `0.5` is stored (and hashed) as
// `500m` and `1024Mi` as `1Gi`. Values are kept exactly, in nano units, as bigints.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value times 10^9, rounded away from zero to a whole nano unit (as Kubernetes does). */
  nano: bigint;
  format: QuantityFormat;
}

const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const QUANTITY = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)$/;

/** resource.ParseQuantity; undefined when the string is not a quantity. */
export function parseQuantity(input: string | number): Quantity | undefined {
  const s = typeof input === 'number' ? String(input) : input.trim();
  const m = QUANTITY.exec(s);
  if (!m) return undefined;
  const [, sign, whole, frac = '', suffix] = m;
  if (whole.length + frac.length === 0) return undefined;
  let format: QuantityFormat;
  let pow10 = 0;
  let pow2 = 0;
  if (suffix in DECIMAL_SUFFIX) { format = 'DecimalSI'; pow10 = DECIMAL_SUFFIX[suffix]; }
  else if (suffix in BINARY_SUFFIX) { format = 'BinarySI'; pow2 = BINARY_SUFFIX[suffix]; }
  else if (/^[eE][+-]?[0-9]+$/.test(suffix)) { format = 'DecimalExponent'; pow10 = Number(suffix.slice(1)); }
  else return undefined;
  // |value| * 10^9 = digits * 2^pow2 * 10^(9 + pow10 - frac.length), rounded up.
  let num = BigInt(whole + frac || '0') * (1n << BigInt(pow2));
  const e = 9 + pow10 - frac.length;
  if (e >= 0) num *= 10n ** BigInt(e);
  else num = ceilDiv(num, 10n ** BigInt(-e));
  if (format === 'BinarySI' && num > 0n && num < 1_000_000_000n) format = 'DecimalSI';
  return { nano: sign === '-' ? -num : num, format };
}

/** Quantity.RoundUp(scale): away from zero, to a multiple of 10^scale. */
export function roundUp(q: Quantity, scale: number): Quantity {
  const unit = 10n ** BigInt(9 + scale);
  if (unit <= 1n) return q;
  const mag = q.nano < 0n ? -q.nano : q.nano;
  const r = ceilDiv(mag, unit) * unit;
  return { nano: q.nano < 0n ? -r : r, format: q.format };
}

/** Quantity.String() / MarshalJSON: the canonical form. */
export function formatQuantity(q: Quantity): string {
  if (q.nano === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const oneKi = 1024n * 1_000_000_000n;
    if (q.nano > -oneKi && q.nano < oneKi) format = 'DecimalSI';
    else if (q.nano % 1_000_000_000n !== 0n) format = 'DecimalSI'; // not a whole number
  }
  if (format === 'BinarySI') {
    let n = q.nano / 1_000_000_000n;
    let exp = 0;
    while ((n >= 1024n || n <= -1024n) && n % 1024n === 0n && exp < 6) { n /= 1024n; exp++; }
    return `${n}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][exp]}`;
  }
  let mantissa = q.nano;
  let exponent = -9;
  while (mantissa % 10n === 0n) { mantissa /= 10n; exponent++; }
  while (((exponent % 3) + 3) % 3 !== 0) { mantissa *= 10n; exponent--; }
  if (format === 'DecimalSI') {
    const sfx = Object.entries(DECIMAL_SUFFIX).find(([, p]) => p === exponent);
    if (sfx) return `${mantissa}${sfx[0]}`;
  }
  return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
}

/** The canonical string of a quantity as written in YAML, or undefined when unparsable. */
export function canonicalQuantity(v: unknown): string | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const q = parseQuantity(v);
  return q && formatQuantity(q);
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}
