// Subject: SidecarSet - pods upgraded in one reconcile round (TestGetNextUpgradePods,
// TestSortNextUpgradePods). Pods are built the way Kruise's test factory builds them:
// pod-0..pod-N-1, all Running+Ready, created in index order (higher index = newer); the first
// `updatedPods` carry the new hash, the first `updatedConsistentPods` of those already run the
// new image.
import type { LabelSelector } from '../../k8s/selector.js';
import { nextUpgradePods, type SidecarPod, type SidecarSetUpdateStrategy } from '../../plan/sidecarset-upgrade.js';
import type { PriorityStrategy } from '../../plan/priority.js';
import type { ScatterTerm } from '../../plan/scatter.js';
import { checkKeys, FactError, int, intOrString, labelsOf, optInt, record, type Subject } from '../fact.js';

const KEYS = ['matchedPods', 'updatedPods', 'updatedConsistentPods', 'maxUnavailable', 'partition', 'selectorMatchedPods',
  'selector', 'sidecarChange', 'upgradedPods', 'upgradedAndReadyPods', 'pods', 'notReadyPods', 'podLabels', 'labels', 'priorityStrategy', 'scatterStrategy'];

export const sidecarsetUpgradeSubject: Subject = {
  id: 'sidecarset-upgrade',
  keywords: /sidecar\s*set|sidecar/i,
  evaluate(given) {
    checkKeys(given, KEYS, 'sidecarset-upgrade');
    // Kruise's factory spells them factoryPods(count, upgraded, upgradedAndReady).
    const matched = int(given, given.matchedPods === undefined && given.pods !== undefined ? 'pods' : 'matchedPods');
    const updated = int(given, given.updatedPods === undefined && given.upgradedPods !== undefined ? 'upgradedPods' : 'updatedPods', 0);
    const consistent = int(given, given.updatedConsistentPods === undefined && given.upgradedAndReadyPods !== undefined ? 'upgradedAndReadyPods' : 'updatedConsistentPods', updated);
    const change = given.sidecarChange ?? 'image';
    if (change !== 'image' && change !== 'non-image' && change !== 'nonImage') throw new FactError(`given.sidecarChange must be image or non-image, got ${JSON.stringify(change)}`);
    const notReady = new Set(indexList(given.notReadyPods, 'notReadyPods'));
    const podLabels = record(given.podLabels ?? given.labels, 'given.podLabels');

    const pods: SidecarPod[] = [];
    for (let i = 0; i < matched; i++) {
      const labels: Record<string, string> = { app: 'sidecar', ...labelsOf(podLabels[String(i)]) };
      pods.push({
        name: `pod-${i}`, labels, phase: 'Running', readyCondition: !notReady.has(i), created: i,
        updated: i < updated,
        // Not-yet-updated pods run what their spec says; updated ones only once kubelet caught up.
        consistent: i < updated ? i < consistent : true,
        upgradable: change === 'image',
      });
    }
    const strategy: SidecarSetUpdateStrategy = {
      partition: intOrString(given, 'partition'),
      maxUnavailable: intOrString(given, 'maxUnavailable'),
      priorityStrategy: given.priorityStrategy as PriorityStrategy | undefined,
      scatterStrategy: given.scatterStrategy as ScatterTerm[] | undefined,
    };
    const sel = optInt(given, 'selectorMatchedPods');
    if (sel !== undefined) {
      // Kruise's test relabels the first N pods app=test and selects app=test.
      for (let i = 0; i < Math.min(sel, matched); i++) pods[i].labels.app = 'test';
      strategy.selector = { matchLabels: { app: 'test' } };
    }
    if (given.selector !== undefined) strategy.selector = given.selector as LabelSelector;
    const round = nextUpgradePods(strategy, pods);
    const names = round.upgrade.map((i) => pods[i].name);
    return {
      upgradeNow: round.upgrade.length, notUpgradable: round.notUpgradable.length,
      nextUpgradePods: names, upgradeOrder: names, order: round.upgrade,
    };
  },
};

function indexList(v: unknown, what: string): number[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((x) => Number.isInteger(x))) throw new FactError(`given.${what} must be a list of pod indexes`);
  return v as number[];
}
