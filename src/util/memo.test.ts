import { describe, expect, it } from 'vitest';
import { memoByText } from './memo.js';

describe('memoByText', () => {
  it('works an answer out once per text, up to the bound', () => {
    const asked: string[] = [];
    const upper = memoByText((s) => { asked.push(s); return s.toUpperCase(); }, 2);
    expect([upper('a'), upper('a'), upper('b'), upper('c'), upper('c')]).toEqual(['A', 'A', 'B', 'C', 'C']);
    expect(asked).toEqual(['a', 'b', 'c', 'c']); // 'c' came past the bound: asked each time
  });

  it('keeps nothing when the answer throws', () => {
    let calls = 0;
    const strict = memoByText((s) => { calls++; if (s.length > 3) throw new Error('long'); return s; });
    expect(() => strict('long!')).toThrow('long');
    expect(() => strict('long!')).toThrow('long');
    expect(calls).toBe(2);
  });
});
