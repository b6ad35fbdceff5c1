// Kubernetes resource.Quantity (k8s.io/apimachinery pkg/api/resource): parse, round up, the
// arithmetic resourcesPolicy needs (spec sidecarset-injection.md §8) and the canonical string
// Go writes when it marshals one. The defaulting webhook rounds container resources up to
// milli precision and re-marshals them, so `0.5` is stored (and hashed) as `500m` and `1024Mi`
// as `1Gi`. Values are kept exactly: a bigint count of nano units.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value times 10^9, rounded away from zero to a whole nano unit (as Kubernetes does). */
  nano: bigint;
  format: QuantityFormat;
}

const NANO = 1_000_000_000n;
const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_BY_EXP = new Map(Object.entries(DECIMAL_SUFFIX).map(([s, e]) => [e, s]));
const BINARY_BY_EXP = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const QUANTITY = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)$/;

export const zeroQuantity = (format: QuantityFormat = 'DecimalSI'): Quantity => ({ nano: 0n, format });
export const milliQuantity = (milli: bigint, format: QuantityFormat = 'DecimalSI'): Quantity => ({ nano: milli * 1_000_000n, format });
export const unitQuantity = (units: bigint, format: QuantityFormat = 'DecimalSI'): Quantity => ({ nano: units * NANO, format });

/** resource.ParseQuantity; undefined where it returns an error. */
export function parseQuantity(input: string | number): Quantity | undefined {
  const s = typeof input === 'number' ? String(input) : input.trim();
  const m = QUANTITY.exec(s);
  if (!m) return undefined;
  const [, sign, whole, frac = '', suffix] = m;
  if (whole === '' && frac === '') return undefined;
  let format: QuantityFormat;
  let pow10 = 0, pow2 = 0;
  if (suffix in DECIMAL_SUFFIX) { format = 'DecimalSI'; pow10 = DECIMAL_SUFFIX[suffix]; }
  else if (suffix in BINARY_SUFFIX) { format = 'BinarySI'; pow2 = BINARY_SUFFIX[suffix]; }
  else if (/^[eE][+-]?[0-9]+$/.test(suffix)) { format = 'DecimalExponent'; pow10 = Number(suffix.slice(1)); }
  else return undefined;
  // |value| × 10^9 = digits × 2^pow2 × 10^(9 + pow10 - len(frac)), rounded up.
  let num = BigInt(whole + frac || '0') * (1n << BigInt(pow2));
  const e = 9 + pow10 - frac.length;
  if (e >= 0) num *= 10n ** BigInt(e);
  else num = ceilDiv(num, 10n ** BigInt(-e));
  // ParseQuantity: a binary value below one unit would only round, so it is decimal.
  if (format === 'BinarySI' && num > 0n && num < NANO) format = 'DecimalSI';
  return { nano: sign === '-' ? -num : num, format };
}

/** The canonical string of a quantity as written in YAML, or undefined when unparsable. */
export function canonicalQuantity(v: unknown): string | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const q = parseQuantity(v);
  return q && formatQuantity(q);
}

/** A resource list (`limits`, `requests`, `overhead`) with every value Kubernetes can parse in
 *  canonical form, as Go writes it back; the rest as it was. */
export function canonicalQuantities(list: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(list)) out[k] = canonicalQuantity(v) ?? v;
  return out;
}

/** Quantity.RoundUp(scale): away from zero, to a multiple of 10^scale. */
export function roundUp(q: Quantity, scale: number): Quantity {
  const unit = 10n ** BigInt(9 + scale);
  if (unit <= 1n) return q;
  const mag = q.nano < 0n ? -q.nano : q.nano;
  const r = ceilDiv(mag, unit) * unit;
  return { nano: q.nano < 0n ? -r : r, format: q.format };
}

/** Quantity.MilliValue: ceil(value / 10^-3). */
export function milliValue(q: Quantity): bigint {
  const d = 1_000_000n;
  const t = q.nano / d;
  return q.nano > 0n && q.nano % d !== 0n ? t + 1n : t;
}

/** Quantity.Add: a zero receiver takes the format of what is added. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nano: a.nano + b.nano, format: a.nano === 0n ? b.format : a.format };
}

export function negQuantity(q: Quantity): Quantity {
  return { nano: -q.nano, format: q.format };
}

export function cmpQuantity(a: Quantity, b: Quantity): number {
  return a.nano < b.nano ? -1 : a.nano > b.nano ? 1 : 0;
}

/** Quantity.String() / MarshalJSON: the canonical form (CanonicalizeBytes). */
export function formatQuantity(q: Quantity): string {
  if (q.nano === 0n) return '0';
  const neg = q.nano < 0n;
  const abs = neg ? -q.nano : q.nano;
  let format = q.format;
  // Below 1Ki, or not whole, a binary value is written in decimal.
  if (format === 'BinarySI' && (abs < 1024n * NANO || abs % NANO !== 0n)) format = 'DecimalSI';
  if (format === 'BinarySI') {
    let v = abs / NANO, e = 0;
    while (e < 6 && v % 1024n === 0n) { v /= 1024n; e++; }
    return `${neg ? '-' : ''}${v}${BINARY_BY_EXP[e]}`;
  }
  let mant = abs, exp = -9;
  while (mant % 10n === 0n) { mant /= 10n; exp++; }
  while (exp % 3 !== 0) { mant *= 10n; exp--; }
  const suffix = format === 'DecimalSI' ? (DECIMAL_BY_EXP.get(exp) ?? `e${exp}`) : exp === 0 ? '' : `e${exp}`;
  return `${neg ? '-' : ''}${mant}${suffix}`;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}
