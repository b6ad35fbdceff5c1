// The bookkeeping annotations (spec §9): kruise.io/sidecarset-hash and …-hash-without-image
// (JSON maps SidecarSet name → entry, merged into what the pod already has) and
// kruise.io/sidecarset-injected-list. Upstream stamps each entry with the wall clock;
// kruisec writes the fixed UPDATE_TIMESTAMP instead so output stays deterministic.
import { goMarshalMap, goMarshalStruct } from '../../go/json.js';

export const UPDATE_TIMESTAMP = '1970-01-01T00:00:00Z';

/** sidecarcontrol.SidecarSetUpgradeSpec; fields in Go declaration order. */
export interface UpgradeSpec {
  updateTimestamp: string | null;
  hash: string;
  sidecarSetName: string;
  sidecarList: string[] | null;
  controllerRevision?: string;
}

export type ParsedHashes = { ok: true; map: Map<string, UpgradeSpec> } | { ok: false; error: string };

const isStrOrNull = (v: unknown) => v === null || v === undefined || typeof v === 'string';

/** metav1.Time: RFC 3339 in, UTC second precision out; null for the zero time. */
function normaliseTime(v: unknown): string | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v)) return undefined;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return undefined;
  const iso = d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return iso === '0001-01-01T00:00:00Z' ? null : iso;
}

function parseEntry(v: unknown): UpgradeSpec | undefined {
  if (v === null) return { updateTimestamp: null, hash: '', sidecarSetName: '', sidecarList: null };
  if (typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const ts = normaliseTime(o.updateTimestamp);
  if (ts === undefined || !isStrOrNull(o.hash) || !isStrOrNull(o.sidecarSetName) || !isStrOrNull(o.controllerRevision)) return undefined;
  const list = o.sidecarList;
  if (!(list === null || list === undefined || (Array.isArray(list) && list.every((s) => typeof s === 'string')))) return undefined;
  const e: UpgradeSpec = {
    updateTimestamp: ts, hash: (o.hash as string) ?? '', sidecarSetName: (o.sidecarSetName as string) ?? '',
    sidecarList: (list as string[] | null | undefined) ?? null,
  };
  if (o.controllerRevision) e.controllerRevision = o.controllerRevision as string;
  return e;
}

/** The pod's existing value: the current shape, or the legacy {"name":"hash"} map. An empty or
 *  absent value is an empty map; anything else unreadable rejects the pod. */
export function parseHashAnnotation(value: string | undefined): ParsedHashes {
  const map = new Map<string, UpgradeSpec>();
  if (!value) return { ok: true, map };
  let v: unknown;
  try { v = JSON.parse(value); } catch { return { ok: false, error: 'not valid JSON' }; }
  if (v === null) return { ok: true, map };
  if (typeof v !== 'object' || Array.isArray(v)) return { ok: false, error: 'not a JSON object' };
  const entries = Object.entries(v as Record<string, unknown>);
  const current = entries.map(([k, e]) => [k, parseEntry(e)] as const);
  if (current.every(([, e]) => e !== undefined)) {
    for (const [k, e] of current) map.set(k, e!);
    return { ok: true, map };
  }
  if (entries.every(([, e]) => e === null || typeof e === 'string')) {
    for (const [k, e] of entries) map.set(k, { updateTimestamp: null, hash: (e as string | null) ?? '', sidecarSetName: k, sidecarList: null });
    return { ok: true, map };
  }
  return { ok: false, error: 'neither the current nor the legacy format' };
}

// New entries are shared by every pod that gets the same SidecarSet version: encode each once.
const ENCODED = new WeakMap<UpgradeSpec, string>();

function marshalEntry(e: UpgradeSpec): string {
  const cached = ENCODED.get(e);
  if (cached !== undefined) return cached;
  const o: Record<string, unknown> = {
    updateTimestamp: e.updateTimestamp, hash: e.hash, sidecarSetName: e.sidecarSetName, sidecarList: e.sidecarList,
  };
  if (e.controllerRevision) o.controllerRevision = e.controllerRevision;
  const text = goMarshalStruct(o);
  ENCODED.set(e, text);
  return text;
}

export function marshalHashAnnotation(map: ReadonlyMap<string, UpgradeSpec>): string {
  return goMarshalMap(map, marshalEntry);
}

/** kruise.io/sidecarset-injected-list: the names already listed plus the new ones, sorted. */
export function injectedList(existing: string | undefined, names: Iterable<string>): string {
  const set = new Set<string>(existing ? existing.split(',') : []);
  for (const n of names) set.add(n);
  return [...set].sort().join(',');
}
