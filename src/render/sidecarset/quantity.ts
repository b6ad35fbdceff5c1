// Kubernetes resource.Quantity, as much as resourcesPolicy needs (spec §8): parse (rounded up
// to nano precision, like ParseQuantity), add, compare, milli-value arithmetic and the
// canonical string form. Values are exact: a bigint count of nano-units.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  nanos: bigint;
  format: QuantityFormat;
}

const NANO = 1_000_000_000n;
const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_BY_EXP = new Map(Object.entries(DECIMAL_SUFFIX).map(([s, e]) => [e, s]));
const BINARY_BY_EXP = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/;

export const zeroQuantity = (format: QuantityFormat = 'DecimalSI'): Quantity => ({ nanos: 0n, format });
export const milliQuantity = (milli: bigint, format: QuantityFormat = 'DecimalSI'): Quantity => ({ nanos: milli * 1_000_000n, format });
export const unitQuantity = (units: bigint, format: QuantityFormat = 'DecimalSI'): Quantity => ({ nanos: units * NANO, format });

/** resource.ParseQuantity; undefined where it returns an error. */
export function parseQuantity(input: string | number): Quantity | undefined {
  const s = typeof input === 'number' ? String(input) : input.trim();
  const m = QUANTITY.exec(s);
  if (!m) return undefined;
  const [, sign, whole, frac = '', suffix] = m;
  if (whole === '' && frac === '') return undefined;
  let format: QuantityFormat;
  let exp10 = 0, exp2 = 0;
  if (suffix in DECIMAL_SUFFIX) { format = 'DecimalSI'; exp10 = DECIMAL_SUFFIX[suffix]; }
  else if (suffix in BINARY_SUFFIX) { format = 'BinarySI'; exp2 = BINARY_SUFFIX[suffix]; }
  else if (/^[eE][+-]?\d+$/.test(suffix)) { format = 'DecimalExponent'; exp10 = Number(suffix.slice(1)); }
  else return undefined;
  // value = digits × 10^(exp10 - len(frac)) × 2^exp2, in nano-units, magnitude rounded up.
  let num = BigInt(whole + frac || '0') * (1n << BigInt(exp2));
  const shift = exp10 - frac.length + 9;
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else {
    const d = 10n ** BigInt(-shift);
    num = (num + d - 1n) / d;
  }
  return { nanos: sign === '-' ? -num : num, format };
}

/** Quantity.MilliValue: ceil(value / 10^-3). */
export function milliValue(q: Quantity): bigint {
  const d = 1_000_000n;
  const t = q.nanos / d;
  return q.nanos > 0n && q.nanos % d !== 0n ? t + 1n : t;
}

/** Quantity.Add: a zero receiver takes the format of what is added. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

export function negQuantity(q: Quantity): Quantity {
  return { nanos: -q.nanos, format: q.format };
}

export function cmpQuantity(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** Quantity.String: the canonical form (CanonicalizeBytes). */
export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  const neg = q.nanos < 0n;
  const abs = neg ? -q.nanos : q.nanos;
  let format = q.format;
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
