// Admission checks of the Kruise kinds beyond the workloads: jobs (BroadcastJob,
// AdvancedCronJob, ImagePullJob, ImageListPullJob, EphemeralJob, NodeImage) and policies (WorkloadSpread,
// PodUnavailableBudget, PodProbeMarker, PersistentPodState, ResourceDistribution), as their validating webhooks
// judge them. One module per kind; conflicts between objects of one kind in one namespace
// are checked across the whole input, as the webhooks list the objects already there.
import type { Resource } from '../../api/resource.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import type { Check } from '../types.js';
import { checkAdvancedCronJob } from './advancedcronjob.js';
import { checkBroadcastJob } from './broadcastjob.js';
import { checkEphemeralJob } from './ephemeraljob.js';
import { checkImagePullJob } from './imagepulljob.js';
import { checkNodeImage } from './nodeimage.js';
import { checkPersistentPodState, checkPersistentPodStateConflicts } from './persistentpodstate.js';
import { checkPodProbeMarker } from './podprobemarker.js';
import { checkResourceDistribution } from './resourcedistribution.js';
import { checkPodUnavailableBudget, checkPodUnavailableBudgetConflicts } from './podunavailablebudget.js';
import { checkWorkloadSpread, checkWorkloadSpreadConflicts } from './workloadspread.js';

const APPS = new Set(['apps.kruise.io/v1alpha1', 'apps.kruise.io/v1beta1']);
const POLICY = new Set(['policy.kruise.io/v1alpha1', 'policy.kruise.io/v1beta1']);

const BY_KIND: Record<string, (res: Resource) => Diagnostic[]> = {
  BroadcastJob: checkBroadcastJob,
  AdvancedCronJob: checkAdvancedCronJob,
  ImagePullJob: checkImagePullJob,
  ImageListPullJob: checkImagePullJob,
  WorkloadSpread: checkWorkloadSpread,
  PodProbeMarker: checkPodProbeMarker,
  PersistentPodState: checkPersistentPodState,
  ResourceDistribution: checkResourceDistribution,
  EphemeralJob: checkEphemeralJob,
  NodeImage: checkNodeImage,
};

export const checkKruiseKinds: Check = (resources) => {
  const out: Diagnostic[] = [];
  const spreads: Resource[] = [];
  const pubs: Resource[] = [];
  const states: Resource[] = [];
  for (const res of resources) {
    const { apiVersion, kind } = res.obj;
    if (APPS.has(apiVersion)) {
      const check = BY_KIND[kind];
      if (!check) continue;
      out.push(...check(res));
      if (kind === 'WorkloadSpread') spreads.push(res);
      else if (kind === 'PersistentPodState') states.push(res);
    } else if (POLICY.has(apiVersion) && kind === 'PodUnavailableBudget') {
      out.push(...checkPodUnavailableBudget(res));
      pubs.push(res);
    }
  }
  if (spreads.length > 1) out.push(...checkWorkloadSpreadConflicts(spreads));
  if (pubs.length > 1) out.push(...checkPodUnavailableBudgetConflicts(pubs));
  if (states.length > 1) out.push(...checkPersistentPodStateConflicts(states));
  return out;
};
