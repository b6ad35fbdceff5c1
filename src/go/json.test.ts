import { describe, expect, it } from 'vitest';
import { goMarshal, goMarshalMap, goString } from './json.js';

describe('goString (encoding/json string escaping)', () => {
  it('escapes HTML-sensitive characters and line separators', () => {
    expect(goString('a<b>&c\u2028\u2029')).toBe('"a\\u003cb\\u003e\\u0026c\\u2028\\u2029"');
  });
  it('keeps slashes and non-ASCII text, escapes control characters', () => {
    expect(goString('/ü\n\t\u0001')).toBe('"/ü\\n\\t\\u0001"');
  });
  it('replaces lone surrogates with U+FFFD', () => {
    expect(goString('x\uD800y')).toBe('"x\uFFFDy"');
  });
});

describe('goMarshal (decoded data)', () => {
  it('sorts map keys, leaves out undefined fields, escapes like Go', () => {
    expect(goMarshal({ b: 1, a: ['<&>', null], $patch: 'replace', u: undefined })).toBe('{"$patch":"replace","a":["\\u003c\\u0026\\u003e",null],"b":1}');
  });
});

describe('goMarshalMap', () => {
  it('sorts keys as Go does, integer-like keys included', () => {
    expect(goMarshalMap(new Map([['b', 1], ['10', 2], ['a', 3]]), String)).toBe('{"10":2,"a":3,"b":1}');
  });
});
