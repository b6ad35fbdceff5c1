// ParseSubsetReplicas (uniteddeployment_controller_utils.go) as spec §1.2 describes it.
import { describe, expect, it } from 'vitest';
import { parseSubsetReplicas } from './replicas-value.js';

const value = (total: number | undefined, v: number | string) => {
  const r = parseSubsetReplicas(total, v);
  return r.ok ? r.value : 'error';
};

describe('parseSubsetReplicas', () => {
  it('takes integers >= 0 as they are', () => {
    expect(value(10, 3)).toBe(3);
    expect(value(undefined, 3)).toBe(3);
    expect(value(10, -1)).toBe('error');
    expect(value(10, 1.5)).toBe('error');
  });
  it('rounds percentages half up', () => {
    expect(value(3, '25%')).toBe(1);
    expect(value(1, '25%')).toBe(0);
    expect(value(10, '71%')).toBe(7);
    expect(value(10, '29%')).toBe(3);
    expect(value(10, '0%')).toBe(0);
    expect(value(10, '100%')).toBe(10);
    expect(value(5, '50%')).toBe(3);
  });
  it('parses the number like strconv.ParseInt(s, 10, 32)', () => {
    expect(value(10, '+40%')).toBe(4);
    expect(value(10, '040%')).toBe(4);
    for (const bad of ['40.5%', ' 40%', '%', '5', '101%', '-1%', '99999999999%']) expect(value(10, bad)).toBe('error');
  });
  it('needs a total for percentages', () => {
    expect(value(undefined, '10%')).toBe('error');
  });
});
