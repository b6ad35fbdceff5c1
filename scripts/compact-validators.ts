// Makes Ajv's standalone validators smaller before they are split per kind. Ajv writes every
// failed check as the same four statements, the error object spelled out and pushed inline:
//
//   const err7 = {instancePath:…,schemaPath:"#/properties/x/type",keyword:"type",params:{…},message:"must be string"};
//   if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;
//
// which is about two thirds of the generated code. Every byte of it is read, scanned and, for
// the functions a resource reaches, compiled by every run that meets the kind, though it only
// runs for an invalid manifest. Here each becomes one call of a helper written once:
//
//   vErrors = addError(vErrors, instancePath…, "type", {…}, "must be string");errors++;
//
// The error objects keep Ajv's instancePath, keyword, params and message; schemaPath (where in
// the schema the check is) is dropped, as nothing in kruisec reads it. About a quarter smaller,
// and measured with valgrind on a small render (fixtures/example, four kinds): 2.5% fewer
// instructions for the whole run.
import { ts } from 'ts-morph';

export const ADD_ERROR = 'addError';

const HELPER = `function ${ADD_ERROR}(errors, instancePath, keyword, params, message){` +
  'const err = {instancePath, keyword, params, message};if(errors === null){return [err];}errors.push(err);return errors;}';

/** `source`: Ajv's standalone CommonJS module. Returns it with the error pushes compacted and the
 *  helper declared after the "use strict" directive (split-validators.ts then places the helper
 *  like any other declaration: once, in the module of the kinds that use it). */
export function compactErrors(source: string): string {
  const file = ts.createSourceFile('validators.cjs', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    const statements = ts.isBlock(node) || ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isDefaultClause(node) ? node.statements : undefined;
    if (statements) {
      for (let i = 0; i + 2 < statements.length; i++) {
        const call = errorPush(statements[i], statements[i + 1], statements[i + 2], file);
        if (call) edits.push({ start: statements[i].getStart(file), end: statements[i + 2].getEnd(), text: call });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (edits.length === 0) return source;
  // Joined in one pass: slicing the whole source once per edit is quadratic (minutes for Ajv's MBs).
  const parts: string[] = [];
  let from = 0;
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    parts.push(source.slice(from, e.start), e.text);
    from = e.end;
  }
  parts.push(source.slice(from));
  const out = parts.join('');
  const directive = /^\s*"use strict";/.exec(out);
  const at = directive ? directive[0].length : 0;
  return `${out.slice(0, at)}${HELPER}${out.slice(at)}`;
}

/** The helper call for Ajv's `const errN = {…}; if(vErrors === null)…; errors++;`, or undefined
 *  when the three statements are anything else (left as Ajv wrote them). */
function errorPush(decl: ts.Statement, push: ts.Statement, count: ts.Statement, file: ts.SourceFile): string | undefined {
  if (!ts.isVariableStatement(decl) || decl.declarationList.declarations.length !== 1) return undefined;
  const d = decl.declarationList.declarations[0];
  if (!ts.isIdentifier(d.name) || !/^err\d+$/.test(d.name.text) || !d.initializer || !ts.isObjectLiteralExpression(d.initializer)) return undefined;
  const name = d.name.text;
  if (push.getText(file) !== `if(vErrors === null){vErrors = [${name}];}else {vErrors.push(${name});}`) return undefined;
  if (count.getText(file) !== 'errors++;') return undefined;
  const props = new Map<string, string>();
  for (const p of d.initializer.properties) {
    if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) props.set(p.name.text, p.initializer.getText(file));
    else if (ts.isShorthandPropertyAssignment(p)) props.set(p.name.text, p.name.text);
    else return undefined;
  }
  const keys = [...props.keys()].join(',');
  if (keys !== 'instancePath,schemaPath,keyword,params,message') return undefined;
  const args = ['vErrors', props.get('instancePath'), props.get('keyword'), props.get('params'), props.get('message')];
  return `vErrors = ${ADD_ERROR}(${args.join(', ')});errors++;`;
}
