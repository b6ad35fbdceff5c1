// Subject: scatterStrategy - candidate order after scattering (Kruise updatesort
// TestScatterPodsByRule, TestSort, TestGenerateRules).
import { scatterSort, scatterTermsInOrder, type ScatterTerm } from '../../plan/scatter.js';
import { checkKeys, FactError, labelsOf, type Subject } from '../fact.js';

type Pod = { labels: Record<string, string> } | null;

export const scatterSubject: Subject = {
  id: 'scatter-order',
  keywords: /scatter/i,
  evaluate(given, expect) {
    checkKeys(given, ['term', 'terms', 'scatterStrategy', 'candidateLabels', 'podLabels', 'candidates'], 'scatter-order');
    const single = given.term !== undefined;
    const terms = termsOf(given.term !== undefined ? [given.term] : given.terms ?? given.scatterStrategy);
    const raw = given.candidateLabels ?? given.podLabels;
    if (!Array.isArray(raw)) throw new FactError('given.candidateLabels must be a list (one entry per pod; null = no pod)');
    let pods: Pod[] = raw.map((l) => (l === null ? null : { labels: labelsOf(l) }));
    let candidates: number[];
    if (Array.isArray(given.candidates)) {
      candidates = given.candidates as number[];
    } else {
      candidates = pods.flatMap((p, i) => (p ? [i] : []));
      // Kruise's tests build candidates from the first len(expected) pods: the one-term test
      // drops the remaining labels, the multi-term test keeps them as non-candidate pods that
      // still count in the densities. Mirror that harness when the fact has more labels.
      const want = Array.isArray(expect.order) ? expect.order.length : undefined;
      if (want !== undefined && want < candidates.length) {
        let holes = 0, i = 0;
        const keep: number[] = [];
        for (; i < pods.length && keep.length < want; i++) { if (pods[i]) keep.push(i); else holes++; }
        candidates = keep;
        if (single) pods = pods.slice(0, want + holes);
      }
    }
    const order = scatterSort(terms, pods, candidates);
    return { order, terms: scatterTermsInOrder(terms, pods, candidates) };
  },
};

function termsOf(v: unknown): ScatterTerm[] {
  if (!Array.isArray(v)) throw new FactError('given.term (one {key, value}) or given.terms (a list) is required');
  return v.map((t) => {
    if (typeof t === 'string' && t.includes('=')) { const [key, ...rest] = t.split('='); return { key, value: rest.join('=') }; }
    if (t && typeof t === 'object' && typeof (t as ScatterTerm).key === 'string') return { key: (t as ScatterTerm).key, value: String((t as ScatterTerm).value ?? '') };
    throw new FactError(`scatter term must be {key, value}, got ${JSON.stringify(t)}`);
  });
}
