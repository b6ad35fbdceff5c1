// Splits Ajv's standalone module (every kind's and every definition's validator in one file)
// into CommonJS modules that a run loads only when its input reaches them: a kind's module when
// the first resource of that kind shows up (src/validate/schema/validators.ts), a definition's
// module when a resource first has the field that refers to it. A Deployment without volumes
// never loads the code of the volume sources, one without affinity that of node affinity.
//
// Ajv writes a flat list of top-level declarations (`function validateN`, one per schema, and
// what they use: `const patternN = new RegExp(…)`, the helpers of compact-validators.ts) and one
// `exports.<name> = validateN;` per schema, each kind and each definition being a schema of its
// own (gen-schemas.ts). Each kind's and each definition's function heads a module of its own,
// except a definition whose callers all live in one module and whose code is small: it joins
// that module, as a file costs a run more to find, read and compile (~0.4 M instructions) than
// a few KB of code it skips. Helpers (any other declaration) are copied into each module that
// uses them: they are a few hundred bytes, a shared module of them would be one file more.
//
// A call into another module goes through a stub that loads the module on first call and then
// replaces itself, so every later call is direct:
//
//   let validate12 = (data, instancePath) => (validate12 = require("./V1Volume.cjs").validate12)(data, instancePath);
//
// The caller reads `validate12.errors` after the call, when the binding is the real function.
import { posix } from 'node:path';
import { ts } from 'ts-morph';

/** One schema's validator: `file` (relative to the repo root) is the module it heads; a kind's
 *  (`root`) is that module's `module.exports`, a definition's a named export. */
export interface ValidatorUnit {
  file: string;
  root: boolean;
}

/** A definition's validator of at most this many bytes of code (as Ajv wrote it, compacted)
 *  joins the module of its callers when they all live in one module. Measured on a small
 *  render (fixtures/example): joining none (60 files) or all (32 files) cost about the same,
 *  a file's fixed cost and the bytes it spares trading evenly; this joins small leaves. */
export const JOIN_BYTES = 4000;

interface Decl {
  name: string;
  text: string;
  refs: string[];
  /** The export (unit) this function is, for the validators; undefined for helpers. */
  unit?: string;
}

/**
 * @param source Ajv's standalone CommonJS module (compacted).
 * @param units export name → the module that validator heads.
 * @returns file → content, for the validators some root reaches.
 */
export function splitValidators(source: string, units: ReadonlyMap<string, ValidatorUnit>, joinBytes = JOIN_BYTES): Map<string, string> {
  const file = ts.createSourceFile('validators.cjs', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const decls = new Map<string, Decl>();
  const exported = new Map<string, string>(); // function → export name
  for (const st of file.statements) {
    const name = declaredName(st);
    if (name !== undefined) {
      decls.set(name, { name, text: st.getText(file), refs: identifiers(st) });
      continue;
    }
    const exp = exportAssignment(st);
    if (exp) exported.set(exp[1], exp[0]);
    else if (!(ts.isExpressionStatement(st) && ts.isStringLiteral(st.expression))) {
      throw new Error(`split-validators: unexpected statement in Ajv's output: ${st.getText(file).slice(0, 80)}`);
    }
  }
  for (const d of decls.values()) {
    d.refs = d.refs.filter((r) => r !== d.name && decls.has(r));
    const unit = exported.get(d.name);
    if (unit !== undefined && units.has(unit)) d.unit = unit;
  }
  for (const name of units.keys()) if (![...exported.values()].includes(name)) throw new Error(`split-validators: Ajv wrote no validator ${name}`);

  // The validators each one calls, and who calls each (only what a kind reaches counts).
  const isValidator = (n: string) => decls.get(n)?.unit !== undefined;
  const callers = new Map<string, string[]>();
  const reached = new Set<string>();
  const stack = [...decls.values()].filter((d) => d.unit !== undefined && units.get(d.unit)!.root).map((d) => d.name);
  while (stack.length) {
    const name = stack.pop()!;
    if (reached.has(name)) continue;
    reached.add(name);
    for (const r of decls.get(name)!.refs) {
      if (!isValidator(r)) continue;
      (callers.get(r) ?? callers.set(r, []).get(r)!).push(name);
      stack.push(r);
    }
  }

  // The module each validator is written into: its own, or, when small, that of its callers.
  // (A validator on a cycle of calls keeps its own module: where it would go depends on it.)
  const home = new Map<string, string>();
  const placing = new Set<string>();
  const onCycle = new Set<string>();
  const place = (name: string): string => {
    const known = home.get(name);
    if (known !== undefined) return known;
    const d = decls.get(name)!;
    const own = units.get(d.unit!)!;
    if (placing.has(name)) {
      onCycle.add(name);
      return own.file;
    }
    let target = own.file;
    if (!own.root && d.text.length <= joinBytes) {
      placing.add(name);
      const of = new Set((callers.get(name) ?? []).map(place));
      placing.delete(name);
      if (of.size === 1 && !onCycle.has(name)) target = [...of][0];
    }
    home.set(name, target);
    return target;
  };
  for (const name of reached) place(name);

  const out = new Map<string, string>();
  const modules = new Map<string, Decl[]>();
  for (const d of decls.values()) {
    const m = home.get(d.name);
    if (m !== undefined) (modules.get(m) ?? modules.set(m, []).get(m)!).push(d);
  }
  const calledFrom = new Set<string>(); // validators some other module calls (through a stub)
  for (const [target, list] of modules) {
    for (const d of list) for (const r of d.refs) if (isValidator(r) && home.get(r) !== target) calledFrom.add(r);
  }
  for (const [target, list] of [...modules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // What the module's validators use: its own, stubs of other modules', and helpers (with
    // what helpers use in turn).
    const needed = new Set(list.map((d) => d.name));
    const stubs = new Set<string>();
    const walk = [...needed];
    while (walk.length) {
      for (const r of decls.get(walk.pop()!)!.refs) {
        if (needed.has(r) || stubs.has(r)) continue;
        if (isValidator(r) && home.get(r) !== target) stubs.add(r);
        else {
          needed.add(r);
          walk.push(r);
        }
      }
    }
    const lines = ['// Generated by scripts/gen-schemas.ts: do not edit.', '"use strict";'];
    for (const name of [...decls.keys()].filter((n) => stubs.has(n))) {
      let rel = posix.relative(posix.dirname(target), home.get(name)!);
      if (!rel.startsWith('.')) rel = `./${rel}`;
      lines.push(`let ${name} = (data, instancePath) => (${name} = require(${JSON.stringify(rel)}).${name})(data, instancePath);`);
    }
    for (const d of decls.values()) if (needed.has(d.name)) lines.push(d.text);
    const root = list.find((d) => units.get(d.unit ?? '')?.root);
    if (root) lines.push(`module.exports = ${root.name};`);
    const named = list.filter((d) => calledFrom.has(d.name)).map((d) => d.name);
    if (named.length) lines.push(`Object.assign(${root ? 'module.exports' : 'exports'}, {${named.join(', ')}});`);
    out.set(target, `${lines.join('\n')}\n`);
  }
  return out;
}

function declaredName(st: ts.Statement): string | undefined {
  if (ts.isFunctionDeclaration(st) && st.name) return st.name.text;
  if (ts.isVariableStatement(st) && st.declarationList.declarations.length === 1) {
    const d = st.declarationList.declarations[0];
    if (ts.isIdentifier(d.name)) return d.name.text;
  }
  return undefined;
}

/** `exports.<name> = <identifier>;` → [name, identifier]. */
function exportAssignment(st: ts.Statement): [string, string] | undefined {
  if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression)) return undefined;
  const { left, right, operatorToken } = st.expression;
  if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isIdentifier(right)) return undefined;
  if (!ts.isPropertyAccessExpression(left) || !ts.isIdentifier(left.expression) || left.expression.text !== 'exports') return undefined;
  return [left.name.text, right.text];
}

/** Every identifier the statement mentions, in order of first mention (property names too:
 *  harmless, since only names of top-level declarations are kept). */
function identifiers(st: ts.Node): string[] {
  const out = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) out.add(n.text);
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(st, visit);
  return [...out];
}
