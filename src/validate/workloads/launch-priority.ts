// Container launch priority as Kruise's pod webhook reads it (pkg/webhook/pod/mutating
// container_launch_priority_initialization.go): annotation apps.kruise.io/container-launch-priority
// "Ordered" (containers start in list order), else KRUISE_CONTAINER_PRIORITY env values on the app
// containers, parsed with Go's strconv.Atoi; a value that does not parse makes the webhook refuse
// the pod. Checked on Pods and on every pod template; render applies the env it adds.
import type { FieldPath, Resource } from '../../api/resource.js';
import { LAUNCH_PRIORITY_ANNOTATION, LAUNCH_PRIORITY_ENV, LAUNCH_PRIORITY_ORDERED, launchPriorities } from '../../k8s/container-launch-priority.js';
import { atoi } from '../../go/strconv.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/workload.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { isObj, list, type Obj } from '../../util/json.js';

/** `pod` is the pod or pod template object ({metadata, spec}) at `path` inside `res`. */
export function checkLaunchPriority(res: Resource, pod: Obj, path: FieldPath): Diagnostic[] {
  const spec = isObj(pod.spec) ? pod.spec : {};
  const annotations = isObj(pod.metadata) && isObj(pod.metadata.annotations) ? pod.metadata.annotations : {};
  const ann = annotations[LAUNCH_PRIORITY_ANNOTATION];
  const containers = list(spec.containers);
  const out: Diagnostic[] = [];
  const withEnv: { name: string; index: number; env: Obj; envIndex: number }[] = [];
  containers.forEach((c, index) => {
    list(isObj(c) ? c.env : undefined).forEach((e, envIndex) => {
      if (isObj(e) && e.name === LAUNCH_PRIORITY_ENV) withEnv.push({ name: String(c.name), index, env: e, envIndex });
    });
  });
  const initWithEnv = list(spec.initContainers).filter((c) => isObj(c) && list(c.env).some((e) => isObj(e) && e.name === LAUNCH_PRIORITY_ENV));
  if (ann !== undefined && ann !== LAUNCH_PRIORITY_ORDERED) {
    out.push(report(rules.launchPriorityAnnotationInvalid, { value: String(ann) }, at(res, [...path, 'metadata', 'annotations', LAUNCH_PRIORITY_ANNOTATION])));
  }
  if (initWithEnv.length) {
    out.push(report(rules.launchPriorityIgnored, { reason: `init containers (${initWithEnv.map((c) => c.name).join(', ')}) start in order anyway; Kruise reads ${LAUNCH_PRIORITY_ENV} on app containers only` }, at(res, [...path, 'spec', 'initContainers'])));
  }
  if (ann !== LAUNCH_PRIORITY_ORDERED && !withEnv.length) return out;
  // The webhook skips pods with one container before looking at anything else. SidecarSets may
  // still add containers; render says what a pod really gets.
  if (containers.length === 1) {
    out.push(report(rules.launchPriorityIgnored, { reason: 'the pod has a single container (unless a SidecarSet injects more)' }, at(res, [...path, 'spec', 'containers'])));
    return out;
  }
  if (ann === LAUNCH_PRIORITY_ORDERED) {
    if (withEnv.length) out.push(report(rules.launchPriorityConflict, { containers: [...new Set(withEnv.map((w) => w.name))].join(', ') }, at(res, [...path, 'metadata', 'annotations', LAUNCH_PRIORITY_ANNOTATION])));
    return out;
  }
  const decided = launchPriorities(pod);
  if (decided.kind === 'refused') {
    const w = withEnv.find((x) => x.name === decided.container && atoi(typeof x.env.value === 'string' ? x.env.value : '') === undefined) ?? withEnv[0];
    out.push(report(rules.launchPriorityInvalid, { container: decided.container, value: decided.value }, at(res, [...path, 'spec', 'containers', w.index, 'env', w.envIndex])));
  } else if (decided.kind === 'none') {
    out.push(report(rules.launchPriorityIgnored, { reason: decided.reason }, at(res, [...path, 'spec', 'containers'])));
  }
  return out;
}
