// The block loader must read exactly what js-yaml reads, or step aside: it is only a faster
// road to the same objects.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { manifestCorpus, random } from '../support/corpus.js';
import { K8S_YAML_SCHEMA } from '../../src/k8s/yaml.js';
import { loadBlockYaml } from '../../src/load/block-yaml.js';



/** What parse.ts keeps of a stream: the non-empty documents with their index. */
function kept(docs: unknown[]): [number, unknown][] {
  return docs.flatMap((d, i) => (d === null || d === undefined ? [] : [[i, d] as [number, unknown]]));
}

/** js-yaml's reading, or 'error'. */
function reference(text: string): [number, unknown][] | 'error' {
  try { return kept(yaml.loadAll(text, undefined, { schema: K8S_YAML_SCHEMA })); } catch { return 'error'; }
}

/** Checks one text; returns whether the block loader read it itself. */
function agrees(text: string, label: string): boolean {
  const fast = loadBlockYaml(text);
  if (fast === undefined) return false;
  expect(kept(fast), label).toEqual(reference(text));
  return true;
}


const WORDS = ['app', 'name', 'x', 'true', 'no', 'on', '~', 'null', '1', '0x1F', '0777', '1_000', '1.5', '.inf', '-3', '+4', '1:20',
  "it's", '"q"', 'a b', 'a: b', 'a #b', 'a#b', '- x', '-x', '[x]', '{}', '[]', '{a: 1}', '*ref', '&a', '!t', '|', '>', '%', '@', '`',
  '<<', '?', ':', ',', '', ' ', 'line\nline', 'end\n', '\n\nlead', 'x\n\n', '  indented\nnext', 'é', '\u3000', 'tab\there', 'back\\slash'];

function randomValue(next: () => number, depth: number): unknown {
  const r = next();
  const word = () => WORDS[Math.floor(next() * WORDS.length)];
  if (depth > 3 || r < 0.4) return r < 0.05 ? Math.floor(next() * 100) : word();
  if (r < 0.45) return [true, false, null, {}, []][Math.floor(next() * 5)];
  if (r < 0.7) return Array.from({ length: 1 + Math.floor(next() * 3) }, () => randomValue(next, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 1 + Math.floor(next() * 3); i > 0; i--) o[next() < 0.8 ? `k${Math.floor(next() * 9)}` : word()] = randomValue(next, depth + 1);
  return o;
}

const STYLES: yaml.DumpOptions[] = [
  { lineWidth: -1 },
  { lineWidth: -1, noArrayIndent: true },
  { lineWidth: -1, indent: 4 },
  { lineWidth: -1, quotingType: '"' },
  { lineWidth: 20 },
  { lineWidth: -1, flowLevel: 2 },
];

/** Comments, blank lines and trailing spaces where YAML allows them. */
function decorate(text: string, next: () => number): string {
  return text.split('\n').map((l) => {
    const r = next();
    if (r < 0.05) return `# note\n${l}`;
    if (r < 0.08) return `\n${l}`;
    if (r < 0.1 && /: [^|>'"]*$/.test(l) && !/ #/.test(l)) return `${l}   # trailing`;
    return l;
  }).join('\n');
}

describe('block YAML loader', () => {
  it('reads every manifest in the repo and the conformance cases as js-yaml does, and most by itself', () => {
    const files = manifestCorpus();
    let read = 0;
    for (const f of files) if (agrees(readFileSync(f, 'utf8'), f)) read++;
    expect(read / files.length).toBeGreaterThan(0.8);
  });

  it('reads generated documents in many styles as js-yaml does', () => {
    const next = random(7);
    let read = 0;
    const n = 6000;
    for (let i = 0; i < n; i++) {
      const docs = Array.from({ length: 1 + Math.floor(next() * 3) }, () => randomValue(next, 0));
      const style = STYLES[i % STYLES.length];
      const text = decorate(docs.map((d) => yaml.dump(d, { ...style, schema: K8S_YAML_SCHEMA })).join(next() < 0.5 ? '---\n' : '--- # doc\n'), next);
      const prefix = ['', '---\n', '# header\n---\n', '\n'][Math.floor(next() * 4)];
      if (agrees(prefix + text + (next() < 0.2 ? '---\n' : ''), `${JSON.stringify(docs)} ${JSON.stringify(style)}`)) read++;
    }
    expect(read).toBeGreaterThan(n / 4);
  });

  it('reads the shapes manifests are written in', () => {
    const cases = [
      'a: 1\n---\n', '# c\n---\na: 1\n---\n# c\n', 'key:\n- a\n- b\nk2: 1', 'a:\n  - x\n  -\n  - y', 'a: |\n  x\n\n  y\n\n\nb: 1',
      'a: |+\n  x\n\n', 'a: |-\n  x\n   y\n', 'a: |\n\n  x\n', 'a: b # c\nd: "e" # f', '- a\n-   b: 1\n    c: 2', 'a:\nb: ~', 'a:    x   ',
      "a: 'it''s'", '- - a\n  - b\n- c', 'a:\n  # c\n  b: 1\n# c\nd: 2', 'a: |\n  x\n  # not a comment\n# a comment\nb: 1', '  a: 1\n  b: 2',
      'a:\n  b:\n    c: [] # e\n  d: {}', 'top', '- x: 1\n  w:\n  - z', 'a: [1, "b", [c, {}], {d: e, f: \'g\'}] # c', 'a: {b: [1, 2]}', 'a: 012', 'a: 0o12', 'a: 1e3', 'a: 1_0', 'a: yes', 'a: Off', 'a: NULL',
    ];
    for (const t of cases) expect(agrees(t, JSON.stringify(t)), JSON.stringify(t)).toBe(true);
  });

  it('steps aside for what js-yaml must read or refuse', () => {
    const cases = [
      'a: &x 1\nb: *x', 'a: !!str 1', 'a: [1, 2', 'a: [b: 1]', 'a: {b}', 'a: [1,]', 'a: [1] x', '- y: 1', 'a: >\n  folded\n', 'a: "esc\\n"', 'a: b\n  c', 'a: "multi\n  line"',
      'a: 1\na: 2', '<<: {}', 'a: b: c', '"q": 1', 'a:\tb', 'a: 1\r\n', '%YAML 1.1\n---\na: 1', 'a: 1\n...\n', '--- a: 1',
      'a: |2\n   x', 'a:\n  b: 1\n c: 2', '- a\n - b', '? a\n: b', '__proto__: 1', '1: a', 'true: a',
    ];
    for (const t of cases) expect(loadBlockYaml(t), JSON.stringify(t)).toBeUndefined();
  });
});
