import { describe, expect, it } from 'vitest';
import { subsetPrefix, subsetWorkloadName } from './naming.js';

describe('subset workload names', () => {
  it('keeps the controller prefix and adds a stable 5-character suffix', () => {
    const n = subsetWorkloadName('default', 'web', 'zone-a');
    expect(n).toMatch(/^web-zone-a-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(subsetWorkloadName('default', 'web', 'zone-a')).toBe(n);
    expect(subsetWorkloadName('other', 'web', 'zone-a')).not.toBe(n);
  });
  it('cuts long prefixes to 58 characters like the API server', () => {
    const ud = 'a'.repeat(60);
    expect(subsetPrefix(ud, 's')).toBe(`${ud}-s-`);
    expect(subsetWorkloadName('ns', ud, 's')).toHaveLength(63);
    expect(subsetWorkloadName('ns', ud, 's').startsWith('a'.repeat(58))).toBe(true);
  });
  it('falls back to <ud>- when <ud>-<subset>- is not a valid prefix', () => {
    expect(subsetPrefix('web', 'Zone_A')).toBe('web-');
  });
});
