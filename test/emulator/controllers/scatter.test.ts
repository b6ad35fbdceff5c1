// Cases of Kruise pkg/util/updatesort/scatter_sort_test.go, rebuilt the way that test builds pods,
// and the facts of the shared conformance case rollout/004.
import { describe, expect, it } from 'vitest';
import { rolloutFacts } from './rollout-facts.js';
import { scatterByTerm, scatterSort, scatterTermsInOrder, expandWildcardTerms } from './scatter.js';

const A = { key: 'labelA', value: 'AAA' };
const B = { key: 'labelB', value: 'BBB' };
const C = { key: 'labelC', value: 'CCC' };

function parse(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of s.split(',')) { const kv = part.split('='); if (kv.length >= 2) out[kv[0]] = kv.slice(1).join('='); }
  return out;
}

describe('scatterByTerm (TestScatterPodsByRule)', () => {
  const cases: [string[], number[]][] = [
    [[''], [0]],
    [['labelA=AAA'], [0]],
    [['labelA=AAA', 'bbb'], [0, 1]],
    [['', '', '', '', 'labelA=AAA', 'labelA=AAA'], [4, 0, 1, 2, 3, 5]],
    [['', '', '', 'labelA=AAA', 'labelA=AAA', 'labelA=AAA'], [3, 0, 1, 4, 2, 5]],
    [['', '', '', 'labelA=AAA', '', '', 'labelA=AAA'], [3, 0, 1, 2, 4, 5, 6]],
    [['', '', '', '', '', '', 'labelA=AAA', 'labelA=AAA', 'labelA=AAA'], [6, 0, 1, 2, 7, 3, 4, 5, 8]],
    [['', '', 'labelA=AAA', 'labelA=AAA', 'labelA=AAA', 'labelA=AAA'], [2, 3, 0, 4, 1, 5]],
    [['', '', '', 'labelA=AAA', 'labelA=AAA', 'labelA=AAA', 'labelA=AAA', 'labelA=AAA'], [3, 0, 1, 4, 2, 5]],
    [['', '', 'labelA=AAA', '', 'labelA=AAA', 'labelA=AAA', 'labelA=AAA', 'labelA=AAA', 'labelA=AAA'], [2, 4, 0, 5, 6, 1, 7, 3, 8]],
    [['', 'labelA=AAA', '', 'labelA=AAA', '', '', 'labelA=AAA', 'labelA=AAA', 'labelA=AAA'], [1, 0, 3, 2, 6, 4, 7, 5, 8]],
    [['', '', '', '', 'ee', 'a', '', 'labelA=AAA', 'labelA=AAA', 'labelA=AAA,labelB=BBB'], [7, 0, 1, 2, 3, 8, 4, 5, 6, 9]],
  ];
  cases.forEach(([labels, want], n) => it(`case ${n}`, () => {
    // The upstream harness builds only len(expected) pods.
    const pods = labels.slice(0, want.length).map((l) => ({ labels: parse(l) }));
    expect(scatterByTerm(A, pods, pods.map((_, i) => i))).toEqual(want);
  }));
});

describe('scatterSort (TestSort)', () => {
  type L = Record<string, string> | null;
  const cases: [L[], { key: string; value: string }[], number[]][] = [
    [[{ labelA: 'AAA', labelB: 'BBB' }], [A], [0]],
    [[{}, {}, {}, {}, {}, {}], [], [0, 1, 2, 3, 4, 5]],
    [[{}, {}, {}, {}, { labelA: 'AAA' }, { labelA: 'AAA' }], [A], [4, 0, 1, 2, 3, 5]],
    [[{}, {}, {}, {}, { sdfb: 'eee' }, { dsf: 'same' }, { labelB: 'BBB' }, { labelA: 'AAA' }, { labelA: 'AAA' }, { labelA: 'AAA', labelB: 'BBB' }], [B], [6, 0, 1, 2, 3, 4, 5, 7, 8, 9]],
    [[{ labelB: 'BBB' }, { labelB: 'BBB' }, {}, {}, { labelA: 'AAA' }, { labelA: 'AAA' }], [A, B], [0, 4, 2, 3, 5, 1]],
    [[{}, {}, {}, { labelB: 'BBB' }, { labelA: 'AAA', labelB: 'BBB' }, { labelA: 'AAA' }], [A, B], [4, 0, 1, 2, 5, 3]],
    [[{}, {}, {}, {}, { sdfb: 'eee' }, { dsf: 'same' }, { labelB: 'BBB' }, { labelA: 'AAA' }, { labelA: 'AAA' }, { labelB: 'BBB' }], [B, A], [7, 6, 0, 1, 2, 3, 4, 5, 9, 8]],
    [[{}, {}, {}, {}, { sdfb: 'eee' }, { dsf: 'same' }, { labelB: 'BBB' }, { labelA: 'AAA' }, { labelA: 'AAA' }, { labelB: 'BBB' }], [A, B], [6, 7, 0, 1, 2, 3, 4, 5, 8, 9]],
    [[{}, {}, {}, {}, { sdfb: 'eee' }, { dsf: 'same' }, { labelA: 'AAA', labelB: 'BBB' }, {}, {}, { labelB: 'BBB', labelA: 'AAA' }], [A, B], [6, 0, 1, 2, 3, 4, 5, 7, 8, 9]],
    [[{}, {}, {}, { sdfb: 'eee' }, { dsf: 'same' }, { labelA: 'AAA', labelB: 'BBB' }, {}, {}, { labelB: 'BBB', labelA: 'AAA' }], [A, B], [5, 0, 1, 2, 3, 4, 6, 7, 8]],
    [[{}, {}, {}, { labelA: 'AAA' }, { sdfb: 'eee' }, { dsf: 'same' }, { labelA: 'AAA', labelB: 'BBB' }, {}, {}, {}], [A, B], [3, 0, 1, 2, 4, 5, 7, 6]],
    [[{}, {}, {}, { labelA: 'AAA' }, {}, {}, { sdfb: 'eee' }, { dsf: 'same' }, { labelA: 'AAA', labelB: 'BBB' }, {}, {}, { labelB: 'BBB', labelA: 'AAA' }], [A, B], [0, 1, 2, 4, 3, 5, 6, 7, 9, 10, 8]],
    [[{}, {}, {}, { labelA: 'AAA' }, { sdfb: 'eee', labelA: 'AAA' }, { dsf: 'same' }, { labelA: 'AAA', labelB: 'BBB' }, {}, {}, { labelB: 'BBB', labelA: 'AAA' }], [A, B], [6, 3, 0, 1, 4, 2, 5, 7, 8, 9]],
    [[{}, { labelA: 'AAA' }, { labelA: 'AAA' }, { sdfb: 'eee' }, { dsf: 'same' }, { labelA: 'AAA', labelB: 'BBB' }, {}, {}, { labelB: 'BBB', labelA: 'AAA' }], [A, B], [5, 1, 0, 3, 2, 4, 6, 7, 8]],
    [[{ labelA: 'AAA' }, {}, {}, { labelA: 'AAA' }, { sdfb: 'eee', labelA: 'AAA' }, { dsf: 'same' }, { labelA: 'AAA', labelB: 'BBB' }, {}, {}, { labelB: 'BBB', labelA: 'AAA' }], [A, B], [1, 0, 2, 3, 5, 4, 7, 6]],
    [[{}, {}, { labelA: 'AAA' }, { labelA: 'AAA' }, {}, { labelA: 'AAA' }, { sdfb: 'eee' }, { dsf: 'same' }, { labelA: 'AAA', labelB: 'BBB' }, {}, {}, { labelB: 'BBB', labelA: 'AAA' }], [A, B], [0, 2, 1, 4, 3, 6, 7, 5, 9, 10, 8]],
    [[{}, { labelA: 'AAA' }, { labelA: 'AAA' }, { labelB: 'BBB' }, { labelB: 'BBB' }, { labelC: 'CCC' }, { labelC: 'CCC' }, { labelC: 'CCC' }, { labelC: 'CCC' }, { labelC: 'CCC' }], [A, B, C], [3, 1, 5, 0, 6, 7, 8, 9, 2, 4]],
    [[{}, { labelA: 'AAA' }, { labelA: 'AAA', labelC: 'CCC' }, { labelB: 'BBB', labelC: 'CCC' }, { labelB: 'BBB' }, {}, {}, { labelC: 'CCC' }, { labelC: 'CCC' }, { labelC: 'CCC' }], [A, B, C], [3, 2, 0, 7, 8, 5, 6, 9, 1, 4]],
    [[{}, {}, {}, {}, { labelA: 'AAA' }, { labelA: 'AAA' }, { labelA: 'AAA' }], [A], [0, 1, 4, 2, 3, 5]],
    [[{ labelA: 'AAA' }, { labelA: 'AAA' }, {}, {}, {}, {}, {}, {}, {}, { labelA: 'AAA' }], [A], [2, 0, 3, 4, 5, 6, 1]],
    [[{}, { labelA: 'AAA' }, { labelA: 'AAA', labelC: 'CCC' }, { labelB: 'BBB', labelC: 'CCC' }, { labelB: 'BBB' }, null, {}, {}, { labelC: 'CCC' }, { labelC: 'CCC' }, { labelC: 'CCC' }], [A, B, C], [3, 2, 0, 8, 9, 6, 7, 10, 1, 4]],
  ];
  cases.forEach(([labels, strategy, want], n) => it(`case ${n}`, () => {
    // Harness: the first len(want) real pods (nil entries are holes) are candidates; later
    // labels become pods that are not candidates.
    const pods: ({ labels: Record<string, string> } | null)[] = [];
    const idx: number[] = [];
    let holes = 0;
    for (let i = 0; i < want.length + holes; i++) {
      if (labels[i] === null) { holes++; pods.push(null); } else { pods.push({ labels: labels[i] as Record<string, string> }); idx.push(i); }
    }
    for (let i = idx.length + holes; i < labels.length; i++) pods.push({ labels: (labels[i] ?? {}) as Record<string, string> });
    expect(scatterSort(strategy, pods, idx)).toEqual(want);
  }));
});

describe('scatter terms', () => {
  it('orders terms by matched count (TestGenerateRules)', () => {
    const pods = [{}, {}, { labelB: 'B' }, { labelB: 'BBB' }, { labelA: 'AAA' }, { labelA: 'AAA' }].map((labels) => ({ labels: labels as Record<string, string> }));
    expect(scatterTermsInOrder([A, B], pods, [0, 1, 2, 3, 4, 5])).toEqual([A, B]);
  });
  it('expands value "*" in first-seen order without duplicates (TestParseUpdateScatterTerms)', () => {
    const pods = ['value-4-0', 'value-4-1', 'value-4-2', 'value-4', 'value-4', 'value-4', undefined].map((v) => ({ labels: (v ? { 'key-4': v } : {}) as Record<string, string> }));
    const strategy = [{ key: 'key-1', value: 'value-1' }, { key: 'key-2', value: 'value-2' }, { key: 'key-3', value: 'value-3' }, { key: 'key-4', value: '*' }];
    expect(expandWildcardTerms(strategy, pods)).toEqual([
      { key: 'key-1', value: 'value-1' }, { key: 'key-2', value: 'value-2' }, { key: 'key-3', value: 'value-3' },
      { key: 'key-4', value: 'value-4-0' }, { key: 'key-4', value: 'value-4-1' }, { key: 'key-4', value: 'value-4-2' }, { key: 'key-4', value: 'value-4' },
    ]);
  });
});

describe('conformance rollout/004-scatter-order: candidates after scattering one term', () => {
  for (const { given, expect: want } of rolloutFacts('004-scatter-order')) {
    it(JSON.stringify(given.candidateLabels), () => {
      const pods = (given.candidateLabels as string[]).map((l) => ({ labels: parse(l) }));
      expect(scatterSort([given.term], pods, pods.map((_, i) => i))).toEqual(want.order);
    });
  }
});
