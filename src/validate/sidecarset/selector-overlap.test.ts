import { describe, expect, it } from 'vitest';
import type { LabelSelector } from '../../k8s/selector.js';
import { isSelectorOverlapping } from './selector-overlap.js';

// Upstream sidecarset_validating_test.go TestSelectorConflict, plus the asymmetric quirk.
const cases: [string, LabelSelector, LabelSelector, boolean][] = [
  ['same label', { matchLabels: { a: 'h' } }, { matchLabels: { a: 'h' } }, true],
  ['different value', { matchLabels: { a: 'h' } }, { matchLabels: { a: 'i' } }, false],
  ['different keys', { matchLabels: { a: 'h' } }, { matchLabels: { b: 'i' } }, true],
  ['one of three differs', { matchLabels: { a: 'h', b: 'i', c: 'j' } }, { matchLabels: { a: 'h', b: 'x', c: 'j' } }, false],
  ['In contains', { matchLabels: { a: 'h' } }, { matchExpressions: [{ key: 'a', operator: 'In', values: ['h', 'i', 'j'] }] }, true],
  ['In lacks', { matchLabels: { a: 'h' } }, { matchExpressions: [{ key: 'a', operator: 'In', values: ['i', 'j'] }] }, false],
  ['NotIn covers', { matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['h', 'i'] }] }, { matchLabels: { a: 'h' } }, false],
  ['Exists', { matchLabels: { a: 'h' } }, { matchExpressions: [{ key: 'a', operator: 'Exists' }] }, true],
  ['DoesNotExist', { matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] }, { matchLabels: { a: 'h' } }, false],
  ['Exists on an unmentioned key (quirk)', { matchLabels: { a: 'h' } }, { matchExpressions: [{ key: 'b', operator: 'Exists' }] }, false],
  ['In lists intersect', { matchExpressions: [{ key: 'a', operator: 'In', values: ['x', 'y'] }] }, { matchExpressions: [{ key: 'a', operator: 'In', values: ['y', 'z'] }] }, true],
  ['Exists vs In', { matchExpressions: [{ key: 'a', operator: 'Exists' }] }, { matchExpressions: [{ key: 'a', operator: 'In', values: ['q'] }] }, true],
];

describe('isSelectorOverlapping (TestSelectorConflict)', () => {
  it.each(cases)('%s', (_n, a, b, want) => expect(isSelectorOverlapping(a, b)).toBe(want));
});
