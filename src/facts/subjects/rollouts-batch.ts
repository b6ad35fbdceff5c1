// Subject: Kruise Rollouts - partition written to the workload for the current batch
// (openkruise/rollouts partitionstyle TestCalculateBatchContext*).
import { batchContext, isBatchReady, type BatchWorkload } from '../../plan/batch.js';
import { checkKeys, FactError, int, intOrString, optInt, type Subject } from '../fact.js';

const KEYS = ['kind', 'apiVersion', 'replicas', 'steps', 'currentBatch', 'noNeedUpdatePods', 'unorderedUpdate',
  'failureThreshold', 'updatedReplicas', 'updatedReadyReplicas', 'currentPartition'];

export const rolloutsBatchSubject: Subject = {
  id: 'rollouts-batch',
  keywords: /rollouts?\b|batch/i,
  evaluate(given) {
    checkKeys(given, KEYS, 'rollouts-batch');
    const kind = String(given.kind ?? 'CloneSet');
    const apiVersion = String(given.apiVersion ?? (kind === 'CloneSet' ? 'apps.kruise.io/v1alpha1' : 'apps/v1'));
    let workload: BatchWorkload;
    if (kind === 'CloneSet') workload = 'CloneSet';
    else if (kind === 'StatefulSet') workload = apiVersion.startsWith('apps.kruise.io/') ? 'AdvancedStatefulSet' : 'StatefulSet';
    else throw new FactError(`given.kind ${JSON.stringify(kind)} is not a partition-style workload kruisec models (CloneSet, StatefulSet)`);
    if (!Array.isArray(given.steps) || given.steps.length === 0) throw new FactError('given.steps must be a non-empty list of ints or percents');
    const steps = given.steps as (number | string)[];
    const currentBatch = int(given, 'currentBatch', 0);
    if (currentBatch < 0 || currentBatch >= steps.length) throw new FactError(`given.currentBatch ${currentBatch} is outside the ${steps.length} steps`);
    const ctx = batchContext({
      workload, replicas: int(given, 'replicas'), steps, currentBatch,
      noNeedUpdate: optInt(given, 'noNeedUpdatePods'), unorderedUpdate: given.unorderedUpdate === true || (typeof given.unorderedUpdate === 'object' && given.unorderedUpdate !== null),
    });
    const out: Record<string, unknown> = { plannedUpdated: ctx.plannedUpdated, desiredUpdated: ctx.desiredUpdated, desiredStable: ctx.desiredStable, partition: ctx.partition, desiredPartition: ctx.partition };
    // Status inputs the batch context carries through unchanged.
    for (const k of ['currentPartition', 'replicas', 'currentBatch', 'updatedReplicas', 'updatedReadyReplicas', 'failureThreshold'] as const) if (given[k] !== undefined) out[k] = given[k];
    if (given.noNeedUpdatePods !== undefined) out.noNeedUpdatePods = given.noNeedUpdatePods;
    const updated = optInt(given, 'updatedReplicas'), ready = optInt(given, 'updatedReadyReplicas');
    if (updated !== undefined && ready !== undefined) out.batchReady = isBatchReady(ctx.desiredUpdated, updated, ready, intOrString(given, 'failureThreshold'));
    return out;
  },
};
