import { describe, expect, it } from 'vitest';
import type { ExplainEntry } from '../api/explain.js';
import { formatExplain, isNegativeOutcome } from './explain.js';

const entry = (subject: string, file: string, doc: number, topic: ExplainEntry['topic'], lines: [string, string, string][]): ExplainEntry =>
  ({ subject, origin: { file, doc }, topic, lines: lines.map(([item, outcome, reason]) => ({ item, outcome, reason })) });
const cart = entry('CloneSet shop/cart', 'apps/cart.yaml', 0, 'sidecarset', [
  ['logtail', 'injected', 'selector app=cart matches the pod template labels'],
  ['mesh-proxy', 'skipped', 'namespace shop does not match namespaceSelector team=mesh'],
]);
const ud = entry('UnitedDeployment shop/ud', 'apps/ud.yaml', 1, 'uniteddeployment', [
  ['subset-a', 'replicas=3 partition=1', 'fixed replicas 3; partition from manualUpdate'],
  ['subset-b', 'replicas=2', 'the rest of 5 replicas'],
]);

describe('formatExplain text', () => {
  it('prints one block per subject: verdict lines for sidecarset, a table for uniteddeployment', () => {
    expect(formatExplain([ud, cart], 'text')).toBe(`CloneSet shop/cart (apps/cart.yaml)
  ✓ logtail     injected — selector app=cart matches the pod template labels
  ✗ mesh-proxy  skipped — namespace shop does not match namespaceSelector team=mesh

UnitedDeployment shop/ud (apps/ud.yaml)
  ITEM      OUTCOME                 REASON
  subset-a  replicas=3 partition=1  fixed replicas 3; partition from manualUpdate
  subset-b  replicas=2              the rest of 5 replicas
`);
  });

  it('handles entries without origin, without lines, and multi-line text', () => {
    const out = formatExplain([
      { subject: 'Pod default/web-0', topic: 'sidecarset', lines: [{ item: 'a', outcome: 'injected', reason: 'one\ntwo' }] },
      { subject: 'CloneSet x/y', topic: 'sidecarset', lines: [], origin: { file: 'a.yaml', doc: 0 } },
    ], 'text');
    expect(out).toBe('CloneSet x/y (a.yaml)\n  (no decisions)\n\nPod default/web-0\n  ✓ a  injected — one two\n');
  });

  it('keeps render order inside a document and puts one object\'s entries under one heading', () => {
    const origin = { file: 'apps/ud.yaml', doc: 1 };
    const subset = (z: string): ExplainEntry => ({ subject: `CloneSet shop/ud-${z}`, origin, topic: 'sidecarset', lines: [{ item: 'logtail', outcome: 'injected', reason: 'r' }] });
    const udNote: ExplainEntry = { subject: 'UnitedDeployment shop/ud', origin, topic: 'sidecarset', lines: [{ item: '*', outcome: 'not a pod template', reason: 'subsets are rendered instead' }] };
    const input = [subset('b'), ud, udNote, subset('a')];
    const out = formatExplain(input, 'text');
    expect(out).toBe(`CloneSet shop/ud-b (apps/ud.yaml)
  ✓ logtail  injected — r

UnitedDeployment shop/ud (apps/ud.yaml)
  ITEM      OUTCOME                 REASON
  subset-a  replicas=3 partition=1  fixed replicas 3; partition from manualUpdate
  subset-b  replicas=2              the rest of 5 replicas
  ✗ *  not a pod template — subsets are rendered instead

CloneSet shop/ud-a (apps/ud.yaml)
  ✓ logtail  injected — r
`);
    // Other files' entries do not change the order.
    expect(formatExplain([cart, ...input], 'text')).toBe(formatExplain([...input, cart], 'text'));
  });

  it('does not pass control characters to the terminal', () => {
    const out = formatExplain([{ subject: 'Pod a/b', topic: 'sidecarset', lines: [{ item: 'x\u001b[31m', outcome: 'injected', reason: 'r\u0007' }] }], 'text');
    expect(out).toBe('Pod a/b\n  ✓ x\uFFFD[31m  injected — r\uFFFD\n');
  });

  it('says when there is nothing to explain', () => {
    expect(formatExplain([], 'text')).toMatch(/^nothing to explain/);
  });

  it('tells negative outcomes from positive ones', () => {
    for (const o of ['skipped', 'not injected', 'conflict', 'rejected', 'ignored']) expect(isNegativeOutcome(o)).toBe(true);
    for (const o of ['injected', 'replicas=3', 'specific', 'upgraded', 'notes']) expect(isNegativeOutcome(o)).toBe(false);
  });
});

describe('formatExplain json', () => {
  it('is a versioned, stable document in sorted order', () => {
    const out = formatExplain([ud, cart], 'json');
    expect(out).toBe(formatExplain([cart, ud], 'json'));
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(['version', 'entries']);
    expect(doc.version).toBe(1);
    expect(doc.entries.map((e: { subject: string }) => e.subject)).toEqual(['CloneSet shop/cart', 'UnitedDeployment shop/ud']);
    expect(doc.entries[1]).toEqual({
      subject: 'UnitedDeployment shop/ud', topic: 'uniteddeployment', file: 'apps/ud.yaml', doc: 1,
      lines: ud.lines,
    });
    expect(Object.keys(doc.entries[0].lines[0])).toEqual(['item', 'outcome', 'reason']);
    expect(JSON.parse(formatExplain([{ subject: 's', topic: 'sidecarset', lines: [] }], 'json')).entries[0].file).toBeNull();
  });
});
