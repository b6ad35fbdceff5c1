// shareVolumePolicy (spec §4.4): an enabled sidecar also mounts every volumeMount of the app
// containers (not of init containers), and copies the env vars those mounts' subPathExpr use.
import type { SidecarContainer, V1Container, V1EnvVar, V1VolumeMount } from './types.js';
import { ENV_IS_INJECTED } from './types.js';

// $(NAME) references in a subPathExpr (sidecarcontrol.SubPathExprEnvReg).
const SUBPATH_EXPR_ENV = /\$\(([-._a-zA-Z][-._a-zA-Z0-9]*)\)/g;

/** A container the webhook treats as already injected: its first IS_INJECTED env is "true". */
export function isInjectedContainer(c: V1Container): boolean {
  const e = (c.env ?? []).find((v) => v.name === ENV_IS_INJECTED);
  return (e?.value ?? '') === 'true';
}

export function sharesVolumeMounts(c: SidecarContainer): boolean {
  return c.shareVolumePolicy?.type === 'enabled';
}

/** GetInjectedVolumeMountsAndEnvs: the mounts to share and the subPathExpr envs they need. */
export function sharedMountsAndEnvs(c: SidecarContainer, podContainers: readonly V1Container[] | undefined): { mounts: V1VolumeMount[]; envs: V1EnvVar[] } {
  const mounts: V1VolumeMount[] = [];
  const envs: V1EnvVar[] = [];
  if (!sharesVolumeMounts(c)) return { mounts, envs };
  for (const app of podContainers ?? []) {
    if (isInjectedContainer(app)) continue;
    for (const m of app.volumeMounts ?? []) {
      mounts.push(m);
      for (const ref of (m.subPathExpr ?? '').matchAll(SUBPATH_EXPR_ENV)) {
        const env = (app.env ?? []).find((e) => e.name === ref[1]);
        if (env) envs.push(env);
      }
    }
  }
  return { mounts, envs };
}

/** util.MergeVolumeMounts: own mounts, then shared ones whose mountPath is not yet used by an
 *  own mount, an own device path or an earlier shared mount. */
export function mergeVolumeMounts(c: V1Container, additional: readonly V1VolumeMount[]): V1VolumeMount[] | undefined {
  return mergeByPath(c.volumeMounts, additional, (m) => m.mountPath, (c.volumeDevices ?? []).map((d) => d.devicePath));
}

/** Own entries, then the additional ones whose path is free: not an own entry's, not in
 *  `taken`, not an earlier additional one's. Mounts and devices share one path space. */
export function mergeByPath<T>(own: T[] | undefined, additional: readonly T[], path: (x: T) => string, taken: readonly string[]): T[] | undefined {
  if (!additional.length) return own;
  const used = new Set<string>(taken);
  for (const x of own ?? []) used.add(path(x));
  const out = [...(own ?? [])];
  for (const x of additional) {
    if (used.has(path(x))) continue;
    out.push(x);
    used.add(path(x));
  }
  return out;
}
