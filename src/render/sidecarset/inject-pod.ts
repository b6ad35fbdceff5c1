// The pod webhook's SidecarSet part at CREATE (spec §2-§9) for one pod, or one pod template
// judged as the pod it will create. Pure: returns the new pod (copies of what changed only),
// one explain line per SidecarSet and the issues found, with paths relative to the pod.
import type { FieldPath } from '../../api/resource.js';
import {
  SIDECARSET_BASE_ANNOTATION, SIDECARSET_CANARY_ANNOTATION, SIDECARSET_HASH_ANNOTATION, SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION,
} from '../../api/sidecarset.js';
import * as rules from '../../report/catalogue/render-sidecarset.js';
import type { Rule } from '../../report/catalogue/rule.js';
import type { ExplainLine } from '../../api/explain.js';
import { buildSidecars } from './build-sidecars.js';
import type { InjectionContext, PreparedSidecarSet } from './context.js';
import { mergeSidecarSecrets } from './image-pull-secrets.js';
import {
  injectedList, marshalHashAnnotation, parseHashAnnotation, UPDATE_TIMESTAMP, type UpgradeSpec,
} from './injection-annotations.js';
import { evaluateSelector, podNamespace, podSelectorMatches } from './matching.js';
import { patchPodMetadata } from './patch-pod-metadata.js';
import { BEFORE_APP_CONTAINER, mergeSidecarContainers, sortByName, type InjectedContainer } from './pod-inject-policy.js';
import { isPodOnlyLabel, selectorKeys } from './pod-only-labels.js';
import { chooseRevision } from './revision.js';
import { sharesVolumeMounts } from './share-volume-policy.js';
import type { PodView, SidecarSetObject } from './types.js';
import { ANN_INJECTED_LIST } from './types.js';
import { mergeVolumes } from './volumes.js';

export interface Issue {
  rule: Rule<any>;
  data: Record<string, unknown>;
  /** Relative to the pod (metadata/spec); absent: the resource itself. */
  path?: FieldPath;
  /** Report once on this SidecarSet instead of on every pod (deduplicated by the caller). */
  onSidecarSet?: PreparedSidecarSet;
  /** With onSidecarSet: where in the SidecarSet. */
  sidecarSetPath?: FieldPath;
}

export interface PodInjection {
  /** The mutated pod; undefined when the webhook leaves it as it is (or refuses it). */
  pod?: PodView;
  lines: ExplainLine[];
  issues: Issue[];
}

export interface PodSubject {
  /** `Pod ns/name` or `Deployment ns/name (pod template)`, for messages. */
  display: string;
  /** A template rather than a real pod (§13). */
  template: boolean;
  /** "<api group>/<kind>" of the workload owning the template: which labels only its pods get. */
  workload?: string;
}

const line = (item: string, outcome: string, reason: string): ExplainLine => ({ item, outcome, reason });

function isActive(pod: PodView): boolean {
  const phase = (pod as unknown as { status?: { phase?: string } }).status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

interface Matched { prepared: PreparedSidecarSet; chosen: SidecarSetObject; note?: string }

/** `explain: false` leaves the explain lines as the webhook wrote them, unsorted and without
 *  the SidecarSets it never reached: nobody will read them. */
export function injectPod(pod: PodView, subject: PodSubject, ctx: InjectionContext, explain = true): PodInjection {
  const r = webhook(pod, subject, ctx);
  if (!explain) return r;
  // One line per SidecarSet, in the order the webhook considered them.
  const ns = podNamespace(pod.metadata.namespace);
  if (r.lines.length < ctx.sidecarSets.length) {
    const seen = new Set(r.lines.map((l) => l.item));
    for (const p of ctx.order(ns)) if (!seen.has(p.name)) r.lines.push(line(p.name, 'not reached', 'the webhook refused the pod before getting to it'));
  }
  const rank = ctx.rank(ns);
  r.lines.sort((a, b) => (rank.get(a.item) ?? -1) - (rank.get(b.item) ?? -1));
  return r;
}

function webhook(pod: PodView, subject: PodSubject, ctx: InjectionContext): PodInjection {
  const lines: ExplainLine[] = [];
  const issues: Issue[] = [];
  const podLabels = pod.metadata.labels;
  if (!isActive(pod)) {
    for (const p of ctx.sidecarSets) lines.push(line(p.name, 'skipped', 'the pod is not active (finished or being deleted): the webhook ignores it'));
    return { lines, issues };
  }
  const ns = podNamespace(pod.metadata.namespace);
  const nsLabels = ctx.labelsOf(ns);
  // Kruise's own webhook configuration (kustomize and Helm alike) leaves out namespaces labelled
  // control-plane=openkruise: pods there never reach the webhook. Nothing else is excluded by
  // name: the kube-system/kube-public skip list is commented out upstream.
  if (nsLabels.labels['control-plane'] === 'openkruise') {
    for (const p of ctx.sidecarSets) lines.push(line(p.name, 'skipped', `namespace ${ns} is excluded by Kruise's webhook configuration (label control-plane=openkruise)`));
    return { lines, issues };
  }
  const pd = { pod: subject.display };
  const refuse = (rule: Rule<any>, data: Record<string, unknown>, item: string, reason: string, path?: FieldPath): PodInjection => {
    issues.push({ rule, data: { ...pd, ...data }, path });
    lines.push(line(item, 'rejected', reason));
    return { lines, issues };
  };
  const podOnly = (keys: readonly string[]): string | undefined =>
    subject.template ? keys.find((k) => isPodOnlyLabel(k, podLabels, subject.workload)) : undefined;

  // §2.3-§2.4: candidates in the webhook's order, each filtered.
  const matched: Matched[] = [];
  const bases = new Set<string>();
  for (const p of ctx.order(ns)) {
    const spec = p.stored.spec;
    if (spec.injectionStrategy?.paused === true) { lines.push(line(p.name, 'skipped', 'injectionStrategy.paused is true')); continue; }
    if (p.nsSelector) {
      let v = p.nsVerdicts.get(ns);
      if (!v) p.nsVerdicts.set(ns, v = evaluateSelector(p.nsSelector, nsLabels.labels));
      if (!v.ok) { lines.push(line(p.name, 'skipped', `namespaceSelector is invalid (${v.error}): it matches no namespace`)); continue; }
      if (!v.matches) {
        const needsLabels = selectorKeys(p.nsSelector).some((k) => k !== 'kubernetes.io/metadata.name');
        if (!nsLabels.known && needsLabels) {
          issues.push({ rule: rules.injectNamespaceUnknown, data: { sidecarSet: p.name, namespace: ns }, onSidecarSet: p, sidecarSetPath: ['spec', 'namespaceSelector'] });
          lines.push(line(p.name, 'skipped', `namespaceSelector needs labels of namespace ${ns}, which are unknown (taken as not matching)`));
        } else lines.push(line(p.name, 'skipped', `namespaceSelector does not match namespace ${ns}`));
        continue;
      }
    }
    const key = podOnly(selectorKeys(spec.selector as never));
    if (key) {
      issues.push({ rule: rules.injectPodOnlyLabel, data: { workload: subject.display, sidecarSet: p.name, field: 'selector', key } });
      lines.push(line(p.name, 'undecided', `selector reads label ${key}, which only real pods carry: not injected into the template`));
      continue;
    }
    const sel = podSelectorMatches(spec.selector as never, podLabels);
    if (!sel.ok) {
      return refuse(rules.injectInvalidSelector, { sidecarSet: p.name, field: 'selector', error: sel.error }, p.name, `selector is invalid: ${sel.error}`);
    }
    if (!sel.matches) {
      const empty = !spec.selector || selectorKeys(spec.selector as never).length === 0;
      lines.push(line(p.name, 'skipped', empty ? 'selector is empty: it never matches' : 'selector does not match the pod labels'));
      continue;
    }
    // §3: the revision to inject.
    const r = chooseRevision(p.stored, pod, ctx.revisions, podOnly);
    if (r.ok === 'undecided') {
      issues.push({ rule: rules.injectPodOnlyLabel, data: { workload: subject.display, sidecarSet: p.name, field: 'updateStrategy.selector', key: r.reason } });
      lines.push(line(p.name, 'undecided', `updateStrategy.selector reads label ${r.reason}, which only real pods carry: the revision cannot be chosen`));
      continue;
    }
    if (r.ok === false) {
      const info = spec.injectionStrategy?.revision;
      if (r.reason === 'not-found') {
        return refuse(rules.injectRevisionNotFound, {
          sidecarSet: p.name, namespace: ctx.cluster.kruiseNamespace,
          revision: info?.revisionName ? `revision ${info.revisionName}` : `customVersion ${info?.customVersion}`,
        }, p.name, r.error);
      }
      if (r.reason === 'bad-partition') {
        return refuse(rules.injectPartitionNotPercent, { sidecarSet: p.name, partition: String(spec.updateStrategy?.partition) }, p.name, r.error);
      }
      if (r.reason === 'bad-selector') {
        return refuse(rules.injectInvalidSelector, { sidecarSet: p.name, field: 'updateStrategy.selector', error: r.error }, p.name, r.error);
      }
      return refuse(rules.injectRevisionUnreadable, { sidecarSet: p.name, revision: r.error }, p.name, r.error);
    }
    let note: string | undefined;
    if (r.which === 'historical') note = `revision ${r.revisionName}`;
    if (r.random) {
      issues.push({ rule: rules.injectRandomRevision, data: { ...pd, sidecarSet: p.name, partition: r.random, chosen: r.which } });
      note = `${r.which} version, chosen at random upstream (partition ${r.random})`;
    }
    const ann = r.sidecarSet.metadata.annotations ?? {};
    if (ann[SIDECARSET_CANARY_ANNOTATION] === 'true' && ann[SIDECARSET_BASE_ANNOTATION]) bases.add(ann[SIDECARSET_BASE_ANNOTATION]);
    matched.push({ prepared: p, chosen: r.sidecarSet, note });
  }
  // A canary that selects the pod replaces its base for this pod (§2.4 step 6).
  const sets: Matched[] = [];
  for (const m of matched) {
    if (bases.has(m.prepared.name)) lines.push(line(m.prepared.name, 'skipped', 'a canary SidecarSet of this base selects the pod'));
    else sets.push(m);
  }
  if (!sets.length) return { lines, issues };
  const chosen = sets.map((m) => m.chosen);
  if (subject.template) warnTransferEnvFromPodOnlyLabels(sets, subject, podLabels, issues);

  // §6: pod metadata patches run first, over the final list.
  const annotations: Record<string, string> = { ...(pod.metadata.annotations ?? {}) };
  for (const m of sets) {
    const r = patchPodMetadata(annotations, m.chosen.spec.patchPodMetadata);
    if (!r.ok) {
      return refuse(rules.injectPatchMetadataMerge, { sidecarSet: m.prepared.name, key: r.key, error: r.error }, m.prepared.name,
        `patchPodMetadata cannot merge into annotation ${r.key}`, ['metadata', 'annotations', r.key]);
    }
  }
  // Upstream parses the existing hash annotations inside buildSidecars, before anything is built.
  const hashes = parseHashAnnotation(pod.metadata.annotations?.[SIDECARSET_HASH_ANNOTATION]);
  if (!hashes.ok) return refuse(rules.injectInvalidHashAnnotation, { sidecarSet: sets[0].prepared.name, annotation: SIDECARSET_HASH_ANNOTATION, error: hashes.error }, sets[0].prepared.name, `annotation ${SIDECARSET_HASH_ANNOTATION} is unreadable`, ['metadata', 'annotations', SIDECARSET_HASH_ANNOTATION]);
  const hashesNoImage = parseHashAnnotation(pod.metadata.annotations?.[SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION]);
  if (!hashesNoImage.ok) return refuse(rules.injectInvalidHashAnnotation, { sidecarSet: sets[0].prepared.name, annotation: SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION, error: hashesNoImage.error }, sets[0].prepared.name, `annotation ${SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION} is unreadable`, ['metadata', 'annotations', SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION]);

  // The pod's metadata as the webhook leaves it; the bookkeeping annotations go in below.
  const outMeta = { ...pod.metadata, annotations };
  const b = buildSidecars({ metadata: outMeta, spec: pod.spec }, chosen);
  if (!b.ok) {
    const f = b.failure;
    return f.reason === 'no-target'
      ? refuse(rules.injectResourcesNoTarget, { sidecarSet: f.sidecarSet, container: f.container, regex: f.regex }, f.sidecarSet, f.error)
      : refuse(rules.injectResourcesExpression, { sidecarSet: f.sidecarSet, container: f.container, error: f.error }, f.sidecarSet, f.error);
  }
  const built = b.built;
  if (built.containers.length === 0 && built.initContainers.length === 0) {
    for (const m of sets) lines.push(line(m.prepared.name, 'injected', 'nothing to inject beyond patchPodMetadata'));
    return { pod: { metadata: outMeta, spec: pod.spec }, lines, issues };
  }

  // §5: merge into the pod.
  // Empty lists the pod did not have stay out (set only when needed: no delete, see buildOne).
  const spec = { ...pod.spec };
  const initContainers = mergeSidecarContainers(pod.spec.initContainers, sortByName(built.initContainers));
  if (initContainers.length || pod.spec.initContainers) spec.initContainers = initContainers;
  else if ('initContainers' in spec) delete spec.initContainers;
  const containers = ctx.sortContainersByName ? sortByName(built.containers) : built.containers;
  spec.containers = mergeSidecarContainers(pod.spec.containers, containers);
  const volumes = mergeVolumes(pod.spec.volumes, built.volumes);
  if (volumes.length || pod.spec.volumes) spec.volumes = volumes;
  else if ('volumes' in spec) delete spec.volumes;
  const secrets = mergeSidecarSecrets(pod.spec.imagePullSecrets, built.secrets);
  if (secrets) spec.imagePullSecrets = secrets.map((s) => ({ ...s }));

  // §9: bookkeeping annotations.
  for (const [k, v] of built.annotations) annotations[k] = v;
  const withImage = hashes.map, withoutImage = hashesNoImage.map;
  for (const m of sets) {
    const list = built.sidecarLists.get(m.prepared.name);
    if (!list) continue;
    const [e1, e2] = upgradeSpecs(m.chosen, list);
    withImage.set(m.prepared.name, e1);
    withoutImage.set(m.prepared.name, e2);
  }
  annotations[SIDECARSET_HASH_ANNOTATION] = marshalHashAnnotation(withImage);
  annotations[SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION] = marshalHashAnnotation(withoutImage);
  annotations[ANN_INJECTED_LIST] = injectedList(pod.metadata.annotations?.[ANN_INJECTED_LIST], sets.map((m) => m.prepared.name));

  checkAfterMerge(pod, subject, sets, built.containers, built.initContainers, built.origin, issues);
  const namesBySet = new Map<string, string[]>();
  for (const [c, from] of built.origin) {
    const l = namesBySet.get(from);
    if (l) l.push(c.container.name); else namesBySet.set(from, [c.container.name]);
  }
  for (const m of sets) {
    const names = namesBySet.get(m.prepared.name);
    lines.push(line(m.prepared.name, 'injected', `${names ? names.join(', ') : 'nothing'}${m.note ? ` (${m.note})` : ''}`));
  }
  return { pod: { metadata: outMeta, spec }, lines, issues };
}

const LABEL_FIELD_PATH = /^metadata\.labels\['(.*)'\]$/;

/** transferEnv whose source container is named by a label only real pods carry (§13.4): the
 *  template cannot show the env vars a real pod gets. */
function warnTransferEnvFromPodOnlyLabels(sets: readonly Matched[], subject: PodSubject, labels: Record<string, string> | undefined, issues: Issue[]): void {
  for (const m of sets) {
    for (const c of [...(m.chosen.spec.initContainers ?? []), ...(m.chosen.spec.containers ?? [])]) {
      for (const t of c.transferEnv ?? []) {
        const key = LABEL_FIELD_PATH.exec(t.sourceContainerNameFrom?.fieldRef?.fieldPath ?? '')?.[1];
        if (key !== undefined && isPodOnlyLabel(key, labels, subject.workload)) {
          issues.push({ rule: rules.injectPodOnlyLabel, data: { workload: subject.display, sidecarSet: m.prepared.name, field: `transferEnv of ${c.name}`, key } });
        }
      }
    }
  }
}

// The two hash entries of a SidecarSet version are the same for every pod: build them once.
const UPGRADE_SPECS = new WeakMap<SidecarSetObject, [UpgradeSpec, UpgradeSpec]>();

function upgradeSpecs(ss: SidecarSetObject, list: string[]): [UpgradeSpec, UpgradeSpec] {
  const cached = UPGRADE_SPECS.get(ss);
  if (cached && sameStrings(cached[0].sidecarList!, list)) return cached;
  const name = ss.metadata.name ?? '';
  const e1: UpgradeSpec = { updateTimestamp: UPDATE_TIMESTAMP, hash: ss.metadata.annotations?.[SIDECARSET_HASH_ANNOTATION] ?? '', sidecarSetName: name, sidecarList: list };
  const rev = ss.status?.latestRevision;
  if (rev) e1.controllerRevision = rev;
  const e2: UpgradeSpec = { updateTimestamp: UPDATE_TIMESTAMP, hash: ss.metadata.annotations?.[SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION] ?? '', sidecarSetName: name, sidecarList: list };
  const out: [UpgradeSpec, UpgradeSpec] = [e1, e2];
  UPGRADE_SPECS.set(ss, out);
  return out;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Things the API server or other admission steps decide after the webhook (§2.6, §13). */
function checkAfterMerge(pod: PodView, subject: PodSubject, sets: readonly Matched[], containers: readonly InjectedContainer[],
  initContainers: readonly InjectedContainer[], origin: ReadonlyMap<InjectedContainer, string>, issues: Issue[]): void {
  const display = subject.display;
  // Two injected sidecars with one new name: both are added and the API server refuses the pod.
  for (const [list, own] of [[containers, pod.spec.containers], [initContainers, pod.spec.initContainers]] as const) {
    const podNames = new Set((own ?? []).map((c) => c.name));
    const seen = new Map<string, string[]>();
    for (const c of list) {
      if (podNames.has(c.container.name)) continue;
      const from = seen.get(c.container.name) ?? [];
      from.push(origin.get(c) ?? '');
      seen.set(c.container.name, from);
    }
    for (const [name, from] of seen) {
      if (from.length > 1) issues.push({ rule: rules.injectDuplicateContainer, data: { pod: display, container: name, sidecarSets: from.join(', ') } });
    }
  }
  // Several SidecarSets adding containers on the same side: their order is kruisec's convention.
  // Said once per combination, on the first SidecarSet of it, not on every pod.
  const podNames = new Set((pod.spec.containers ?? []).map((c) => c.name));
  for (const before of [true, false]) {
    const contributors = new Set<string>();
    for (const c of containers) {
      if (podNames.has(c.container.name)) continue;
      if ((c.podInjectPolicy === BEFORE_APP_CONTAINER) === before) contributors.add(origin.get(c) ?? '');
    }
    if (contributors.size > 1) {
      const first = sets.find((m) => contributors.has(m.prepared.name))!;
      const names = [...contributors].join(', ');
      const key = `${before}\u0000${names}`;
      let byKey = ORDER_ISSUES.get(first.prepared);
      if (!byKey) ORDER_ISSUES.set(first.prepared, (byKey = new Map()));
      let issue = byKey.get(key);
      if (!issue) {
        byKey.set(key, (issue = {
          rule: rules.injectOrderObservable, data: { sidecarSets: names, side: before ? 'in front of' : 'behind' },
          onSidecarSet: first.prepared, sidecarSetPath: ['spec', 'containers'],
        }));
      }
      issues.push(issue);
    }
  }
  for (const m of sets) {
    const facts = sidecarSetFacts(m);
    issues.push(...facts.admissionMounts);
    if (facts.launchPriority && (subject.template || !pod.metadata.name)) issues.push({ rule: rules.injectLaunchPriority, data: { pod: display, sidecarSet: m.prepared.name } });
  }
}

// What checkAfterMerge says about a SidecarSet version whatever the pod: worked out once. The
// issues are the same objects each time, so the caller can tell a repeat without reading them.
interface SidecarSetFacts { admissionMounts: Issue[]; launchPriority: boolean }
const FACTS = new WeakMap<SidecarSetObject, SidecarSetFacts>();
const ORDER_ISSUES = new WeakMap<PreparedSidecarSet, Map<string, Issue>>();

function sidecarSetFacts(m: Matched): SidecarSetFacts {
  const cached = FACTS.get(m.chosen);
  if (cached) return cached;
  const spec = m.chosen.spec;
  const admissionMounts: Issue[] = [];
  for (const [list, field] of [[spec.initContainers, 'initContainers'], [spec.containers, 'containers']] as const) {
    (list ?? []).forEach((c, i) => {
      if (!sharesVolumeMounts(c)) return;
      admissionMounts.push({
        rule: rules.injectAdmissionMounts, data: { sidecarSet: m.prepared.name, container: c.name },
        onSidecarSet: m.prepared, sidecarSetPath: ['spec', field, i, 'shareVolumePolicy'],
      });
    });
  }
  const launchPriority = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].some((c) => (c.env ?? []).some((e) => e.name === 'KRUISE_CONTAINER_PRIORITY'));
  const facts = { admissionMounts, launchPriority };
  FACTS.set(m.chosen, facts);
  return facts;
}
