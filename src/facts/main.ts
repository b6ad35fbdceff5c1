// Facts runner: evaluates fact-form conformance cases (expect.yaml with `form: facts`) against
// kruisec's own functions and prints one FAIL line per failing fact, then `N passed, M failed`.
// The only module of the plan area that touches the file system: it reads the case files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import yaml from 'js-yaml';
import { FactError } from './fact.js';
import { subjectFor } from './subjects/index.js';

export interface FactOutcome {
  ok: boolean;
  message?: string;
}

/** Folders holding an expect.yaml with form: facts, under `root`, sorted, depth first. */
export function findFactCases(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try { entries = readdirSync(dir).sort(); } catch { return; }
    if (entries.includes('expect.yaml')) {
      try {
        const doc = yaml.load(readFileSync(join(dir, 'expect.yaml'), 'utf8')) as { form?: unknown } | null;
        if (doc && doc.form === 'facts') out.push(dir);
      } catch {
        out.push(dir); // unreadable YAML: let evaluation report it as a failure
      }
    }
    for (const e of entries) {
      const p = join(dir, e);
      try { if (statSync(p).isDirectory()) walk(p); } catch { /* vanished: skip */ }
    }
  };
  walk(root);
  return out;
}

/** Deep equality with the conformance rules: numbers and numeric strings differ; maps must
 *  match key for key within what is expected; lists match element for element. */
export function matchesExpected(exp: unknown, act: unknown): boolean {
  if (Array.isArray(exp)) return Array.isArray(act) && act.length === exp.length && exp.every((e, i) => matchesExpected(e, act[i]));
  if (exp !== null && typeof exp === 'object') {
    if (act === null || typeof act !== 'object' || Array.isArray(act)) return false;
    const a = act as Record<string, unknown>;
    return Object.entries(exp as Record<string, unknown>).every(([k, v]) => matchesExpected(v, a[k]));
  }
  return exp === act;
}

export interface CaseResult {
  passed: number;
  failed: number;
  lines: string[];
}

export function runCase(dir: string, label: string): CaseResult {
  const res: CaseResult = { passed: 0, failed: 0, lines: [] };
  let doc: { subject?: unknown; facts?: unknown };
  try {
    doc = (yaml.load(readFileSync(join(dir, 'expect.yaml'), 'utf8')) ?? {}) as typeof doc;
  } catch (e) {
    res.failed++;
    res.lines.push(`FAIL ${label}: expect.yaml does not parse: ${(e as Error).message.split('\n')[0]}`);
    return res;
  }
  if (!Array.isArray(doc.facts) || doc.facts.length === 0) {
    res.failed++;
    res.lines.push(`FAIL ${label}: expect.yaml has no \`facts\` list`);
    return res;
  }
  const facts = doc.facts;
  const subjectText = typeof doc.subject === 'string' ? doc.subject : '';
  const subject = subjectFor(subjectText);
  facts.forEach((f: unknown, i: number) => {
    const fact = (f ?? {}) as { given?: unknown; expect?: unknown };
    const given = (fact.given ?? {}) as Record<string, unknown>;
    const expect = (fact.expect ?? {}) as Record<string, unknown>;
    const where = `${label} fact #${i + 1}`;
    const fail = (actual: string) => {
      res.failed++;
      res.lines.push(`FAIL ${where}: given ${JSON.stringify(given)} expected ${JSON.stringify(expect)} actual ${actual}`);
    };
    if (!subject) { fail(`(unknown subject ${JSON.stringify(subjectText)}: no kruisec computation matches it)`); return; }
    if (typeof given !== 'object' || Array.isArray(given) || typeof expect !== 'object' || Array.isArray(expect)) { fail('(given and expect must be maps)'); return; }
    let actual: Record<string, unknown>;
    try {
      actual = subject.evaluate(given, expect);
    } catch (e) {
      const msg = e instanceof FactError ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`;
      fail(`(${subject.id}: ${msg})`);
      return;
    }
    const shown = Object.fromEntries(Object.keys(expect).map((k) => [k, actual[k]]));
    if (matchesExpected(expect, actual)) res.passed++;
    else fail(JSON.stringify(shown));
  });
  return res;
}

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    process.stderr.write('usage: kruisec-facts <cases-dir>...\n  evaluates fact-form cases (expect.yaml with form: facts) under each folder\n');
    return argv.length === 0 ? 2 : 0;
  }
  let passed = 0, failed = 0;
  for (const arg of argv) {
    const root = resolve(arg);
    try { statSync(root); } catch {
      process.stderr.write(`kruisec-facts: ${arg}: no such folder\n`);
      return 2;
    }
    for (const dir of findFactCases(root)) {
      const r = runCase(dir, relative(process.cwd(), dir) || dir);
      passed += r.passed;
      failed += r.failed;
      for (const l of r.lines) process.stdout.write(`${l}\n`);
    }
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}
