// Int-or-percent values. Two parsers exist upstream and they disagree on decimals, so both
// are here (spec rollout-semantics.md §1.1): Kubernetes' apimachinery accepts only
// "<integer>%"; Kruise's own util accepts "<float>%". JS numbers are float64, so the
// expression `v * total / 100`, in this operand order, matches Go bit for bit.

export type IntOrString = number | string;

export type Scaled = { ok: true; value: number } | { ok: false; error: string };

/** A decoded value as intstr.IntOrString takes it: a string, or a whole number. */
export function asIntOrString(v: unknown): IntOrString | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  return undefined;
}

const K8S_PERCENT = /^(-?\d+)%$/;

/** k8s.io/apimachinery intstr.GetScaledValueFromIntOrPercent. */
export function scaledValueK8s(v: IntOrString | undefined | null, total: number, roundUp: boolean): Scaled {
  if (v === undefined || v === null) return { ok: false, error: 'nil value for IntOrString' };
  if (typeof v === 'number') return { ok: true, value: v };
  const m = K8S_PERCENT.exec(v);
  if (!m) return { ok: false, error: `invalid value for IntOrString: invalid value ${JSON.stringify(v)}` };
  return { ok: true, value: round(Number(m[1]) * total / 100, roundUp) };
}

/** openkruise pkg/util GetScaledValueFromIntOrPercent: the percent may be a decimal. */
export function scaledValueKruise(v: IntOrString | undefined | null, total: number, roundUp: boolean): Scaled {
  if (v === undefined || v === null) return { ok: false, error: 'nil value for IntOrString' };
  if (typeof v === 'number') return { ok: true, value: v };
  if (!v.endsWith('%')) return { ok: false, error: `invalid type: string is not a percentage: ${JSON.stringify(v)}` };
  const p = parseGoFloat(v.slice(0, -1));
  if (p === undefined) return { ok: false, error: `invalid value for IntOrString: ${JSON.stringify(v)}` };
  return { ok: true, value: round(p * total / 100, roundUp) };
}

/** Kruise CalculatePartitionReplicas (pkg/util/tools.go): how many pods stay on the old revision. */
export function calculatePartitionReplicas(partition: IntOrString | undefined | null, replicas: number | undefined | null): Scaled {
  if (partition === undefined || partition === null) return { ok: true, value: 0 };
  const total = replicas ?? 1;
  const s = scaledValueKruise(partition, total, true);
  if (!s.ok) return s;
  let value = s.value;
  if (total > 1 && value === total && typeof partition === 'string' && partition !== '100%') value = total - 1;
  return { ok: true, value: Math.max(0, Math.min(value, total)) };
}

/** k8s ValidatePositiveIntOrPercent as Kruise's webhooks use it: int >= 0 or "^[0-9]+%$". */
export function isPositiveIntOrPercent(v: unknown): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0;
  return typeof v === 'string' && /^[0-9]+%$/.test(v);
}

/** Is this an int-or-string holding a percentage? */
export function isPercent(v: IntOrString | undefined | null): v is string {
  return typeof v === 'string';
}

function round(x: number, up: boolean): number {
  return up ? Math.ceil(x) : Math.floor(x);
}

/** strconv.ParseFloat(s, 64) for the decimal forms a manifest can hold. */
function parseGoFloat(s: string): number | undefined {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}
