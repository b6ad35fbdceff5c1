// Answers that depend only on a short text (a label key, a plain scalar, a map key) and are
// asked of every resource: worked out once per text. A repository repeats a few hundred of
// them; the bound keeps one full of unique values from growing the cache without end (past
// it, answers are simply computed each time).
export function memoByText<V>(compute: (text: string) => V, bound = 10_000): (text: string) => V {
  const cache = new Map<string, V>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined) {
      v = compute(text); // may throw: then nothing is kept
      if (cache.size < bound) cache.set(text, v);
    }
    return v;
  };
}
