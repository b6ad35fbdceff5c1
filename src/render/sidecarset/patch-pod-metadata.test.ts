import { describe, expect, it } from 'vitest';
import { mergePatch } from './json-merge-patch.js';
import { patchPodMetadata } from './patch-pod-metadata.js';

// Upstream pkg/control/sidecarcontrol/util_test.go TestPatchPodMetadata and
// pkg/webhook/pod/mutating/sidecarset_test.go TestInjectMetadata.
describe('patchPodMetadata', () => {
  it('adds annotations with Retain and Overwrite', () => {
    const a: Record<string, string> = {};
    expect(patchPodMetadata(a, [
      { patchPolicy: 'Retain', annotations: { key1: 'value1' } },
      { patchPolicy: 'Overwrite', annotations: { key2: 'value2' } },
    ])).toEqual({ ok: true });
    expect(a).toEqual({ key1: 'value1', key2: 'value2' });
  });

  it('Retain keeps an existing value, Overwrite replaces it', () => {
    const a = { key1: 'old', key2: 'old' };
    patchPodMetadata(a, [
      { patchPolicy: 'Retain', annotations: { key1: 'value1' } },
      { patchPolicy: 'Overwrite', annotations: { key2: 'value2' } },
    ]);
    expect(a).toEqual({ key1: 'old', key2: 'value2' });
  });

  it('Retain counts an existing empty value as present; an empty policy means Retain', () => {
    const a = { key1: '' };
    patchPodMetadata(a, [{ annotations: { key1: 'v', key2: 'w' } }]);
    expect(a).toEqual({ key1: '', key2: 'w' });
  });

  it('MergePatchJson merges into JSON values and stores the patch verbatim when absent', () => {
    const a: Record<string, string> = { key1: '{"log-agent":1}', key2: '{"log-agent":1}' };
    patchPodMetadata(a, [{ patchPolicy: 'MergePatchJson', annotations: { key1: '{"log-agent":1}', key2: '{"envoy":2}', key3: '{"probe": 5}' } }]);
    expect(a).toEqual({ key1: '{"log-agent":1}', key2: '{"envoy":2,"log-agent":1}', key3: '{"probe": 5}' });
  });

  it('two SidecarSets merging into the same key (TestInjectMetadata)', () => {
    const a: Record<string, string> = {};
    patchPodMetadata(a, [{ patchPolicy: 'MergePatchJson', annotations: { key1: '{"log-agent":1}' } }, { patchPolicy: 'Retain', annotations: { key: 'envoy=1,log=2' } }]);
    patchPodMetadata(a, [{ patchPolicy: 'MergePatchJson', annotations: { key1: '{"envoy":2}' } }]);
    expect(a).toEqual({ key1: '{"envoy":2,"log-agent":1}', key: 'envoy=1,log=2' });
  });

  it('MergePatchJson into a value that is not JSON fails', () => {
    const a = { key: 'envoy=1,log=2' };
    expect(patchPodMetadata(a, [{ patchPolicy: 'MergePatchJson', annotations: { key: '{"a":1}' } }]))
      .toEqual({ ok: false, key: 'key', error: 'invalid JSON Document' });
  });

  it('unknown policies do nothing', () => {
    const a = {};
    patchPodMetadata(a, [{ patchPolicy: 'Replace', annotations: { k: 'v' } }]);
    expect(a).toEqual({});
  });
});

// evanphx/json-patch v5.6.0 MergePatch behaviour.
describe('mergePatch', () => {
  const ok = (doc: string, patch: string) => {
    const r = mergePatch(doc, patch);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  it.each([
    ['sorts merged keys and compacts', '{ "b": 1, "a": 2 }', '{"c": 3}', '{"a":2,"b":1,"c":3}'],
    ['null deletes a key; nulls inside added values are pruned', '{"a":1,"b":2}', '{"a":null,"c":{"x":null,"y":1}}', '{"b":2,"c":{"y":1}}'],
    ['keeps untouched old values as written (inner order, number text)', '{"z":{"b":1.0,"a":[1, 2]},"y":1}', '{"x":1}', '{"x":1,"y":1,"z":{"b":1.0,"a":[1,2]}}'],
    ['merges nested objects and re-sorts every merged level', '{"a":{"d":1,"c":2}}', '{"a":{"b":3}}', '{"a":{"b":3,"c":2,"d":1}}'],
    ['escapes HTML characters like Go', '{"a":"<x>"}', '{"b":"&"}', '{"a":"\\u003cx\\u003e","b":"\\u0026"}'],
    ['a document that is not an object becomes the patch, nulls removed', '[1,2]', '{"a":1,"b":null}', '{"a":1}'],
    ['... a string document too', '"text"', '{"b":{"c":null}}', '{"b":{}}'],
    ['an array patch replaces the value, keeping nulls', '{"a":1}', '[1,null,{"b":null,"a":1}]', '[1,null,{"a":1}]'],
    ['replaces a non-object value with the patch value', '{"a":[1]}', '{"a":{"b":1,"c":null}}', '{"a":{"b":1}}'],
    ['... and an object with a list', '{"a":{"b":1}}', '{"a":[null]}', '{"a":[null]}'],
  ])('%s', (_why, doc, patch, want) => expect(ok(doc, patch)).toBe(want));
  it('rejects invalid documents and patches', () => {
    expect(mergePatch('null', '{}').ok).toBe(false);
    expect(mergePatch('{', '{}').ok).toBe(false);
    expect(mergePatch('{}', '5').ok).toBe(false);
    expect(mergePatch('{}', 'null').ok).toBe(false);
  });
});
