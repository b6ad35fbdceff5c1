// Type-flip and truncation mutations of real manifests, and one run of the CLI over each: the
// fuzz test (fuzz.test.ts) and scripts/fuzz.mjs both use these. A mutation replaces one value
// of one document by a list, a map, a number, null or a string, or cuts the file short; the
// CLI must answer every one with exit 0, 1 or 2 and never "internal error".
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { main } from '../../src/cli/main.js';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Where the fuzz takes its manifests from: the fixtures, the plan cases, and every testdata folder. */
const SEED_DIRS = ['fixtures', 'test/cases', 'src'];

export interface Seed {
  /** Path relative to the project, for messages. */
  name: string;
  text: string;
  /** The documents, when the file parses (type flips need them); truncations work on any. */
  docs?: unknown[];
}

export function seeds(): Seed[] {
  const out: Seed[] = [];
  const visit = (dir: string, inTestdata: boolean) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) visit(p, inTestdata || e.name === 'testdata' || !p.startsWith(join(ROOT, 'src')));
      else if (inTestdata && /\.ya?ml$/.test(e.name) && statSync(p).size < 200_000) {
        const text = readFileSync(p, 'utf8');
        let docs: unknown[] | undefined;
        try { docs = yaml.loadAll(text); } catch { docs = undefined; }
        out.push({ name: relative(ROOT, p), text, docs });
      }
    }
  };
  for (const d of SEED_DIRS) visit(join(ROOT, d), d !== 'src');
  return out;
}

export type Path = (string | number)[];
/** The type flips: the five kinds of JSON value a field can wrongly hold, and two more that
 *  once broke rules (a list of null, a boolean). */
export const FLIPS: Record<string, unknown> = { list: [], map: {}, number: 0, null: null, string: 'x', listOfNull: [null], bool: true };
export const BASIC_FLIPS = ['list', 'map', 'number', 'null', 'string'];

/** Every path to a value inside a document (the document itself excluded). */
export function paths(doc: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(doc)) doc.forEach((v, i) => { out.push([...prefix, i]); paths(v, [...prefix, i], out); });
  else if (doc !== null && typeof doc === 'object') for (const [k, v] of Object.entries(doc)) { out.push([...prefix, k]); paths(v, [...prefix, k], out); }
  return out;
}

function shapeOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v;
}

function valueAt(doc: unknown, path: Path): unknown {
  let cur = doc;
  for (const p of path) cur = (cur as Record<string | number, unknown>)[p];
  return cur;
}

function setAt(doc: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let cur = copy;
  for (const p of path.slice(0, -1)) cur = cur[p] as Record<string | number, unknown>;
  cur[path[path.length - 1]] = value;
  return copy;
}

export interface Mutation {
  seed: Seed;
  /** What was changed, for a failure message. */
  what: string;
  /** A pattern of the change without list indexes: the fuzz test tries each pattern once. */
  key: string;
  text: string;
}

/** Every type flip of every path of every document of `seed`. */
export function* typeFlips(seed: Seed, flips: readonly string[] = Object.keys(FLIPS)): Generator<Mutation> {
  if (!seed.docs) return;
  for (let d = 0; d < seed.docs.length; d++) {
    const doc = seed.docs[d];
    const kind = (doc as { kind?: unknown })?.kind;
    for (const path of paths(doc)) {
      const was = shapeOf(valueAt(doc, path));
      for (const flip of flips) {
        const value = FLIPS[flip];
        if (shapeOf(value) === was && flip !== 'listOfNull') continue; // not a flip
        const docs = seed.docs.slice();
        docs[d] = setAt(doc, path, value);
        const text = docs.map((x) => yaml.dump(x, { noRefs: true, lineWidth: -1 })).join('---\n');
        const shape = path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');
        yield { seed, what: `${seed.name} doc ${d + 1} ${path.join('.')} -> ${flip}`, key: `${String(kind)} ${shape} ${flip}`, text };
      }
    }
  }
}

/** The file cut short at `n` places spread over it (and at each line end, for short files). */
export function* truncations(seed: Seed, n = 12): Generator<Mutation> {
  const cuts = new Set<number>();
  for (let i = 1; i < n; i++) cuts.add(Math.floor((seed.text.length * i) / n));
  for (const cut of cuts) yield { seed, what: `${seed.name} cut at ${cut}`, key: `${seed.name} cut ${cut}`, text: seed.text.slice(0, cut) };
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same mutations anywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mutation number `i` of a random run over `all` (the same i and seed give the same
 *  mutation): mostly one type flip anywhere, sometimes two, sometimes a cut at any byte. */
export function randomMutation(all: readonly Seed[], i: number, seed: number): Mutation {
  const rnd = prng(seed * 1_000_003 + i);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const s = pick(all);
  if (!s.docs || rnd() < 0.15) {
    const cut = Math.floor(rnd() * s.text.length);
    return { seed: s, what: `${s.name} cut at ${cut}`, key: `${s.name} cut ${cut}`, text: s.text.slice(0, cut) };
  }
  let docs = s.docs.slice();
  const what: string[] = [];
  for (let n = rnd() < 0.2 ? 2 : 1; n > 0; n--) {
    const d = Math.floor(rnd() * docs.length);
    const ps = paths(docs[d]);
    if (!ps.length) continue;
    const path = pick(ps);
    const flip = pick(Object.keys(FLIPS));
    docs = docs.slice();
    docs[d] = setAt(docs[d], path, FLIPS[flip]);
    what.push(`doc ${d + 1} ${path.join('.')} -> ${flip}`);
  }
  const text = docs.map((x) => yaml.dump(x, { noRefs: true, lineWidth: -1 })).join('---\n');
  return { seed: s, what: `${s.name} ${what.join(', ')}`, key: `${i}`, text };
}

export interface Outcome { code: number; internal?: string }

const FORMATS = ['text', 'json', 'sarif', 'github', 'junit', 'markdown'];

/** The commands a mutation is put through: validate in each format, render, render --explain,
 *  and plan against the unmutated seed as base. */
export const COMMANDS: string[][] = [
  ...FORMATS.map((f) => ['validate', '-f', f, 'head']),
  ['render', 'head'], ['render', '--explain', 'head'], ['plan', 'head', '--base', 'base'],
];

const lastBase = new Map<string, Seed>();

/** The commands the fuzz test spreads its mutations over, one each (every run type-checks,
 *  defaults and validates; then each renders, explains, plans or formats). */
export function rotation(n: number): string[] {
  const cycle = n % 4;
  if (cycle === 0) return ['render', 'head'];
  if (cycle === 1) return ['plan', 'head', '--base', 'base'];
  if (cycle === 2) return ['render', '--explain', 'head'];
  return ['validate', '-f', FORMATS[Math.floor(n / 4) % FORMATS.length], 'head'];
}

/** Runs the commands `which` picks (all by default) on the mutation; the first internal error. */
export async function runCli(dir: string, m: Mutation, runs: readonly string[][] = COMMANDS): Promise<Outcome> {
  if (lastBase.get(dir) !== m.seed) {
    mkdirSync(join(dir, 'head'), { recursive: true });
    mkdirSync(join(dir, 'base'), { recursive: true });
    writeFileSync(join(dir, 'base', 'm.yaml'), m.seed.text);
    lastBase.set(dir, m.seed);
  }
  writeFileSync(join(dir, 'head', 'm.yaml'), m.text);
  let code = 0;
  for (const argv of runs) {
    let err = '';
    code = await main(argv, { out: () => {}, err: (s) => { err += s; }, cwd: dir });
    if (/internal error|Maximum call stack/.test(err)) return { code, internal: `${argv.join(' ')}: ${err.split('\n')[0]}` };
    if (code !== 0 && code !== 1 && code !== 2) return { code, internal: `${argv.join(' ')}: exit ${code}` };
  }
  return { code };
}
