// The writer must print exactly what js-yaml prints with the same schema and options: every
// GitOps diff and every expected file in the conformance cases depends on those bytes.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { manifestCorpus, random } from '../support/corpus.js';
import { K8S_YAML_SCHEMA } from '../support/k8s-yaml-schema.js';
import { dumpYaml, dumpYamlStream, YamlStreamBuffer } from '../../src/k8s/yaml-writer.js';
import { readDocuments } from '../../src/load/yaml/index.js';
import { canonical } from './kubectl-oracle.js';

const jsYaml = (v: unknown) => yaml.dump(v, { schema: K8S_YAML_SCHEMA, noRefs: true, lineWidth: -1 });



// Pieces chosen for the rules a writer can get wrong: indicators, ": " and " #", YAML 1.1
// words and numbers, line breaks and leading spaces, escapes, Unicode spaces, astral
// characters, lone surrogates and the BOM.
const PIECES = [
  'a', 'Z', 'app', '_x', '/var', '.', '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '=', '>',
  "'", '"', '%', '@', '`', ' ', '  ', '\t', '\n', '\n\n', '\r', '\\', '0', '1', '0x1F', '0o7', '0777', '1_000', '1e3',
  '.5', '-1', '+2', '.inf', '.NaN', '1:20', 'yes', 'No', 'on', 'OFF', 'y', 'n', 'null', '~', 'true', 'False', '<<',
  '\u0085', '\u00a0', '\u2028', '\u3000', '\u2003', '\ufeff', '\ud83d\ude00', '\ud800', '\udc00', 'é', '\u0007', '\u001b', 'ü',
];

function randomString(next: () => number): string {
  const n = Math.floor(next() * 5);
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

function randomValue(next: () => number, depth: number): unknown {
  const r = next();
  if (depth > 3 || r < 0.45) return randomString(next);
  if (r < 0.5) return [0, -0, 1.5, -7, 1e21, 2 ** 53, NaN, Infinity, -Infinity, 0.1][Math.floor(next() * 10)];
  if (r < 0.55) return [true, false, null, undefined][Math.floor(next() * 4)];
  if (r < 0.75) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 4); i > 0; i--) o[randomString(next)] = randomValue(next, depth + 1);
  return o;
}

describe('YAML writer', () => {
  it('prints every manifest in the repo and the conformance cases as js-yaml does', () => {
    const files = manifestCorpus();
    expect(files.length).toBeGreaterThan(100);
    let docs = 0;
    for (const f of files) {
      let loaded: unknown[];
      try { loaded = yaml.loadAll(readFileSync(f, 'utf8'), undefined, { schema: K8S_YAML_SCHEMA }); } catch { continue; }
      for (const d of loaded) {
        expect(dumpYaml(d), f).toBe(jsYaml(d));
        docs++;
      }
    }
    expect(docs).toBeGreaterThan(200);
  });

  it('prints generated strings, keys, numbers and nestings as js-yaml does', () => {
    const next = random(20261123);
    for (let i = 0; i < 20_000; i++) {
      const v = randomValue(next, 0);
      const got = dumpYaml(v);
      if (got !== jsYaml(v)) expect({ value: v, got }).toEqual({ value: v, got: jsYaml(v) });
    }
  });

  it('gives repeated long strings the same text at every depth, including block text', () => {
    const long = `{"a":"${'x'.repeat(80)}"}`;
    const block = `line one ${'y'.repeat(70)}\n  indented\n\nlast\n`;
    const doc = { a: long, b: { c: long, d: [long, block] }, e: block, f: [[block]] };
    expect(dumpYaml(doc)).toBe(jsYaml(doc));
    expect(dumpYaml(doc)).toBe(jsYaml(doc));
  });

  it('prints a frozen object shared at several depths and positions as js-yaml does', () => {
    const shared = Object.freeze({ a: 1, b: Object.freeze(['x', Object.freeze({ c: 'yes' })]), e: Object.freeze({}), u: undefined });
    const onlyUndefined = Object.freeze({ u: undefined });
    const doc = { one: shared, list: [shared, [shared], onlyUndefined], deep: { deeper: { s: shared, o: onlyUndefined } } };
    for (let i = 0; i < 2; i++) expect(dumpYaml(doc)).toBe(jsYaml(doc));
    expect(dumpYaml(shared)).toBe(jsYaml(shared));
  });

  it('writes keys over 1024 characters explicitly, as js-yaml does, whatever their value', () => {
    const next = random(1024);
    const doc = { a: { [`k${'x'.repeat(1100)}`]: 1 } };
    expect(dumpYaml(doc)).toBe(jsYaml(doc));
    expect(dumpYaml(doc)).toContain('? k');
    const longKey = () => 'k'.repeat(1020 + Math.floor(next() * 8)) + randomString(next);
    for (let i = 0; i < 2000; i++) {
      const inner: Record<string, unknown> = { [longKey()]: randomValue(next, 1), short: randomValue(next, 2) };
      const frozen = Object.freeze({ [longKey()]: Object.freeze({ a: 'b', [longKey()]: Object.freeze(['c']) }) });
      const v = next() < 0.5 ? { top: inner, list: [inner, frozen], [longKey()]: [inner] } : [inner, { [longKey()]: frozen }];
      const got = dumpYaml(v);
      if (got !== jsYaml(v)) expect({ value: v, got }).toEqual({ value: v, got: jsYaml(v) });
    }
  });

  it('refuses what js-yaml refuses, and writes an instance of a class as js-yaml does', () => {
    for (const bad of [new Date(0), new Map([['a', 1]]), () => 1, Symbol('s'), new Uint8Array(2), /x/]) {
      let expected = '';
      try { jsYaml({ a: [bad] }); } catch (e) { expected = (e as Error).message; }
      expect(expected).toMatch(/unacceptable kind/);
      expect(() => dumpYaml({ a: [bad] })).toThrow(expected);
    }
    class Point { x = 1; y = { z: 'yes' }; }
    const doc = { p: new Point(), list: [new Point()] };
    expect(dumpYaml(doc)).toBe(jsYaml(doc));
  });

  it('writes what kubectl reads back as written: integers beyond 2^53, strings Go reads as numbers', () => {
    const doc = {
      big: 9007199254740993n, min: -9223372036854775808n, float: [1e21, 0.1, -5, 1e-7, 18446744073709552000],
      s: ['0X1F', '0O17', '0B101', '+_1', '0b-101', '1e400', '-0', '1_000', '0x_1F', '.5', '+.inf', 'yes', 'y', '~', '', '1:20', '<<', '08', '9007199254740993'],
    };
    const text = dumpYaml(doc);
    expect(text).toContain('big: 9007199254740993\n');
    expect(text).toContain("- '0X1F'\n");
    expect(readDocuments(text)[0].value).toEqual(doc);
  });

  it('reads back what it writes, odd characters and keys over 1024 characters included', () => {
    const next = random(13);
    // What a read can give: no NaN, ±Infinity, -0, undefined or lone surrogates; integers
    // beyond 2^53 (and within int64) as bigints.
    const readable = (v: unknown): unknown => {
      if (typeof v === 'number') return !Number.isFinite(v) ? 0 : Number.isInteger(v) && !Number.isSafeInteger(v) && Math.abs(v) < 2 ** 63 ? BigInt(v) : v + 0;
      if (typeof v === 'string') return v.replace(/[\ud800-\udfff]/g, (c, i, str: string) => (/[\ud800-\udbff][\udc00-\udfff]/.test(str.slice(i - 1, i + 1)) || /[\ud800-\udbff][\udc00-\udfff]/.test(str.slice(i, i + 2)) ? c : 'x'));
      if (v === undefined) return null;
      if (Array.isArray(v)) return v.map(readable);
      if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [readable(k) as string, readable(x)]));
      return v;
    };
    for (let i = 0; i < 5000; i++) {
      const v = { k: readable(randomValue(next, 0)) };
      const back = readDocuments(dumpYaml(v))[0];
      expect(back.error?.message ?? back.value, canonical(v)).toEqual(v);
    }
    const long = { [`k${'x'.repeat(1100)}`]: 1 };
    expect(readDocuments(dumpYaml(long))[0].value).toEqual(long);
  });

  it('joins documents with ---', () => {
    expect(dumpYamlStream([{ a: 1 }, { b: [] }])).toBe('a: 1\n---\nb: []\n');
  });

  it('builds the same stream as UTF-8 chunks, documents larger than a chunk included', () => {
    const docs = [{ a: 'é\u{1F600}' }, { big: 'x'.repeat(3 << 20) }, ...Array.from({ length: 3000 }, (_, i) => ({ i, s: 'ü'.repeat(i % 50) }))];
    const stream = new YamlStreamBuffer();
    for (const d of docs) stream.add(d);
    const chunks = stream.chunks();
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(dumpYamlStream(docs));
    expect(Buffer.concat(new YamlStreamBuffer().chunks()).length).toBe(0);
  });
});
