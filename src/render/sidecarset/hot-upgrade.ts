// Hot upgrade (spec §7): a HotUpgrade sidecar is injected as a pair, `<name>-1` working and
// `<name>-2` holding the empty image, each reading its version from pod annotations.
import { goMarshalMap, goString } from '../../go/json.js';
import type { InjectedContainer } from './pod-inject-policy.js';
import type { SidecarContainer, V1Container } from './types.js';
import { ANN_WORKING_HOT_UPGRADE } from './types.js';

export const versionAnnotation = (container: string) => `version.sidecarset.kruise.io/${container}`;
export const versionAltAnnotation = (container: string) => `versionalt.sidecarset.kruise.io/${container}`;

export function isHotUpgrade(c: SidecarContainer): boolean {
  return c.upgradeStrategy?.upgradeType === 'HotUpgrade';
}

/** GetPodHotUpgradeInfoInAnnotations: the pod's working map; unreadable values count as empty. */
export function workingHotUpgradeMap(annotations: Record<string, string> | undefined): Map<string, string> {
  const m = new Map<string, string>();
  const raw = annotations?.[ANN_WORKING_HOT_UPGRADE];
  if (raw === undefined) return m;
  try {
    const v: unknown = JSON.parse(raw);
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, s] of Object.entries(v)) if (typeof s === 'string') m.set(k, s);
    }
  } catch { /* upstream logs and carries on with what it has */ }
  return m;
}

function withVersionEnv(c: V1Container, name: string): V1Container {
  return {
    ...c,
    name,
    env: [
      ...(c.env ?? []),
      { name: 'SIDECARSET_VERSION', valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${versionAnnotation(name)}']` } } },
      { name: 'SIDECARSET_VERSION_ALT', valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${versionAltAnnotation(name)}']` } } },
    ] as V1Container['env'],
  };
}

/** injectHotUpgradeContainers: the pair, plus the annotations it writes into `annotations`.
 *  `built` is the sidecar after §4 steps 1-7; `working` is the shared working map. */
export function hotUpgradePair(built: V1Container, spec: SidecarContainer, policy: string | undefined,
  working: Map<string, string>, annotations: Map<string, string>): InjectedContainer[] {
  const n1 = `${spec.name}-1`, n2 = `${spec.name}-2`;
  const c1 = withVersionEnv(built, n1);
  const c2 = withVersionEnv(built, n2);
  const empty = spec.upgradeStrategy?.hotUpgradeEmptyImage;
  if (empty) c2.image = empty; else delete c2.image;
  annotations.set(versionAnnotation(n1), '1');
  annotations.set(versionAltAnnotation(n1), '0');
  annotations.set(versionAnnotation(n2), '0');
  annotations.set(versionAltAnnotation(n2), '1');
  working.set(spec.name, n1);
  annotations.set(ANN_WORKING_HOT_UPGRADE, goMarshalMap(working, goString));
  return [{ container: c1, podInjectPolicy: policy }, { container: c2, podInjectPolicy: policy }];
}
