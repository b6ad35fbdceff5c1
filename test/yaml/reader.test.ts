// The manifest reader (src/load/yaml) without kubectl at hand: the cases issue #13 names, each
// with the reading kubectl gives (checked against kubectl by kubectl-differential.test.ts),
// agreement with js-yaml on the YAML where YAML 1.1 readers agree (every manifest we have,
// generated documents in many styles), and positions held to the same document boundaries.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { manifestCorpus, random } from '../support/corpus.js';
import { K8S_YAML_SCHEMA } from '../support/k8s-yaml-schema.js';
import { SourceStore } from '../../src/load/index.js';
import { readDocuments } from '../../src/load/yaml/index.js';
import { canonical } from './kubectl-oracle.js';

/** The values of a file's documents, or the first error's kind and message. */
function read(text: string): unknown[] | string {
  const docs = readDocuments(text);
  const e = docs.find((d) => d.error)?.error;
  return e ? `${e.kind}: ${e.message}` : docs.map((d) => d.value);
}

function one(text: string): unknown {
  const r = read(text);
  return typeof r === 'string' ? r : r[0];
}

describe('reading YAML as kubectl does', () => {
  it('treats U+2028, U+2029 and U+0085 as line breaks, as go-yaml does', () => {
    const text = 'metadata:\n  name: w\n  annotations:\n    note: hello\u2028  namespace:\u2028    kube-system\n';
    expect(one(text)).toEqual({ metadata: { name: 'w', annotations: { note: 'hello' }, namespace: 'kube-system' } });
    expect(one('a: "x\u0085  y"\n')).toEqual({ a: 'x y' });
    expect(one('a: |\n  x\u2029  y\n')).toEqual({ a: 'x\u2029y\n' });
  });

  it('applies merge keys where they are written: after an explicit key a merge overrides it', () => {
    expect(one('privileged: false\n<<: {privileged: true}\n')).toEqual({ privileged: true });
    expect(one('<<: {privileged: true}\nprivileged: false\n')).toEqual({ privileged: false });
    expect(one('<<: {a: 1, b: 1}\n<<: {b: 2, c: 2}\n')).toEqual({ a: 1, b: 2, c: 2 });
    expect(one('x: &x {a: 1}\ny: &y {a: 2, b: 2}\nz:\n  <<: [*x, *y]\n')).toMatchObject({ z: { a: 1, b: 2 } });
    expect(one('"<<": {a: 1}\n')).toEqual({ '<<': { a: 1 } });
    expect(one('<<: 5\n')).toMatch(/^syntax: map merge requires map/);
  });

  it('refuses what kubectl would ignore after a "..." document end', () => {
    expect(one('a: 1\n...\nb: 2\n')).toMatch(/^unsafe: content after the end of the document/);
    expect(read('a: 1\n...\n---\nb: 2\n')).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('reads integers with Go\'s prefixes, and keeps the digits of those beyond 2^53', () => {
    expect(one('a: [0X1F, 0O17, 0B101, 0x1f, 017, 0o17, -0b101, 1_000, +_1, 0b-101]\n')).toEqual({ a: [31, 15, 5, 31, 15, 15, -5, 1000, 1, -5] });
    expect(one('a: 9007199254740993\nb: -9223372036854775808\nc: 18446744073709551615\n'))
      .toEqual({ a: 9007199254740993n, b: -9223372036854775808n, c: 18446744073709551615 });
    expect(one('a: [1e400, 1e-400, 1.0, -0.0, 08, 1:20, 2001-12-14]\n')).toEqual({ a: ['1e400', 0, 1, 0, 8, '1:20', '2001-12-14'] });
    expect(one('a: .inf\n')).toMatch(/^syntax: \.inf is not a JSON number/);
  });

  it('reads flow collections as go-yaml does', () => {
    expect(one('a: [?x, y:]\n')).toEqual({ a: [{ x: null }, 'y:'] });
    expect(one('a: [b: 1, c]\nd: {e, f: g}\nh: [x:y, "z":1]\n')).toEqual({ a: [{ b: 1 }, 'c'], d: { e: null, f: 'g' }, h: ['x:y', { z: 1 }] });
    expect(one('a: [? : x]\n')).toMatch(/^syntax: did not find expected ',' or '\]'/);
  });

  it('turns keys into strings as sigs.k8s.io/yaml does, and refuses keys that collide', () => {
    expect(one('a: {1: a, yes: b, 1.5: c, 123456789.0: d, 0x10: e}\n')).toEqual({ a: { 1: 'a', true: 'b', '1.5': 'c', '1.2345679e+08': 'd', 16: 'e' } });
    expect(one('1: a\n"1": b\n')).toMatch(/^unsafe: two different keys both become "1"/);
    expect(one('yes: a\ntrue: b\n')).toMatch(/^duplicate-key/);
    expect(one('~: a\n')).toMatch(/^syntax: a null key/);
  });

  it('cuts documents at --- lines only, as kubectl does', () => {
    expect(read('a: 1\n--- # next\nb: 2\n---\n\n---\n')).toEqual([{ a: 1 }, { b: 2 }, null]);
    const docs = readDocuments('a: 1\n--- b: 2\nc: 3\n');
    expect(docs.map((d) => d.error?.message ?? d.value)).toEqual([{ a: 1 }, expect.stringMatching(/kubectl stops reading the file here/)]);
    expect(read('\ufeffa: 1\r\nb: |\r\n  x\r\n  y\r\n')).toEqual([{ a: 1, b: 'x\ny\n' }]);
    expect(one('%YAML 1.1\n---\na: 1\n')).toMatch(/^syntax: directives/);
  });

  it('reads a file starting with "{" as a JSON stream, as kubectl does', () => {
    expect(read('{"a": 9007199254740993, "b": "\\/", "c": 1.0}{"d": null}')).toEqual([{ a: 9007199254740993n, b: '/', c: 1 }, { d: null }]);
    expect(read('{a: 1}')).toMatch(/^syntax: invalid JSON/);
  });

  it('refuses tags kruisec does not read, and reads the standard ones', () => {
    expect(one('a: !!str 1\nb: !!int "12"\nc: !!float 1\nd: !!bool yes\ne: ! 12\n')).toEqual({ a: '1', b: 12, c: 1, d: true, e: '12' });
    expect(one('a: !foo x\n')).toMatch(/^tag: unsupported YAML tag !foo/);
    expect(one('a: !!binary aGk=\n')).toMatch(/^tag: unsupported YAML tag !!binary/);
    expect(one('a: !!int x\n')).toMatch(/^syntax: cannot decode !!str `x` as a !!int/);
  });
});

describe('the reader and js-yaml', () => {
  // Where YAML 1.1 readers agree (no .inf, no flow or tag oddities), the reader reads what
  // js-yaml with the Kubernetes schema reads.
  const reference = (text: string): string | undefined => {
    try {
      return yaml.loadAll(text, undefined, { schema: K8S_YAML_SCHEMA }).filter((d) => d !== null && d !== undefined).map(canonical).join('\n');
    } catch {
      return undefined;
    }
  };
  const ours = (text: string): string | undefined => {
    const r = read(text);
    return typeof r === 'string' ? undefined : r.filter((d) => d !== null && d !== undefined).map((d) => canonical(d)).join('\n');
  };

  it('read every manifest in the repo and the conformance cases alike', () => {
    const files = manifestCorpus();
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const ref = reference(text);
      if (ref !== undefined) expect(ours(text), f).toBe(ref);
    }
    expect(files.length).toBeGreaterThan(100);
  });

  it('read generated documents in many styles alike', () => {
    const next = random(7);
    const words = ['app', 'name', 'x', 'true', 'no', 'on', '~', 'null', '1', '0x1F', '0777', '1_000', '1.5', '-3', '+4', '1:20',
      "it's", '"q"', 'a b', 'a: b', 'a #b', 'a#b', '- x', '-x', '[x]', '{}', '[]', '{a: 1}', '*ref', '&a', '!t', '|', '>', '%', '@', '`',
      '<<', '?', ':', ',', '', ' ', 'line\nline', 'end\n', '\n\nlead', 'x\n\n', '  indented\nnext', 'é', '\u3000', 'tab\there', 'back\\slash'];
    const value = (depth: number): unknown => {
      const r = next();
      const word = () => words[Math.floor(next() * words.length)];
      if (depth > 3 || r < 0.4) return r < 0.05 ? Math.floor(next() * 100) : word();
      if (r < 0.45) return [true, false, null, {}, []][Math.floor(next() * 5)];
      if (r < 0.7) return Array.from({ length: 1 + Math.floor(next() * 3) }, () => value(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = 1 + Math.floor(next() * 3); i > 0; i--) o[next() < 0.8 ? `k${Math.floor(next() * 9)}` : word()] = value(depth + 1);
      return o;
    };
    const styles: yaml.DumpOptions[] = [
      { lineWidth: -1 }, { lineWidth: -1, noArrayIndent: true }, { lineWidth: -1, indent: 4 }, { lineWidth: -1, quotingType: '"' },
      { lineWidth: 20 }, { lineWidth: -1, flowLevel: 2 }, { lineWidth: 20, flowLevel: 1 }, { lineWidth: -1, forceQuotes: true },
    ];
    let compared = 0;
    for (let i = 0; i < 4000; i++) {
      // (Root scalars are left out: no manifest is one, and go-yaml places a root block
      // scalar's indentation indicator one column off from YAML 1.2.)
      const docs = Array.from({ length: 1 + Math.floor(next() * 3) }, () => value(0)).filter((d) => typeof d === 'object');
      const text = docs.map((d) => yaml.dump(d, { ...styles[i % styles.length], schema: K8S_YAML_SCHEMA })).join(next() < 0.5 ? '---\n' : '--- # doc\n');
      const ref = reference(text);
      if (ref === undefined || text.startsWith('{')) continue; // kubectl reads that as JSON
      expect(ours(text), `${JSON.stringify(text)}`).toBe(ref);
      compared++;
    }
    expect(compared).toBeGreaterThan(3000);
  });
});

describe('positions', () => {
  it('come from the same documents as the values, broken and empty ones included', () => {
    const text = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n', // 0, lines 1-3
      '\n', // 1: empty
      'kind: [\n', // 2: broken, line 7
      '', // 3: nothing between two --- lines (kubectl makes no document of it)
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n', // lines 10-13
    ].join('---\n');
    const docs = readDocuments(text);
    expect(docs.map((d) => (d.error ? 'error' : d.value === null ? 'empty' : 'object'))).toEqual(['object', 'empty', 'error', 'object']);
    const sources = new SourceStore();
    sources.add('f.yaml', text);
    expect(sources.locate({ file: 'f.yaml', doc: 0 }, ['metadata', 'name'])).toMatchObject({ line: 3, col: 12 });
    expect(sources.locate({ file: 'f.yaml', doc: 3 }, ['metadata', 'name'])).toMatchObject({ line: 13, col: 3 });
    expect(docs[2].error!.offset).toBe(text.indexOf('kind: [') + 'kind: [\n'.length);
  });

  it('find fields brought in by a merge key, and list items', () => {
    const text = 'base: &b\n  image: nginx\nspec:\n  <<: *b\n  replicas: 2\nitems:\n- a\n- b\n';
    const sources = new SourceStore();
    sources.add('m.yaml', text);
    expect(sources.locate({ file: 'm.yaml', doc: 0 }, ['spec', 'image'])).toMatchObject({ line: 2, col: 3 });
    expect(sources.locate({ file: 'm.yaml', doc: 0 }, ['spec', 'replicas'])).toMatchObject({ line: 5, col: 3 });
    expect(sources.locate({ file: 'm.yaml', doc: 0, item: 1 }, [])).toMatchObject({ line: 8, col: 3 });
  });

  it('map back through CRLF line endings and a JSON file', () => {
    const sources = new SourceStore();
    sources.add('c.yaml', 'a: 1\r\nb:\r\n  c: 2\r\n---\r\nd: 3\r\n');
    expect(sources.locate({ file: 'c.yaml', doc: 0 }, ['b', 'c'])).toMatchObject({ line: 3, col: 3 });
    expect(sources.locate({ file: 'c.yaml', doc: 1 }, ['d'])).toMatchObject({ line: 5, col: 1 });
    sources.add('j.json', '{"a": 1}\n{"b": {"c": [1, 2]}}');
    expect(sources.locate({ file: 'j.json', doc: 1 }, ['b', 'c', 1])).toMatchObject({ line: 2, col: 17 });
  });
});
