import { describe, expect, it } from 'vitest';
import { addQuantity, canonicalQuantity, formatQuantity, milliValue, parseQuantity, roundUp, zeroQuantity } from './quantity.js';

// k8s.io/apimachinery resource.Quantity canonical forms: decimal values, binary values (which
// fall back to decimal for fractions and small values), rounding up to nano precision.
describe('canonical form', () => {
  it.each([
    ['0.5', '500m'], ['1000m', '1'], ['1500', '1500'], ['2000', '2k'], [1, '1'], ['0', '0'], ['100m', '100m'],
    ['1e3', '1e3'], ['1.5e3', '1500'], ['10k', '10k'], ['1500m', '1500m'], ['12e6', '12e6'], ['-1', '-1'], ['1.1', '1100m'],
    ['100', '100'], ['1024Mi', '1Gi'], ['1536Mi', '1536Mi'], ['0.5Ki', '512'], ['1.5Gi', '1536Mi'], ['512Ki', '512Ki'],
    ['0.0000000001', '1n'],
  ])('%s -> %s', (q, want) => expect(canonicalQuantity(q)).toBe(want));
  it.each(['abc', '1Xi', '', '1x'])('rejects %j', (q) => {
    expect(parseQuantity(q)).toBeUndefined();
    expect(canonicalQuantity(q)).toBeUndefined();
  });
});

describe('arithmetic', () => {
  it('MilliValue rounds up', () => {
    expect(milliValue(parseQuantity('1n')!)).toBe(1n);
    expect(milliValue(parseQuantity('2')!)).toBe(2000n);
  });
  it('a zero sum takes the format of the first added value', () => {
    const s = addQuantity(addQuantity(zeroQuantity(), parseQuantity('200Mi')!), parseQuantity('400Mi')!);
    expect(formatQuantity(s)).toBe('600Mi');
  });
  it('parses a binary value below one unit as decimal, as ParseQuantity does', () => {
    expect(parseQuantity('0.0005Ki')!.format).toBe('DecimalSI');
    expect(parseQuantity('1Ki')!.format).toBe('BinarySI');
  });
  it('rounds up to milli precision for the defaulting webhook', () => {
    expect(formatQuantity(roundUp(parseQuantity('1.0001m')!, -3))).toBe('2m');
  });
});
