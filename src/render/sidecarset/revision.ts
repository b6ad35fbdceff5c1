// injectionStrategy.revision (spec §3): which version of a SidecarSet a new pod gets. The
// historical version is rebuilt from a ControllerRevision in the Kruise namespace; Partial
// policy may pick the latest spec instead. A missing revision rejects the pod.
import type { KubeObject } from '../../api/resource.js';
import {
  SIDECARSET_CUSTOM_VERSION_LABEL, SIDECARSET_HASH_ANNOTATION, SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION, SIDECARSET_REVISION_NAME_LABEL,
} from '../../api/sidecarset.js';
import { sidecarSetHash, sidecarSetHashWithoutImage } from '../../default/index.js';
import { findRevision, fitsSchema } from '../../validate/index.js';
import { evaluateSelector } from './matching.js';
import type { PodView, SidecarSetObject, SidecarSetSpec } from './types.js';
import { isObj } from '../../util/json.js';

export interface ControllerRevision extends KubeObject {
  revision?: number;
  data?: unknown;
}

export type RevisionChoice =
  | { ok: true; sidecarSet: SidecarSetObject; which: 'latest' | 'historical'; revisionName?: string; random?: string }
  | { ok: false; reason: 'not-found' | 'bad-partition' | 'bad-selector' | 'bad-data'; error: string }
  | { ok: 'undecided'; reason: string };

/** The ControllerRevision the SidecarSet's injectionStrategy.revision names, if any. */
export function revisionOf(ss: SidecarSetObject, revisions: readonly ControllerRevision[]): ControllerRevision | undefined {
  return findRevision(ss.metadata.name ?? '', ss.spec.injectionStrategy?.revision, revisions);
}

const PATCH_MERGE_BY_NAME = new Set(['initContainers', 'containers', 'volumes', 'imagePullSecrets']);

/** Strategic merge of revision data into the spec. Revisions written by Kruise replace the spec
 *  wholesale ($patch: replace); hand-written ones are merged: lists keyed by name where the Go
 *  type says so, maps recursively, null deletes. */
function restoreSpec(current: SidecarSetSpec, patch: Record<string, unknown>): SidecarSetSpec {
  if (patch.$patch === 'replace') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(patch)) if (k !== '$patch' && v !== null) out[k] = structuredClone(v);
    return out as SidecarSetSpec;
  }
  const out: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) { delete out[k]; continue; }
    if (PATCH_MERGE_BY_NAME.has(k) && Array.isArray(v)) out[k] = mergeByName(out[k] as Record<string, unknown>[] | undefined, v);
    else if (isObj(v) && isObj(out[k])) out[k] = mergeMaps(out[k] as Record<string, unknown>, v);
    else out[k] = structuredClone(v);
  }
  return out as SidecarSetSpec;
}

function mergeMaps(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (v === null) delete out[k];
    else if (isObj(v) && isObj(out[k])) out[k] = mergeMaps(out[k] as Record<string, unknown>, v);
    else out[k] = structuredClone(v);
  }
  return out;
}

function mergeByName(a: Record<string, unknown>[] | undefined, b: unknown[]): Record<string, unknown>[] {
  const out = [...(a ?? [])];
  for (const item of b) {
    if (!isObj(item)) continue;
    const i = out.findIndex((x) => x.name === item.name);
    if (i >= 0) out[i] = mergeMaps(out[i], item); else out.push(structuredClone(item));
  }
  return out;
}

// Restoring is the same for every pod: once per (SidecarSet, revision).
const RESTORED = new WeakMap<SidecarSetObject, Map<ControllerRevision, SidecarSetObject | undefined>>();

function restoredOnce(ss: SidecarSetObject, rev: ControllerRevision): SidecarSetObject | undefined {
  let m = RESTORED.get(ss);
  if (!m) RESTORED.set(ss, m = new Map());
  if (!m.has(rev)) m.set(rev, historicalSidecarSet(ss, rev));
  return m.get(rev);
}

/** GetHistorySidecarSet: the current SidecarSet with the revision's spec, hashes and name. */
export function historicalSidecarSet(ss: SidecarSetObject, rev: ControllerRevision): SidecarSetObject | undefined {
  const data = typeof rev.data === 'string' ? safeJson(rev.data) : rev.data;
  if (data !== undefined && data !== null && !isObj(data)) return undefined;
  const patchSpec = isObj(data) ? data.spec : undefined;
  if (patchSpec !== undefined && patchSpec !== null && !isObj(patchSpec)) return undefined;
  const spec = isObj(patchSpec) ? restoreSpec(ss.spec, patchSpec) : ss.spec;
  const restored: SidecarSetObject = {
    ...ss,
    metadata: { ...ss.metadata, annotations: { ...(ss.metadata.annotations ?? {}) } },
    spec,
    status: { ...(ss.status ?? {}), latestRevision: rev.metadata.name },
  };
  // Kruise decodes the merged spec into its Go type; data that does not fit fails there.
  if (!fitsSchema(restored)) return undefined;
  const ann = restored.metadata.annotations!;
  ann[SIDECARSET_HASH_ANNOTATION] = rev.metadata.annotations?.[SIDECARSET_HASH_ANNOTATION] || sidecarSetHash(restored);
  ann[SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION] = rev.metadata.annotations?.[SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION] || sidecarSetHashWithoutImage(restored);
  return restored;
}

function safeJson(s: string): unknown {
  try { return JSON.parse(s); } catch { return Symbol.for('bad'); }
}

/** Partial policy with a percent partition is a coin toss upstream (historical when
 *  rand ∈ [0,1) <= p). kruisec takes the more likely side: historical when p >= 50%. */
export const PARTIAL_HISTORICAL_THRESHOLD = 0.5;

/** getSuitableRevisionSidecarSet at pod CREATE. `podLabelsKnown` is false for templates whose
 *  answer would depend on labels only real pods carry. */
export function chooseRevision(ss: SidecarSetObject, pod: PodView, revisions: readonly ControllerRevision[],
  undecidable: (keys: string[]) => string | undefined): RevisionChoice {
  const info = ss.spec.injectionStrategy?.revision;
  if (!info || ((info.revisionName ?? null) === null && (info.customVersion ?? null) === null)) {
    return { ok: true, sidecarSet: ss, which: 'latest' };
  }
  const rev = revisionOf(ss, revisions);
  const wanted = info.revisionName ?? `customVersion ${info.customVersion}`;
  if (!rev) return { ok: false, reason: 'not-found', error: `ControllerRevision ${wanted} not found` };
  const historical = restoredOnce(ss, rev);
  if (!historical) return { ok: false, reason: 'bad-data', error: `ControllerRevision ${rev.metadata.name} has unreadable data` };
  const hist = { ok: true as const, sidecarSet: historical, which: 'historical' as const, revisionName: rev.metadata.name };
  const us = ss.spec.updateStrategy ?? {};
  if (us.paused === true) return hist;
  if (info.policy !== 'Partial') return hist;
  if (us.selector !== undefined && us.selector !== null) {
    const keys = Object.keys(us.selector.matchLabels ?? {}).concat((us.selector.matchExpressions ?? []).map((e) => e.key));
    const why = undecidable(keys);
    if (why) return { ok: 'undecided', reason: why };
    const v = evaluateSelector(us.selector as never, pod.metadata.labels);
    if (!v.ok) return { ok: false, reason: 'bad-selector', error: v.error };
    if (!v.matches) return hist;
  }
  const p = us.partition;
  if (p === undefined || p === null || typeof p === 'number') return { ok: true, sidecarSet: ss, which: 'latest' };
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)%$/.exec(p);
  if (!m) return { ok: false, reason: 'bad-partition', error: `partition ${JSON.stringify(p)} is not a percentage` };
  const prob = Number(m[1]) / 100;
  if (prob >= 1) return hist;
  if (prob <= 0) return { ok: true, sidecarSet: ss, which: 'latest' };
  return prob >= PARTIAL_HISTORICAL_THRESHOLD
    ? { ...hist, random: p }
    : { ok: true, sidecarSet: ss, which: 'latest', random: p };
}
