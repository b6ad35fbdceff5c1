// The rest of Kruise's pod webhook around SidecarSet injection (spec sidecarset-injection.md §1
// step 3): the container launch priority env (after injection) is rendered on a named Pod; the
// KruisePodReady readiness gate (before injection) is explained. A pod template is left as
// written (its pods are named by their controller) and --explain says what each of its pods
// will carry. Workload classification advice joins the
// same explain entry.
import type { ExplainEntry, ExplainLine } from '../../api/explain.js';
import { displayName, originOf, type FieldPath, type Resource } from '../../api/resource.js';
import { templatePath } from '../../k8s/pod-templates.js';
import * as rules from '../../report/catalogue/workload.js';
import { at, report } from '../../report/catalogue/rule.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { classificationAdvice, serviceIndex } from '../../validate/index.js';
import { isObj, list, type Obj } from '../../util/json.js';
import type { RenderOptions } from '../types.js';
import { applyLaunchPriority, launchPriorities, launchPriorityLine, podNamePattern } from './launch-priority.js';
import { KRUISE_POD_READY, podGetsKruisePodReady, workloadPodGates } from './readiness-gates.js';

export type PodStep = (r: Resource, diagnostics: Diagnostic[], explain?: ExplainEntry[]) => Resource;

export function preparePodWebhook(resources: readonly Resource[], opts: RenderOptions): PodStep {
  let services: Map<string, boolean> | undefined;
  return (r, diagnostics, explain) => {
    const path = templatePath(r.obj);
    if (!path) return r;
    const lines: ExplainLine[] = [];
    let out = r;
    if (path.length === 0) out = renderPod(r, diagnostics, lines, opts);
    else explainTemplate(r, path, diagnostics, explain ? lines : undefined, opts);
    if (explain) {
      const advice = classificationAdvice(r, services ??= serviceIndex(resources));
      if (advice) lines.push({ item: 'advice', outcome: 'consider CloneSet', reason: `this ${advice.kind} ${advice.reason}` });
      if (lines.length) explain.push({ subject: displayName(r.obj), origin: originOf(r), topic: 'pod', lines });
    }
    return out;
  };
}

function renderPod(r: Resource, diagnostics: Diagnostic[], lines: ExplainLine[], opts: RenderOptions): Resource {
  let pod = r.obj as Obj;
  if (!isObj(pod.spec)) return r;
  // The gate is explained, not written: a Pod manifest owned by a Kruise workload is rare in git,
  // and the condition behind it is Kruise's to set (a rendered gate would hold the pod unready
  // wherever nothing sets it).
  if (podGetsKruisePodReady(r.obj, opts.cluster)) {
    const gates = list(pod.spec.readinessGates);
    const has = gates.some((g) => isObj(g) && g.conditionType === KRUISE_POD_READY);
    const all = has ? gateList(gates) : [gateList(gates), KRUISE_POD_READY].filter(Boolean).join(', ');
    lines.push({ item: 'readiness gates', outcome: all, reason: `${KRUISE_POD_READY} is added by Kruise's pod webhook at creation (the pod's controller is a Kruise workload, or gate KruisePodReadinessGate is on)` });
  }
  const decided = launchPriorities(pod);
  if (decided.kind === 'refused') diagnostics.push(report(rules.launchPriorityInvalid, { container: decided.container, value: decided.value }, at(r, ['spec', 'containers'])));
  const name = typeof pod.metadata?.name === 'string' ? pod.metadata.name : '';
  // generateName pods get a random name from the webhook: the barrier ConfigMap name is unknown.
  const rendered = name !== '' ? applyLaunchPriority(pod, decided, name) : undefined;
  const line = launchPriorityLine(pod, decided, name || `${pod.metadata?.generateName ?? ''}<random>`, rendered !== undefined);
  if (line) lines.push(line);
  if (rendered) pod = rendered;
  return pod === r.obj ? r : { ...r, obj: pod as Resource['obj'] };
}

/** A template stays as written; `lines` (explain only) get what each of its pods will carry. */
function explainTemplate(r: Resource, path: FieldPath, diagnostics: Diagnostic[], lines: ExplainLine[] | undefined, opts: RenderOptions): void {
  let t: unknown = r.obj;
  for (const k of path) t = isObj(t) ? t[k] : undefined;
  if (!isObj(t) || !isObj(t.spec)) return;
  // Injection may have added a sidecar whose priority the webhook cannot parse.
  const decided = launchPriorities(t);
  if (decided.kind === 'refused') diagnostics.push(report(rules.launchPriorityInvalid, { container: decided.container, value: decided.value }, at(r, [...path, 'spec', 'containers'])));
  if (!lines) return;
  const gates = workloadPodGates(r.obj, t, opts.cluster);
  if (gates.length) {
    lines.push({ item: 'readiness gates', outcome: gates.map((g) => g.type).join(', '), reason: gates.map((g) => `${g.type} from ${g.from}`).join('; ') });
  }
  const line = launchPriorityLine(t, decided, podNamePattern(r.obj), false);
  if (line) lines.push(line);
}

function gateList(gates: unknown): string {
  return list(gates).map((g) => (isObj(g) ? String(g.conditionType) : '')).join(', ');
}
