// UnitedDeployment stage convergence (spec §5.2): the controller saw the generation, wrote the
// planned partition into every subset (clamped to the subset's replicas), the totals show the
// planned number of updated and ready pods, and each subset workload meets its own predicate.
import { cloneSetVerdict } from './cloneset.js';
import { statefulSetVerdict } from './statefulset.js';
import { firstUnmet, num, observed, type ConvergeInput, type Loose, type Verdict } from './verdict.js';

export function unitedDeploymentVerdict(input: ConvergeInput): Verdict {
  const early = observed(input);
  if (early) return early;
  const live = input.live as Loose;
  const st = live.status ?? {};
  const planned: Record<string, unknown> = (input.desired as Loose).spec?.updateStrategy?.manualUpdate?.partitions ?? {};
  const subsets: Loose[] = Array.isArray(st.subsetStatuses) ? st.subsetStatuses : [];
  const checks: [boolean, string][] = [];
  let desired = 0;
  for (const s of subsets) {
    const replicas = num(s.replicas);
    const p = Math.min(num(planned[s.name]), replicas);
    desired += replicas - p;
    if (s.partition !== undefined) checks.push([num(s.partition) === p, `subset ${s.name} to get partition ${p} (is ${num(s.partition)})`]);
  }
  const updated = num(st.updatedReplicas);
  const ready = num(st.updatedReadyReplicas);
  const revision = st.updatedRevision ?? st.updateStatus?.updatedRevision;
  checks.push(
    [subsets.length > 0 || num(live.spec?.replicas) === 0, 'status.subsetStatuses'],
    [updated >= desired, `updatedReplicas >= ${desired} (is ${updated})`],
    [ready + input.tolerance >= desired, `updatedReadyReplicas + ${input.tolerance} >= ${desired} (is ${ready})`],
  );
  const progress = `${updated}/${desired} updated, ${ready} ready`;
  const own = firstUnmet(checks, progress, revision);
  if (own.state !== 'ready') return own;
  for (const w of input.subsets ?? []) {
    const v = subsetVerdict(w);
    if (v.state === 'stalled') return { ...v, revision };
    if (v.state === 'waiting') return { state: 'waiting', waitingFor: `subset workload ${w.metadata?.name}: ${v.waitingFor}`, progress, revision };
  }
  return own;
}

/** A subset workload is held to its own predicate for the partition the controller gave it. */
function subsetVerdict(w: Loose): Verdict {
  const input: ConvergeInput = { desired: w as ConvergeInput['desired'], live: w as ConvergeInput['live'], minGeneration: 0, tolerance: 0 };
  return w.kind === 'CloneSet' ? cloneSetVerdict(input) : w.kind === 'StatefulSet' ? statefulSetVerdict(input) : { state: 'ready', progress: '' };
}
