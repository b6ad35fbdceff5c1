import { describe, expect, it } from 'vitest';
import { addQuantity, canonicalQuantity, formatQuantity, milliValue, parseQuantity, roundUp, zeroQuantity } from './quantity.js';

const canon = (s: string | number) => formatQuantity(parseQuantity(s)!);

// k8s.io/apimachinery resource.Quantity canonical forms.
describe('quantity', () => {
  it('canonicalises decimal values', () => {
    expect(canon('0.5')).toBe('500m');
    expect(canon('1000m')).toBe('1');
    expect(canon('1500')).toBe('1500');
    expect(canon('2000')).toBe('2k');
    expect(canon(1)).toBe('1');
    expect(canon('0')).toBe('0');
    expect(canon('100m')).toBe('100m');
    expect(canon('1e3')).toBe('1e3');
    expect(canon('1.5e3')).toBe('1500');
  });
  it('canonicalises binary values, falling back to decimal for fractions and small values', () => {
    expect(canon('1024Mi')).toBe('1Gi');
    expect(canon('1536Mi')).toBe('1536Mi');
    expect(canon('0.5Ki')).toBe('512');
    expect(canon('1.5Gi')).toBe('1536Mi');
  });
  it('rounds up to nano precision', () => {
    expect(canon('0.0000000001')).toBe('1n');
  });
  it('rejects garbage', () => {
    expect(parseQuantity('abc')).toBeUndefined();
    expect(parseQuantity('1Xi')).toBeUndefined();
    expect(parseQuantity('')).toBeUndefined();
  });
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
    expect(canonicalQuantity('1024Mi')).toBe('1Gi');
  });
});

describe('quantity canonical form', () => {
  it.each([
    ['0.5', '500m'], ['1024Mi', '1Gi'], [1, '1'], ['1000m', '1'], ['1.5Gi', '1536Mi'], ['100', '100'],
    ['1e3', '1e3'], ['10k', '10k'], ['0', '0'], ['512Ki', '512Ki'], ['0.5Ki', '512'], ['1500m', '1500m'],
    ['12e6', '12e6'], ['-1', '-1'], ['1.1', '1100m'],
  ])('%s -> %s', (q, want) => expect(canonicalQuantity(q)).toBe(want));
  it('rejects junk', () => expect(canonicalQuantity('1x')).toBeUndefined());
});
