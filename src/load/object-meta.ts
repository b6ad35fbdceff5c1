// kubectl's resource builder decodes every object's metadata as an ObjectMeta before anything
// else, and the API server does too: a label that is a number, a name that is a list, metadata
// that is a string all fail there. kruisec refuses them at load, with the field, rather than
// let later phases meet values of a type they do not expect.

const STRINGS = ['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'selfLink'];
const INTEGERS = ['generation', 'deletionGracePeriodSeconds'];
const TIMES = ['creationTimestamp', 'deletionTimestamp'];
const STRING_MAPS = ['labels', 'annotations'];
const LISTS = ['ownerReferences', 'managedFields'];

/** What is wrong with an object's metadata (null and absent are fine), and where. */
export function metadataProblem(meta: unknown): { reason: string; path: (string | number)[] } | undefined {
  if (meta === undefined || meta === null) return undefined;
  if (typeof meta !== 'object' || Array.isArray(meta)) return { reason: `metadata is a ${kindOf(meta)}, not a mapping`, path: [] };
  const m = meta as Record<string, unknown>;
  // JSON null leaves a Go field as it is: every field may be null.
  const present = (f: string) => m[f] !== undefined && m[f] !== null;
  for (const f of STRINGS) if (present(f) && typeof m[f] !== 'string') return { reason: `${f} must be a string, not a ${kindOf(m[f])}`, path: [f] };
  for (const f of INTEGERS) if (present(f) && !isInteger(m[f])) return { reason: `${f} must be an integer, not a ${kindOf(m[f])}`, path: [f] };
  for (const f of TIMES) {
    if (present(f) && !isRfc3339(m[f])) return { reason: `${f} must be an RFC 3339 time such as 2024-01-02T03:04:05Z, not ${JSON.stringify(m[f])}`, path: [f] };
  }
  for (const f of STRING_MAPS) {
    if (!present(f)) continue;
    const v = m[f];
    if (typeof v !== 'object' || Array.isArray(v)) return { reason: `${f} must be a mapping of strings, not a ${kindOf(v)}`, path: [f] };
    for (const [k, x] of Object.entries(v as object)) {
      if (typeof x !== 'string') return { reason: `${f} values must be strings; quote ${JSON.stringify(k)}'s value (YAML reads it as a ${kindOf(x)})`, path: [f, k] };
    }
  }
  if (present('finalizers')) {
    const v = m.finalizers;
    if (!Array.isArray(v)) return { reason: `finalizers must be a list of strings, not a ${kindOf(v)}`, path: ['finalizers'] };
    const i = v.findIndex((x) => typeof x !== 'string');
    if (i !== -1) return { reason: 'finalizers must be strings', path: ['finalizers', i] };
  }
  for (const f of LISTS) {
    if (!present(f)) continue;
    const v = m[f];
    if (!Array.isArray(v)) return { reason: `${f} must be a list, not a ${kindOf(v)}`, path: [f] };
    const i = v.findIndex((x) => x !== null && (typeof x !== 'object' || Array.isArray(x)));
    if (i !== -1) return { reason: `${f} items must be mappings`, path: [f, i] };
  }
  return undefined;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Go's time.Parse(time.RFC3339, ...), which metav1.Time uses. */
function isRfc3339(v: unknown): boolean {
  const m = typeof v === 'string' ? RFC3339.exec(v) : null;
  if (!m) return false;
  const [y, mo, d, h, mi, s, oh = 0, om = 0] = m.slice(1).map((x) => Number(x ?? 0));
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days && h < 24 && mi < 60 && s < 60 && oh < 24 && om < 60;
}

function isInteger(v: unknown): boolean {
  return typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'mapping';
  return typeof v === 'bigint' ? 'number' : typeof v;
}
