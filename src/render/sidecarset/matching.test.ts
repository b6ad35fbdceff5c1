import { describe, expect, it } from 'vitest';
import { effectiveNamespaceSelector, evaluateSelector, indexedNamespaces, namespaceLabels, podNamespace, podSelectorMatches } from './matching.js';

describe('v1alpha1 spec.namespace (TestSidecarSet_ConvertTo)', () => {
  it('becomes a kubernetes.io/metadata.name selector and replaces any namespaceSelector', () => {
    expect(effectiveNamespaceSelector({ namespace: 'ns', namespaceSelector: { matchLabels: { env: 'prod' } } }))
      .toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'ns' } });
    expect(effectiveNamespaceSelector({ namespaceSelector: { matchLabels: { env: 'prod' } } })).toEqual({ matchLabels: { env: 'prod' } });
    expect(effectiveNamespaceSelector({})).toBeNull();
  });
});

describe('the namespace field index (fieldindex.IndexSidecarSetV1Beta1)', () => {
  it('files a SidecarSet under the names its selector requires, else clusterScope', () => {
    expect(indexedNamespaces({ matchLabels: { 'kubernetes.io/metadata.name': 'a' } })).toEqual(['a']);
    expect(indexedNamespaces({ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['a', 'b'] }] })).toEqual(['a', 'b']);
    expect(indexedNamespaces({ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['a'] }] })).toBeNull();
    expect(indexedNamespaces({ matchLabels: { env: 'prod' } })).toBeNull();
    expect(indexedNamespaces(null)).toBeNull();
  });
});

// Upstream pkg/control/sidecarcontrol/util_test.go TestPodMatchedSidecarSet, and §2.4.
describe('selectors', () => {
  it('a nil or empty pod selector never matches', () => {
    expect(podSelectorMatches(undefined, { a: 'b' })).toEqual({ ok: true, matches: false });
    expect(podSelectorMatches({}, { a: 'b' })).toEqual({ ok: true, matches: false });
    expect(podSelectorMatches({ matchLabels: {}, matchExpressions: [] }, { a: 'b' })).toEqual({ ok: true, matches: false });
  });
  it('an empty namespaceSelector matches every namespace', () => {
    expect(evaluateSelector({}, { 'kubernetes.io/metadata.name': 'x' })).toEqual({ ok: true, matches: true });
  });
  it('NotIn and DoesNotExist match pods without the key', () => {
    expect(podSelectorMatches({ matchExpressions: [{ key: 'k', operator: 'NotIn', values: ['v'] }] }, {})).toEqual({ ok: true, matches: true });
    expect(podSelectorMatches({ matchExpressions: [{ key: 'k', operator: 'DoesNotExist' }] }, { a: 'b' })).toEqual({ ok: true, matches: true });
  });
  it('matchLabels and matchExpressions must all hold', () => {
    const sel = { matchLabels: { app: 'nginx' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] };
    expect(podSelectorMatches(sel, { app: 'nginx', tier: 'web' })).toEqual({ ok: true, matches: true });
    expect(podSelectorMatches(sel, { app: 'nginx', tier: 'db' })).toEqual({ ok: true, matches: false });
  });
  it('an unknown operator is an error', () => {
    expect(podSelectorMatches({ matchExpressions: [{ key: 'k', operator: 'badOp' }] }, {}).ok).toBe(false);
  });
});

describe('namespaces', () => {
  it('a pod without a namespace is matched as default', () => {
    expect(podNamespace(undefined)).toBe('default');
    expect(podNamespace('')).toBe('default');
  });
  it('the real name label always wins; unknown namespaces get only it', () => {
    const repo = new Map([['a', { env: 'prod', 'kubernetes.io/metadata.name': 'spoofed' }]]);
    expect(namespaceLabels('a', repo, {})).toEqual({ labels: { env: 'prod', 'kubernetes.io/metadata.name': 'a' }, known: true });
    expect(namespaceLabels('b', repo, { b: { x: 'y' } })).toEqual({ labels: { x: 'y', 'kubernetes.io/metadata.name': 'b' }, known: true });
    expect(namespaceLabels('c', repo, {})).toEqual({ labels: { 'kubernetes.io/metadata.name': 'c' }, known: false });
  });
});
