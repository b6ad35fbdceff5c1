import { describe, expect, it } from 'vitest';
import { injectedList, marshalHashAnnotation, parseHashAnnotation } from './injection-annotations.js';

// Upstream TestPodSidecarSetHashCompatibility, TestSidecarSetNameInject; spec §9.1.
describe('hash annotations', () => {
  it('accepts the legacy {"name":"hash"} form', () => {
    const r = parseHashAnnotation('{"sidecarset-test":"bv6d2fbw97wz8xx5x4v4wddwbd5z744wcf7c786dd4dvxvd5w6w424df7vx47989"}');
    expect(r.ok && marshalHashAnnotation(r.map)).toBe(
      '{"sidecarset-test":{"updateTimestamp":null,"hash":"bv6d2fbw97wz8xx5x4v4wddwbd5z744wcf7c786dd4dvxvd5w6w424df7vx47989","sidecarSetName":"sidecarset-test","sidecarList":null}}');
  });
  it('re-encodes current entries in Go field order, UTC seconds, sorted keys', () => {
    const r = parseHashAnnotation('{"b":{"sidecarList":["x"],"hash":"h","sidecarSetName":"b","updateTimestamp":"2026-07-02T11:56:09.123+02:00","extra":1},"a":null}');
    expect(r.ok && marshalHashAnnotation(r.map)).toBe(
      '{"a":{"updateTimestamp":null,"hash":"","sidecarSetName":"","sidecarList":null},"b":{"updateTimestamp":"2026-07-02T09:56:09Z","hash":"h","sidecarSetName":"b","sidecarList":["x"]}}');
  });
  it('empty, absent or null values are an empty map; anything else unreadable is an error', () => {
    for (const v of [undefined, '', 'null']) expect(parseHashAnnotation(v)).toEqual({ ok: true, map: new Map() });
    for (const v of ['x', '[]', '{"a":1}', '{"a":{"updateTimestamp":"yesterday"}}']) expect(parseHashAnnotation(v).ok).toBe(false);
  });
  it('escapes like Go', () => {
    expect(marshalHashAnnotation(new Map([['a&b', { updateTimestamp: null, hash: '<h>', sidecarSetName: 'a&b', sidecarList: [] }]])))
      .toBe('{"a\\u0026b":{"updateTimestamp":null,"hash":"\\u003ch\\u003e","sidecarSetName":"a\\u0026b","sidecarList":[]}}');
  });
});

describe('injected list', () => {
  it('unions with the existing list, sorted', () => {
    expect(injectedList(undefined, ['sidecarset2', 'sidecarset1'])).toBe('sidecarset1,sidecarset2');
    expect(injectedList('c,a', ['b', 'a'])).toBe('a,b,c');
  });
});
