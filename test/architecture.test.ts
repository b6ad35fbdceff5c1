// The import rules of docs/architecture.md, checked over every module in src/ (tests
// included): phases import down the pipeline only, and another phase only through its
// index.ts; helpers and report import no phase. A test may also drive the CLI end to end. Generic over the folders that exist, so a new
// phase folder is held to the rules as soon as it appears.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

/** The pipeline, in order. */
const PHASES = ['load', 'default', 'validate', 'render', 'plan', 'reconcile'];
const HELPERS = ['util', 'go', 'k8s'];
/** Folders every phase and cli may import any module of. */
const BESIDE = ['api', 'report', ...HELPERS];
/** Which earlier phases a phase may use, where it is not all of them. */
const PHASES_USED: Record<string, string[]> = { reconcile: ['load', 'plan'] };

interface Import { from: string; to: string; line: number }

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : modules(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

// import x from '...', import '...', export { x } from '...', import('...'), across lines.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[1];
    if (!spec.startsWith('.')) continue; // packages and node: builtins
    const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
    out.push({ from: relative(SRC, file), to: relative(SRC, target), line: text.slice(0, m.index).split('\n').length });
  }
  return out;
}

const folderOf = (rel: string) => rel.split('/')[0];

/** Why this import breaks the rules, or undefined when it keeps them. */
function violation({ from, to }: Import): string | undefined {
  const a = folderOf(from), b = folderOf(to);
  if (to.startsWith('..')) return 'reaches outside src/';
  if (a === b) return undefined;
  if (!to.includes('/')) return 'imports a module at the root of src/';
  const throughIndex = to === `${b}/index.ts`;
  if (a === 'api') return 'api imports nothing else in src';
  if (HELPERS.includes(a)) return HELPERS.includes(b) || b === 'api' ? undefined : 'a helper imports only helpers and api';
  if (a === 'report') return HELPERS.includes(b) || b === 'api' ? undefined : 'report imports only helpers and api';
  if (BESIDE.includes(b)) return undefined;
  if (b === 'cli') return from.endsWith('.test.ts') && to === 'cli/main.ts' ? undefined : 'nothing imports cli (a test may run cli/main.ts)';
  if (!PHASES.includes(b)) return `unknown folder ${b}`;
  if (a === 'cli') return throughIndex ? undefined : `cli reaches into ${b} instead of ${b}/index.ts`;
  if (!PHASES.includes(a)) return `unknown folder ${a}`;
  if (PHASES.indexOf(b) > PHASES.indexOf(a)) return `${a} imports ${b}, which comes later in the pipeline`;
  if (PHASES_USED[a] && !PHASES_USED[a].includes(b)) return `${a} may use only ${PHASES_USED[a].join(' and ')}`;
  return throughIndex ? undefined : `${a} reaches into ${b} instead of ${b}/index.ts`;
}

describe('import direction (docs/architecture.md)', () => {
  const all = modules(SRC).flatMap(importsOf);

  it('finds the modules and their imports', () => {
    expect(all.length).toBeGreaterThan(500);
    expect(all.some((i) => i.from === 'cli/inputs.ts' && i.to === 'validate/index.ts')).toBe(true);
  });

  it('every import keeps the rules', () => {
    const broken = all.flatMap((i) => {
      const why = violation(i);
      return why ? [`src/${i.from}:${i.line} imports src/${i.to}: ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('the rules catch what they forbid', () => {
    const bad: [string, string][] = [
      ['validate/sidecarset/x.ts', 'render/sidecarset/calculator.ts'], // later phase
      ['render/x.ts', 'validate/sidecarset/index.ts'], // internals of an earlier phase
      ['report/explain.ts', 'render/types.ts'], // report knows no phase
      ['k8s/x.ts', 'load/index.ts'], // helpers know no phase
      ['cli/x.ts', 'plan/output/index.ts'], // cli through indexes only
      ['reconcile/x.ts', 'render/index.ts'], // reconcile uses load and plan
      ['plan/x.ts', 'cli/main.ts'],
    ];
    for (const [from, to] of bad) expect(violation({ from, to, line: 1 }), `${from} -> ${to}`).toBeDefined();
    const good: [string, string][] = [
      ['render/x.ts', 'validate/index.ts'], ['plan/x.ts', 'render/index.ts'], ['reconcile/x.ts', 'plan/index.ts'],
      ['validate/x.ts', 'report/catalogue/rule.ts'], ['go/json.ts', 'util/compare.ts'], ['cli/x.ts', 'report/formats/index.ts'],
    ];
    for (const [from, to] of good) expect(violation({ from, to, line: 1 }), `${from} -> ${to}`).toBeUndefined();
  });
});
