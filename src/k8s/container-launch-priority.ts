// Kruise's container launch priority (apis/apps/pub/launch_priority.go,
// pkg/util/containerlaunchpriority, pkg/webhook/pod/mutating
// container_launch_priority_initialization.go): which priority each app container of a new pod
// gets, and the env var the pod webhook adds to it. The kruise-daemon then starts containers of
// a higher priority first, each waiting on its key in the ConfigMap `<pod name>-barrier`.
// Shared by validate (what is refused or ignored) and render (what a pod gets).
import { atoi } from '../go/strconv.js';
import { isObj, list, type Obj } from '../util/json.js';

export const LAUNCH_PRIORITY_ANNOTATION = 'apps.kruise.io/container-launch-priority';
export const LAUNCH_PRIORITY_ORDERED = 'Ordered';
export const LAUNCH_PRIORITY_ENV = 'KRUISE_CONTAINER_PRIORITY';
export const LAUNCH_BARRIER_ENV = 'KRUISE_CONTAINER_BARRIER';

export type LaunchPriorities =
  | { kind: 'none'; reason: string }
  | { kind: 'ordered' | 'env'; priorities: bigint[] }
  | { kind: 'refused'; container: string; value: string };

/** What the pod webhook decides for a pod (after SidecarSet injection, which runs first). */
export function launchPriorities(pod: Obj): LaunchPriorities {
  const spec = isObj(pod.spec) ? pod.spec : {};
  const containers = list(spec.containers);
  if (containers.length === 1) return { kind: 'none', reason: 'the pod has one container' };
  const annotations = isObj(pod.metadata) && isObj(pod.metadata.annotations) ? pod.metadata.annotations : {};
  if (annotations[LAUNCH_PRIORITY_ANNOTATION] === LAUNCH_PRIORITY_ORDERED) {
    return { kind: 'ordered', priorities: containers.map((_, i) => BigInt(-i)) };
  }
  const priorities: bigint[] = [];
  let any = false;
  for (const c of containers) {
    let p = 0n;
    for (const e of list(isObj(c) ? c.env : undefined)) {
      if (!isObj(e) || e.name !== LAUNCH_PRIORITY_ENV) continue;
      // Only the literal value: an env from valueFrom reads as "" and does not parse.
      const raw = typeof e.value === 'string' ? e.value : '';
      const v = atoi(raw);
      if (v === undefined) return { kind: 'refused', container: isObj(c) ? String(c.name) : '', value: e.valueFrom !== undefined ? 'from valueFrom' : JSON.stringify(e.value ?? '') };
      p = v;
      if (v !== 0n) any = true;
    }
    priorities.push(p);
  }
  if (!any) return { kind: 'none', reason: `no container sets a non-zero ${LAUNCH_PRIORITY_ENV}` };
  if (priorities.every((p) => p === priorities[0])) return { kind: 'none', reason: 'every container has the same priority' };
  return { kind: 'env', priorities };
}

/** The env var the webhook appends to a container of priority `p` in pod `podName`. */
export function barrierEnv(p: bigint, podName: string): Obj {
  return { name: LAUNCH_BARRIER_ENV, valueFrom: { configMapKeyRef: { name: `${podName}-barrier`, key: barrierKey(p) } } };
}

export function barrierKey(p: bigint): string {
  return `p_${p}`;
}
