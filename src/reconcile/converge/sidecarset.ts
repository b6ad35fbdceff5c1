// SidecarSet stage convergence (spec §2.4, §7.3). Matched pods are only known in the cluster,
// so the updated count is worked out from live status.matchedPods and the stage's partition,
// with Kruise's own rounding. Pods whose sidecar cannot be swapped in place are invisible in
// status: the caller lists them (notUpgradable) when the SidecarSet stops moving.
import { calculatePartitionReplicas } from '../../k8s/intstr.js';
import { firstUnmet, num, observed, type ConvergeInput, type Loose, type Verdict } from './verdict.js';

export function sidecarSetVerdict(input: ConvergeInput): Verdict {
  const early = observed(input);
  if (early) return early;
  const live = input.live as Loose;
  const name = `SidecarSet ${live.metadata?.name}`;
  const us = live.spec?.updateStrategy ?? {};
  if (us.type === 'NotUpdate') {
    return { state: 'stalled', reason: `${name} has updateStrategy NotUpdate: existing pods keep their sidecars`, hint: 'set updateStrategy.type RollingUpdate in git, or recreate the pods' };
  }
  if (us.paused === true) {
    return { state: 'stalled', reason: `${name} is paused (updateStrategy.paused: true)`, hint: 'remove paused from the SidecarSet (in git, or kubectl patch if someone set it by hand)' };
  }
  if ((input.notUpgradable ?? 0) > 0) {
    return { state: 'stalled', reason: `${name}: ${input.notUpgradable} pods need recreation (condition SidecarSetUpgradable=False: a sidecar field other than the image changed)`, hint: 'recreate those pods (e.g. restart their workloads), or change only sidecar images' };
  }
  const st = live.status ?? {};
  const matched = num(st.matchedPods);
  const desiredUs = (input.desired as Loose).spec?.updateStrategy ?? {};
  const partition = calculatePartitionReplicas(desiredUs.partition, matched);
  const target = matched - (partition.ok ? partition.value : 0);
  const updated = num(st.updatedPods);
  const ready = num(st.updatedReadyPods);
  const progress = `${updated} of ${matched} matched pods updated (stage needs ${target}), ${ready} ready`;
  if (desiredUs.selector) {
    // A label canary: status counts every matched pod, not the selected ones.
    return firstUnmet([[updated > 0 && ready + input.tolerance >= updated, 'the pods the canary selector picks to be updated and ready']], progress, st.latestRevision);
  }
  return firstUnmet([
    [updated >= target, `updatedPods >= ${target} (is ${updated})`],
    [ready + input.tolerance >= updated, `updatedReadyPods + ${input.tolerance} >= updatedPods (${ready} of ${updated})`],
  ], progress, st.latestRevision);
}
