// CloneSet stage convergence (spec §3.4, §7.3): the controller saw the generation, expects the
// planned number of updated pods, that many are updated and ready (available with
// minReadySeconds), and surge pods are gone. Both served layouts: v1beta1 keeps the knobs under
// updateStrategy.rollingUpdate, v1alpha1 directly under updateStrategy.
import { calculatePartitionReplicas } from '../../k8s/intstr.js';
import { conditionOf, firstUnmet, num, observed, type ConvergeInput, type Loose, type Verdict } from './verdict.js';

function knobs(obj: Loose): Loose {
  const us = obj.spec?.updateStrategy ?? {};
  return obj.apiVersion === 'apps.kruise.io/v1beta1' ? us.rollingUpdate ?? {} : us;
}

export function cloneSetVerdict(input: ConvergeInput): Verdict {
  const early = observed(input);
  if (early) return early;
  const live = input.live as Loose;
  const stall = cloneSetStall(live) ?? inPlaceStall(live, input.mode);
  if (stall) return stall;
  const replicas = num(live.spec?.replicas, 1);
  const partition = calculatePartitionReplicas(knobs(input.desired as Loose).partition, replicas);
  const desired = replicas - (partition.ok ? partition.value : 0);
  const st = live.status ?? {};
  const readyField = num(live.spec?.minReadySeconds) > 0 ? 'updatedAvailableReplicas' : 'updatedReadyReplicas';
  const ready = num(st[readyField]);
  const updated = num(st.updatedReplicas);
  const progress = `${updated}/${desired} updated, ${ready} ready`;
  return firstUnmet([
    [st.expectedUpdatedReplicas === undefined || num(st.expectedUpdatedReplicas) === desired, `status.expectedUpdatedReplicas to be ${desired} (is ${num(st.expectedUpdatedReplicas)})`],
    [updated >= desired, `updatedReplicas >= ${desired} (is ${updated})`],
    [ready + input.tolerance >= desired, `${readyField} + ${input.tolerance} >= ${desired} (is ${ready})`],
    [desired === 0 || ready > 0, `${readyField} > 0`],
    [num(st.replicas) === replicas, `status.replicas == ${replicas} (is ${num(st.replicas)}: surge pods still there)`],
  ], progress, st.updateRevision);
}

/** States waiting cannot fix (spec §7.3 stalls). */
export function cloneSetStall(live: Loose): Verdict | undefined {
  const name = `CloneSet ${live.metadata?.namespace}/${live.metadata?.name}`;
  const k = knobs(live);
  if (live.spec?.updateStrategy?.type === 'OnDelete') {
    return { state: 'stalled', reason: `${name} has updateStrategy OnDelete: its pods change only when deleted`, hint: 'delete the old pods yourself, or set a rolling update strategy in git' };
  }
  if (k.paused === true) {
    return { state: 'stalled', reason: `${name} is paused (updateStrategy${live.apiVersion === 'apps.kruise.io/v1beta1' ? '.rollingUpdate' : ''}.paused: true) and will not update pods`, hint: 'remove paused from the workload (in git, or kubectl patch if someone set it by hand)' };
  }
  const progressing = conditionOf(live, 'Progressing');
  if (progressing?.status === 'False' && progressing.reason === 'ProgressDeadlineExceeded') {
    return { state: 'stalled', reason: `${name} exceeded its progressDeadlineSeconds (condition Progressing=False: ${progressing.message ?? 'ProgressDeadlineExceeded'})`, hint: 'look at the new pods (kubectl describe pods) for why they do not become ready; fix the template in git and plan again' };
  }
  return undefined;
}

/** Under InPlaceOnly a pod that cannot be updated in place is never recreated: Kruise's
 *  controller returns an error on every round and nothing else happens (no status condition,
 *  no event). Plan refuses such a change when git says InPlaceOnly; this catches the policy
 *  having been set in the cluster only, from plan's own verdict on the template change
 *  (preview mode "recreate"). Shared by CloneSet and Advanced StatefulSet. */
export function inPlaceStall(live: Loose, mode: string | undefined): Verdict | undefined {
  if (mode !== 'recreate') return undefined;
  const us = live.spec?.updateStrategy ?? {};
  const policy = live.kind === 'CloneSet' && live.apiVersion !== 'apps.kruise.io/v1beta1' ? us.type : us.rollingUpdate?.podUpdatePolicy;
  if (policy !== 'InPlaceOnly') return undefined;
  const name = `${live.kind} ${live.metadata?.namespace}/${live.metadata?.name}`;
  return { state: 'stalled', reason: `${name} has podUpdatePolicy InPlaceOnly in the cluster, but this change cannot be made in place (only image and template metadata changes can)`, hint: 'set the policy in git (InPlaceIfPossible recreates the pods) or change only container images, and plan again' };
}
