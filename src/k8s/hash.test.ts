import { describe, expect, it } from 'vitest';
import { controllerRevisionHash, safeEncodeString } from './hash.js';

describe('SafeEncodeString', () => {
  it('maps characters onto the alphabet without vowels', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });
});

describe('HashControllerRevision', () => {
  it('takes the collision count into the hash', () => {
    expect(controllerRevisionHash('{}')).not.toBe(controllerRevisionHash('{}', 1));
    expect(controllerRevisionHash('{}')).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
  });
});
