// transferEnv (spec §4.5): copy named env vars from one of the pod's containers into the
// sidecar. The source container is named directly or read from a pod label/annotation.
import { qualifiedNameError } from '../../k8s/selector.js';
import type { PodView, SidecarContainer, V1EnvVar } from './types.js';

const SUBSCRIPTED = /^(metadata\.(?:annotations|labels))\['(.*)'\]$/;

export type SourceName = { ok: true; name: string } | { ok: false; error: string };

/** ExtractContainerNameFromFieldPath: metadata.labels['k'] / metadata.annotations['k'] only. */
export function containerNameFromFieldPath(fieldPath: string, pod: PodView): SourceName {
  const m = SUBSCRIPTED.exec(fieldPath);
  if (!m) return { ok: false, error: `unsupported fieldPath: ${fieldPath}` };
  const [, path, key] = m;
  if (path === 'metadata.annotations') {
    if (qualifiedNameError(key.toLowerCase())) return { ok: false, error: `invalid key subscript in ${fieldPath}` };
    return { ok: true, name: pod.metadata.annotations?.[key] ?? '' };
  }
  if (qualifiedNameError(key)) return { ok: false, error: `invalid key subscript in ${fieldPath}` };
  return { ok: true, name: pod.metadata.labels?.[key] ?? '' };
}

/** GetSidecarTransferEnvs: the env vars to transfer, in entry order, names sorted within an
 *  entry; duplicates are kept (the env merge drops them later). */
export function transferEnvs(c: SidecarContainer, pod: PodView): V1EnvVar[] {
  if (!c.transferEnv?.length) return [];
  const inPod = new Map<string, V1EnvVar>();
  for (const pc of pod.spec.containers ?? []) for (const e of pc.env ?? []) inPod.set(`${pc.name}/${e.name}`, e);
  const out: V1EnvVar[] = [];
  for (const t of c.transferEnv) {
    const names = new Set<string>();
    if (t.envName) names.add(t.envName);
    for (const n of t.envNames ?? []) names.add(n);
    let source = t.sourceContainerName ?? '';
    const ref = t.sourceContainerNameFrom?.fieldRef;
    if (ref) {
      const r = containerNameFromFieldPath(ref.fieldPath ?? '', pod);
      if (!r.ok) continue;
      source = r.name;
    }
    for (const n of [...names].sort()) {
      const env = inPod.get(`${source}/${n}`);
      if (env) out.push(env);
    }
  }
  return out;
}

/** util.MergeEnvVar: `original` as is, then each additional var whose name is new. */
export function mergeEnvVar(original: readonly V1EnvVar[], additional: readonly V1EnvVar[]): V1EnvVar[] {
  const seen = new Set(original.map((e) => e.name));
  const out = [...original];
  for (const e of additional) {
    if (seen.has(e.name)) continue;
    seen.add(e.name);
    out.push(e);
  }
  return out;
}
