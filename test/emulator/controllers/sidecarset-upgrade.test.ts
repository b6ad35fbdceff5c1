// Cases of Kruise pkg/controller/sidecarset/sidecarset_strategy_test.go (TestGetNextUpgradePods,
// TestSortNextUpgradePods), with pods built as that test's factory builds them; and the facts
// of the shared conformance case rollout/002.
import { describe, expect, it } from 'vitest';
import { rolloutFacts } from './rollout-facts.js';
import { nextUpgradePods, type SidecarPod, type SidecarSetUpdateStrategy } from './sidecarset-upgrade.js';

function factory(count: number, upgraded: number, upgradedAndReady: number, upgradable = true): SidecarPod[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `pod-${i}`, labels: { app: 'sidecar' }, phase: 'Running', readyCondition: true, created: i,
    updated: i < upgraded, consistent: i >= upgraded || i < upgradedAndReady, upgradable,
  }));
}

/** Kruise's test shuffles the pods; the result must not depend on input order. */
function shuffled<T>(xs: T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) { const j = (i * 7919) % (i + 1); [out[i], out[j]] = [out[j], out[i]]; }
  return out;
}

describe('nextUpgradePods (TestGetNextUpgradePods)', () => {
  const cases: [string, () => SidecarPod[], SidecarSetUpdateStrategy, number, number][] = [
    ['maxUnavailable 10, 100/30/26', () => factory(100, 30, 26), { maxUnavailable: 10 }, 6, 0],
    ['maxUnavailable 10%, 1000/300/260', () => factory(1000, 300, 260), { maxUnavailable: '10%' }, 60, 0],
    ['maxUnavailable 5%, 1000/300/250', () => factory(1000, 300, 250), { maxUnavailable: '5%' }, 0, 0],
    ['maxUnavailable 100, 100/30/27', () => factory(100, 30, 27), { maxUnavailable: 100 }, 70, 0],
    ['partition 180', () => factory(1000, 800, 760), { maxUnavailable: 100, partition: 180 }, 20, 0],
    ['partition 100', () => factory(1000, 800, 760), { maxUnavailable: 100, partition: 100 }, 60, 0],
    ['partition 18%', () => factory(1000, 800, 760), { maxUnavailable: 100, partition: '18%' }, 20, 0],
    ['partition 10%', () => factory(1000, 800, 760), { maxUnavailable: 100, partition: '10%' }, 60, 0],
    ['selector app=test on 30', () => { const p = factory(1000, 0, 0); for (let i = 0; i < 30; i++) p[i].labels.app = 'test'; return p; },
      { maxUnavailable: 100, selector: { matchLabels: { app: 'test' } } }, 30, 0],
    ['not upgradable', () => factory(100, 0, 0, false), { maxUnavailable: 100 }, 0, 100],
    ['maxUnavailable 5% of 5', () => factory(5, 0, 0), { maxUnavailable: '5%' }, 1, 0],
    ['maxUnavailable 5, partition 99%', () => factory(5, 0, 0), { maxUnavailable: 5, partition: '99%' }, 1, 0],
    ['maxUnavailable 5, partition 1%', () => factory(5, 0, 0), { maxUnavailable: 5, partition: '1%' }, 4, 0],
  ];
  for (const [name, pods, strategy, up, notUp] of cases) {
    it(name, () => {
      const r = nextUpgradePods(strategy, shuffled(pods()));
      expect([r.upgrade.length, r.notUpgradable.length]).toEqual([up, notUp]);
    });
  }
});

describe('candidate order (TestSortNextUpgradePods)', () => {
  const names = (pods: SidecarPod[], s: SidecarSetUpdateStrategy) => nextUpgradePods(s, pods).upgrade.map((i) => pods[i].name);
  it('newest first', () => {
    expect(names(shuffled(factory(20, 10, 5)), { maxUnavailable: 10 })).toEqual(['pod-19', 'pod-18', 'pod-17', 'pod-16', 'pod-15']);
  });
  it('not-ready pods first and free of budget', () => {
    const pods = factory(20, 10, 5);
    pods[10].readyCondition = false; pods[13].readyCondition = false;
    expect(names(shuffled(pods), { maxUnavailable: 10 })).toEqual(['pod-13', 'pod-10', 'pod-19', 'pod-18', 'pod-17', 'pod-16', 'pod-15']);
  });
  it('weight priority', () => {
    const pods = factory(20, 10, 2);
    pods[15].labels['test-key'] = 'bar'; pods[16].labels['test-key'] = 'foo';
    expect(names(shuffled(pods), { maxUnavailable: 10, priorityStrategy: { weightPriority: [
      { weight: 50, matchSelector: { matchLabels: { 'test-key': 'foo' } } },
      { weight: 30, matchSelector: { matchLabels: { 'test-key': 'bar' } } },
    ] } })).toEqual(['pod-16', 'pod-15']);
  });
  it('order priority', () => {
    const pods = factory(20, 10, 2);
    for (const p of pods) p.labels.key1 = '5';
    pods[17].labels.key1 = '10'; pods[18].labels.key1 = '20';
    expect(names(shuffled(pods), { maxUnavailable: 10, priorityStrategy: { orderPriority: [{ orderedKey: 'key1' }] } })).toEqual(['pod-18', 'pod-17']);
  });
});

describe('conformance rollout/002-sidecarset-upgrade-count: pods upgraded in one round', () => {
  for (const { given, expect: want } of rolloutFacts('002-sidecarset-upgrade-count')) {
    it(JSON.stringify(given), () => {
      const pods = factory(given.matchedPods, given.updatedPods, given.updatedConsistentPods, given.sidecarChange !== 'non-image');
      const strategy: SidecarSetUpdateStrategy = { maxUnavailable: given.maxUnavailable, partition: given.partition };
      if (given.selectorMatchedPods !== undefined) {
        // As Kruise's test: the first N pods are relabelled and the strategy selects them.
        for (let i = 0; i < given.selectorMatchedPods; i++) pods[i].labels.app = 'test';
        strategy.selector = { matchLabels: { app: 'test' } };
      }
      const r = nextUpgradePods(strategy, pods);
      expect({ upgradeNow: r.upgrade.length, notUpgradable: r.notUpgradable.length }).toEqual(want);
    });
  }
});
