// StatefulSet stage convergence (spec §4, §7.3), for Kruise's Advanced StatefulSet
// (apps.kruise.io) and the native apps/v1 one. Partition is an int count of pods kept old.
// Advanced StatefulSet reports updatedReadyReplicas; the native one does not, so there every
// replica must be ready (ordered updates never move on from an unready updated pod).
import { inPlaceStall } from './cloneset.js';
import { firstUnmet, num, observed, type ConvergeInput, type Loose, type Verdict } from './verdict.js';

export function statefulSetVerdict(input: ConvergeInput): Verdict {
  const early = observed(input);
  if (early) return early;
  const live = input.live as Loose;
  const advanced = live.apiVersion?.startsWith('apps.kruise.io/');
  const stall = statefulSetStall(live, advanced) ?? (advanced ? inPlaceStall(live, input.mode) : undefined);
  if (stall) return stall;
  const replicas = num(live.spec?.replicas, 1);
  const partition = num((input.desired as Loose).spec?.updateStrategy?.rollingUpdate?.partition);
  const desired = Math.max(0, replicas - partition);
  const st = live.status ?? {};
  const updated = num(st.updatedReplicas);
  if (!advanced) {
    const ready = num(st.readyReplicas);
    return firstUnmet([
      [updated >= desired, `updatedReplicas >= ${desired} (is ${updated})`],
      [ready + input.tolerance >= replicas, `readyReplicas + ${input.tolerance} >= ${replicas} (is ${ready})`],
    ], `${updated}/${desired} updated, ${ready}/${replicas} ready`, st.updateRevision);
  }
  const minReady = num(live.spec?.minReadySeconds ?? live.spec?.updateStrategy?.rollingUpdate?.minReadySeconds);
  const readyField = minReady > 0 ? 'updatedAvailableReplicas' : 'updatedReadyReplicas';
  const ready = num(st[readyField]);
  const ordered = (live.spec?.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
  return firstUnmet([
    [updated >= desired, `updatedReplicas >= ${desired} (is ${updated})`],
    [ready + input.tolerance >= desired, `${readyField} + ${input.tolerance} >= ${desired} (is ${ready})`],
    [desired === 0 || ready > 0, `${readyField} > 0`],
    [!ordered || num(st.readyReplicas) === replicas, `readyReplicas == ${replicas} (OrderedReady; is ${num(st.readyReplicas)})`],
  ], `${updated}/${desired} updated, ${ready} ready`, st.updateRevision);
}

function statefulSetStall(live: Loose, advanced: boolean): Verdict | undefined {
  const name = `${advanced ? 'Advanced StatefulSet' : 'StatefulSet'} ${live.metadata?.namespace}/${live.metadata?.name}`;
  const us = live.spec?.updateStrategy ?? {};
  if (us.type === 'OnDelete') {
    return { state: 'stalled', reason: `${name} has updateStrategy OnDelete: its pods change only when deleted`, hint: 'delete the old pods yourself, or set updateStrategy.type RollingUpdate in git' };
  }
  if (advanced && us.rollingUpdate?.paused === true) {
    return { state: 'stalled', reason: `${name} is paused (updateStrategy.rollingUpdate.paused: true) and will not update pods`, hint: 'remove paused from the workload (in git, or kubectl patch if someone set it by hand)' };
  }
  return undefined;
}
