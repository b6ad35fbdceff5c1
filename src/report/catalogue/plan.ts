// Rules of the plan area. Each export is one rule; its id is stable (renaming is breaking)
// and has a heading in docs/rules/plan.md. `workload` is `Kind namespace/name`.
import { defineRule } from './rule.js';

interface W { workload: string }

export const stepsInvalid = defineRule<W & { source: string; reason: string }>({
  id: 'plan-steps-invalid',
  severity: 'error',
  description: 'a step list that Kruise Rollouts would reject',
  message: (d) => `${d.workload}: steps from ${d.source}: ${d.reason}`,
  hint: () => 'use at least one step; each replicas an int > 0 or an integer percent in (0%, 100%]; steps of the same type must not decrease',
});

export const rolloutOwnsPartition = defineRule<W & { rollout: string }>({
  id: 'plan-rollout-owns-partition',
  severity: 'error',
  description: 'a Kruise Rollout targets the workload while its kruisec.io/rollout-steps annotation asks kruisec to stage it too',
  message: (d) => `${d.workload}: ${d.rollout} owns its partition, and the kruisec.io/rollout-steps annotation asks kruisec to stage it as well; both would write the partition`,
  hint: () => 'remove the kruisec.io/rollout-steps annotation (the Rollout stages the release), or remove or disable the Rollout; add ignoreDifferences on the partition for Argo CD either way',
});

export const rolloutUnsupported = defineRule<W & { rollout: string; what: string }>({
  id: 'plan-rollout-unsupported',
  severity: 'error',
  description: 'a Rollout strategy kruisec does not model (blueGreen, canary Deployment)',
  message: (d) => `${d.workload}: ${d.rollout} uses ${d.what}, which kruisec plan does not model`,
  hint: () => 'use a partition-style canary (steps with replicas), or plan this workload outside kruisec',
});

export const rolloutTrafficIgnored = defineRule<W & { rollout: string }>({
  id: 'plan-rollout-traffic-ignored',
  severity: 'info',
  description: 'traffic routing in a Rollout is not enforced by kruisec',
  message: (d) => `${d.workload}: ${d.rollout} routes traffic; kruisec plans replicas only and does not enforce traffic weights`,
  hint: () => 'traffic steps are carried out by the Kruise Rollouts controller, not by kruisec stages',
});

export const rolloutStaged = defineRule<W & { rollout: string; steps: number }>({
  id: 'plan-rollout-staged',
  severity: 'info',
  description: 'the workload is released by a Kruise Rollout in the repo, not by kruisec stages',
  message: (d) => `${d.workload}: released by ${d.rollout} in ${d.steps} step(s); kruisec applies it unchanged and previews the Rollout's batches`,
  hint: () => 'the Rollouts controller writes the partition; tell Argo CD to ignore differences on it',
});

export const rolloutStepsAdopted = defineRule<W & { rollout: string; steps: number }>({
  id: 'plan-rollout-steps-adopted',
  severity: 'info',
  description: 'kruisec stages the workload with the steps of a Rollout the cluster does not run yet',
  message: (d) => `${d.workload}: staged by kruisec in ${d.steps} step(s) taken from ${d.rollout}; the Rollout itself is applied in the last stage, once the release is done`,
  hint: () => 'from then on the Rollouts controller owns the partition and later plans leave releases to it',
});

export const inPlaceOnlyImpossible = defineRule<W & { reason: string }>({
  id: 'plan-inplace-only-impossible',
  severity: 'error',
  description: 'podUpdatePolicy InPlaceOnly with a template change that cannot be applied in place',
  message: (d) => `${d.workload}: podUpdatePolicy is InPlaceOnly but ${d.reason}; Kruise would fail the update on every pod`,
  hint: () => 'change only container images (and template labels/annotations), or use InPlaceIfPossible so pods are recreated',
});

export const deploymentNoPartition = defineRule<W>({
  id: 'plan-deployment-no-partition',
  severity: 'warning',
  description: 'a Deployment pod template change cannot be staged: Deployments have no partition',
  message: (d) => `${d.workload}: Deployments have no partition, so kruisec cannot stage this change; it rolls out at once with the Deployment's own strategy`,
  hint: () => 'to release it in batches, add a rollouts.kruise.io Rollout that targets it (partition style), or move the workload to a CloneSet',
});

export const sidecarNotUpgradable = defineRule<W & { reason: string }>({
  id: 'plan-sidecarset-not-upgradable',
  severity: 'warning',
  description: 'a SidecarSet change that existing pods cannot take in place',
  message: (d) => `${d.workload}: ${d.reason}; existing pods keep the old sidecar (marked SidecarSetUpgradable=False) until they are recreated, only new pods get the change`,
  hint: () => 'change only sidecar images to roll existing pods, or recreate the pods (e.g. roll their workloads)',
});

export const stepUnexpressible = defineRule<W & { reason: string }>({
  id: 'plan-step-unexpressible',
  severity: 'error',
  description: 'a step that cannot be written as this workload\'s partition',
  message: (d) => `${d.workload}: ${d.reason}`,
  hint: () => 'use percent steps, or declare the workloads the SidecarSet selects in the repo',
});

export const updateBlocked = defineRule<W & { reason: string }>({
  id: 'plan-update-blocked',
  severity: 'warning',
  description: 'staged partitions would not move this workload',
  message: (d) => `${d.workload}: ${d.reason}; its stages would never converge, so it is applied unstaged`,
  hint: () => 'unpause the update strategy or switch it to a rolling type before planning a staged release',
});

export const noSteps = defineRule<W>({
  id: 'plan-no-steps',
  severity: 'info',
  description: 'a changing workload with no steps is released in one stage',
  message: (d) => `${d.workload}: no Rollout, kruisec.io/rollout-steps annotation or defaultSteps: released at once`,
  hint: () => 'add the kruisec.io/rollout-steps annotation (JSON steps) or defaultSteps in kruisec.yaml to stage it',
});

export const noBase = defineRule<Record<string, never>>({
  id: 'plan-no-base',
  severity: 'info',
  description: 'without a base, every workload is planned as if its pod template changed',
  message: () => 'no base given: every workload is planned as a change of its pod template',
  hint: () => 'pass --base <dir> or --base-ref <ref> to plan only what actually changes',
});

// ---- Update-time admission (issue 17): what the cluster refuses when the base becomes the head.
// Both sides are the stored forms; `changes` lists each changed field with its base value.

export const updateForbiddenField = defineRule<W & { kind: string; changes: string; allowed: string }>({
  id: 'update-forbidden-field',
  severity: 'error',
  description: 'the change edits a spec field that the update webhook (CloneSet, Advanced StatefulSet, Advanced DaemonSet) or the API server (StatefulSet) forbids changing on an existing object',
  message: (d) => `${d.workload}: updates to ${d.kind} spec for fields other than ${d.allowed} are forbidden; changed: ${d.changes}`,
  hint: () => 'keep the base value of that field, or delete and re-create the object (for a StatefulSet: `kubectl delete --cascade=orphan`, then apply)',
});

export const updateInPlaceOnlyTemplate = defineRule<W & { op: string; path: string; base: string }>({
  id: 'update-inplace-only-template',
  severity: 'error',
  description: 'with podUpdatePolicy InPlaceOnly the update webhook (v1alpha1 CloneSet, Advanced StatefulSet) admits template.spec changes to container images only',
  message: (d) => `${d.workload}: invalid template modified with InPlaceOnly strategy: ${d.op} ${d.path} (base: ${d.base}); only image update is allowed for InPlaceOnly`,
  hint: () => 'change only spec.template.spec.containers[*].image in this commit, or switch podUpdatePolicy to InPlaceIfPossible first',
});

export const updateVolumeClaimTemplates = defineRule<W & { reason: string }>({
  id: 'update-volume-claim-templates',
  severity: 'error',
  description: 'an Advanced StatefulSet with volumeClaimUpdateStrategy OnRollingUpdate (gate StatefulSetAutoResizePVCGate) may only resize its volumeClaimTemplates: no claim added, removed, renamed or otherwise modified',
  message: (d) => `${d.workload}: ${d.reason}`,
  hint: () => 'keep the claim templates and their names as in the base and change only resources.requests/limits.storage, or use volumeClaimUpdateStrategy OnPVCDelete',
});
