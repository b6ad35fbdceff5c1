// Makes Ajv's standalone validators smaller before they are split. Every byte of a validator
// module is read and pre-parsed by each run that loads it, and every byte of a function it calls
// is compiled (measured on a small render: ~170 instructions per byte loaded, ~300 more per
// byte called), though most of the code only runs for an invalid manifest. The rewrites keep
// what each validator returns and the errors it reports (less schemaPath, which nothing in
// kruisec reads), and each applies only to code of the exact shape Ajv writes; anything else is
// left as Ajv wrote it.
//
// compactValidators:
//  - Each failed check, four statements in Ajv's output,
//      const err7 = {instancePath:…,schemaPath:"#/properties/x/type",keyword:"type",params:{type: "string"},message:"must be string"};
//      if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;
//    becomes a call of a helper written once per module, one per common keyword
//      vErrors = typeError(vErrors, instancePath+"/x", "string");errors++;
//    (addError for the rest, with keyword, params and message spelled out).
//  - A validator calls another as validateN(data, instancePath): Ajv's options object also
//    carried parentData, parentDataProperty and rootData, which none of these validators reads
//    (they are for $data references and dynamic anchors, unused in kruisec's schemas).
//  - The errors a called validator returns are appended by a helper (concatErrors).
//  - Ajv's integer test, `((typeof x == "number") && (!(x % 1) && !isNaN(x))) && (isFinite(x))`,
//    is Number.isInteger(x), true of the same values.
//  - The `/*# sourceURL=… */` comment Ajv opens each function with goes.
// inlineSchemaReads: the `const schemaN = {…}` literals go (below).
import { transformSync } from 'esbuild';
import { ts } from 'ts-morph';
import { isObj } from '../src/util/json.js';

export const ADD_ERROR = 'addError';

/** The helpers the rewritten code calls, declared after "use strict" (split-validators.ts
 *  copies each into the modules that use it). Messages are Ajv's. */
const HELPERS: Record<string, string> = {
  [ADD_ERROR]: `function ${ADD_ERROR}(errors, instancePath, keyword, params, message){` +
    'const err = {instancePath, keyword, params, message};if(errors === null){return [err];}errors.push(err);return errors;}',
  typeError: `function typeError(errors, instancePath, type){return ${ADD_ERROR}(errors, instancePath, "type", {type}, "must be " + type);}`,
  requiredError: `function requiredError(errors, instancePath, missingProperty){return ${ADD_ERROR}(errors, instancePath, "required", {missingProperty}, "must have required property '" + missingProperty + "'");}`,
  extraError: `function extraError(errors, instancePath, additionalProperty){return ${ADD_ERROR}(errors, instancePath, "additionalProperties", {additionalProperty}, "must NOT have additional properties");}`,
  enumError: `function enumError(errors, instancePath, allowedValues){return ${ADD_ERROR}(errors, instancePath, "enum", {allowedValues}, "must be equal to one of the allowed values");}`,
  concatErrors: 'function concatErrors(errors, more){return errors === null ? more : errors.concat(more);}',
};

const SIGNATURE = '(data, {instancePath="", parentData, parentDataProperty, rootData=data}={})';
const UNUSED_OPTIONS = ['parentData', 'parentDataProperty', 'rootData'];

/** `ajvSource`: Ajv's standalone CommonJS module. Returns it compacted, the helpers it calls
 *  declared after the "use strict" directive. */
export function compactValidators(ajvSource: string): string {
  // Ajv names each function's schema in a comment (for stack traces of its own compiled code).
  const source = ajvSource.replace(/\/\*# sourceURL="[^"]*" \*\/;/g, '').replace(
    /\(\(typeof ([\w$.]+) == "number"\) && \(!\(\1 % 1\) && !isNaN\(\1\)\)\) && \(isFinite\(\1\)\)/g,
    'Number.isInteger($1)',
  );
  const file = ts.createSourceFile('validators.cjs', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const edits: Edit[] = [];
  const used = new Set<string>();
  const visit = (node: ts.Node): void => {
    const statements = ts.isBlock(node) || ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isDefaultClause(node) ? node.statements : undefined;
    if (statements) {
      for (let i = 0; i + 2 < statements.length; i++) {
        const call = errorPush(statements[i], statements[i + 1], statements[i + 2], file);
        if (call) {
          edits.push({ start: statements[i].getStart(file), end: statements[i + 2].getEnd(), text: `vErrors = ${call.text};errors++;` });
          used.add(call.helper).add(ADD_ERROR);
        }
      }
    }
    if (ts.isFunctionDeclaration(node) && node.name && /^validate\d+$/.test(node.name.text) && node.body) {
      const params = source.slice(node.parameters.pos - 1, node.parameters.end + 1);
      if (params === SIGNATURE) edits.push({ start: node.parameters.pos - 1, end: node.parameters.end + 1, text: '(data, instancePath="")' });
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && /^validate\d+$/.test(node.expression.text) && node.arguments.length === 2) {
      const path = instancePathOf(node.arguments[1], file);
      if (path !== undefined) {
        edits.push({ start: node.arguments[1].getStart(file), end: node.arguments[1].getEnd(), text: path });
        // The data argument may hold nothing to rewrite; the options are all that change.
        ts.forEachChild(node.arguments[0], visit);
        return;
      }
    }
    if (ts.isExpressionStatement(node)) {
      const m = /^vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);$/.exec(node.getText(file));
      if (m) {
        edits.push({ start: node.getStart(file), end: node.getEnd(), text: `vErrors = concatErrors(vErrors, ${m[1]}.errors);` });
        used.add('concatErrors');
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  const out = applyEdits(source, edits);
  // Every validator now takes the short form, so none may still read the dropped options.
  if (edits.some((e) => e.text === '(data, instancePath="")')) {
    for (const name of UNUSED_OPTIONS) {
      if (new RegExp(`\\b${name}\\b`).test(out)) throw new Error(`compact-validators: a validator still reads ${name}; keep Ajv's options object`);
    }
  }
  return insertAfterDirective(out, Object.entries(HELPERS).filter(([name]) => used.has(name)).map(([, text]) => text).join(''));
}

/** The instancePath of Ajv's options object `{instancePath:…,parentData:…,parentDataProperty:…,rootData}`. */
function instancePathOf(arg: ts.Expression, file: ts.SourceFile): string | undefined {
  if (!ts.isObjectLiteralExpression(arg)) return undefined;
  const names = arg.properties.map((p) => p.name?.getText(file));
  if (names.join(',') !== ['instancePath', ...UNUSED_OPTIONS].join(',')) return undefined;
  const first = arg.properties[0];
  return ts.isPropertyAssignment(first) ? first.initializer.getText(file) : 'instancePath';
}

/** The helper call for Ajv's `const errN = {…}; if(vErrors === null)…; errors++;`, or undefined
 *  when the three statements are anything else (left as Ajv wrote them). */
function errorPush(decl: ts.Statement, push: ts.Statement, count: ts.Statement, file: ts.SourceFile): { text: string; helper: string } | undefined {
  if (!ts.isVariableStatement(decl) || decl.declarationList.declarations.length !== 1) return undefined;
  const d = decl.declarationList.declarations[0];
  if (!ts.isIdentifier(d.name) || !/^err\d+$/.test(d.name.text) || !d.initializer || !ts.isObjectLiteralExpression(d.initializer)) return undefined;
  const name = d.name.text;
  if (push.getText(file) !== `if(vErrors === null){vErrors = [${name}];}else {vErrors.push(${name});}`) return undefined;
  if (count.getText(file) !== 'errors++;') return undefined;
  const props = new Map<string, ts.Expression>();
  for (const p of d.initializer.properties) {
    if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) props.set(p.name.text, p.initializer);
    else if (ts.isShorthandPropertyAssignment(p)) props.set(p.name.text, p.name);
    else return undefined;
  }
  if ([...props.keys()].join(',') !== 'instancePath,schemaPath,keyword,params,message') return undefined;
  const path = props.get('instancePath')!.getText(file);
  const keyword = constant(props.get('keyword')!);
  const message = constant(props.get('message')!);
  const params = props.get('params')!;
  const param = ts.isObjectLiteralExpression(params) && params.properties.length === 1 && ts.isPropertyAssignment(params.properties[0]) && ts.isIdentifier(params.properties[0].name)
    ? { name: params.properties[0].name.text, value: params.properties[0].initializer } : undefined;
  const value = param ? constant(param.value) : undefined;
  const arg = param?.value.getText(file);
  if (keyword === 'type' && param?.name === 'type' && value !== undefined && message === `must be ${String(value)}`) return { text: `typeError(vErrors, ${path}, ${arg})`, helper: 'typeError' };
  if (keyword === 'required' && param?.name === 'missingProperty' && typeof value === 'string' && message === `must have required property '${value}'`) return { text: `requiredError(vErrors, ${path}, ${arg})`, helper: 'requiredError' };
  if (keyword === 'additionalProperties' && param?.name === 'additionalProperty' && message === 'must NOT have additional properties') return { text: `extraError(vErrors, ${path}, ${arg})`, helper: 'extraError' };
  if (keyword === 'enum' && param?.name === 'allowedValues' && message === 'must be equal to one of the allowed values') return { text: `enumError(vErrors, ${path}, ${arg})`, helper: 'enumError' };
  const args = ['vErrors', path, props.get('keyword')!.getText(file), params.getText(file), props.get('message')!.getText(file)];
  return { text: `${ADD_ERROR}(${args.join(', ')})`, helper: ADD_ERROR };
}

/** The value of a constant expression made of JSON literals and string concatenation, or
 *  undefined when the expression is anything else. */
function constant(e: ts.Expression): unknown {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (e.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isParenthesizedExpression(e)) return constant(e.expression);
  if (ts.isArrayLiteralExpression(e)) {
    const items = e.elements.map(constant);
    return items.includes(undefined) ? undefined : items;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const [l, r] = [constant(e.left), constant(e.right)];
    return typeof l === 'string' && typeof r === 'string' ? l + r : undefined;
  }
  return undefined;
}

/** `source`: Ajv's standalone module. Returns it without the `const schemaN = {…}` literals
 *  (the whole schema of each definition and kind) that Ajv embeds for the few values its code
 *  reads from them: the names of an object's properties (an additionalProperties check of more
 *  than eight), and the `type` and `enum` lists an error reports. A run created every literal
 *  of every module it loaded, though an error report reads from them only for an invalid
 *  manifest. The property names become a Set declared once per list, `const propsN = new
 *  Set([…])`, the values the JSON literal itself. */
export function inlineSchemaReads(source: string): string {
  const file = ts.createSourceFile('validators.cjs', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const schemas = new Map<string, unknown>();
  const declarations: ts.Node[] = [];
  let hasOwn: string | undefined;
  for (const st of file.statements) {
    if (!ts.isVariableStatement(st) || st.declarationList.declarations.length !== 1) continue;
    const d = st.declarationList.declarations[0];
    if (!ts.isIdentifier(d.name) || !d.initializer) continue;
    if (/^schema\d+$/.test(d.name.text)) {
      schemas.set(d.name.text, JSON.parse(d.initializer.getText(file)));
      declarations.push(st);
    } else if (d.initializer.getText(file) === 'Object.prototype.hasOwnProperty') {
      hasOwn = d.name.text;
    }
  }
  const edits: Edit[] = declarations.map((st) => ({ start: st.getStart(file), end: st.getEnd(), text: '' }));
  const sets = new Map<string, string>(); // JSON of the names → the Set's name
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && schemas.has(node.text) && !ts.isVariableDeclaration(node.parent)) {
      let chain: ts.Expression = node;
      const path: string[] = [];
      for (;;) {
        const up: ts.Node = chain.parent;
        if (ts.isPropertyAccessExpression(up) && up.expression === chain) path.push(up.name.text);
        else if (ts.isElementAccessExpression(up) && up.expression === chain && ts.isStringLiteral(up.argumentExpression)) path.push(up.argumentExpression.text);
        else break;
        chain = up;
      }
      let value: unknown = schemas.get(node.text);
      for (const key of path) value = isObj(value) && Object.hasOwn(value, key) ? value[key] : undefined;
      const call = chain.parent;
      if (hasOwn && ts.isCallExpression(call) && call.arguments.length === 2 && call.arguments[0] === chain && call.expression.getText(file) === `${hasOwn}.call` && isObj(value)) {
        const names = JSON.stringify(Object.keys(value));
        const set = sets.get(names) ?? sets.set(names, `props${sets.size}`).get(names)!;
        edits.push({ start: call.getStart(file), end: call.getEnd(), text: `${set}.has(${call.arguments[1].getText(file)})` });
      } else if (Array.isArray(value) || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        edits.push({ start: chain.getStart(file), end: chain.getEnd(), text: JSON.stringify(value) });
      } else {
        throw new Error(`inlineSchemaReads: cannot inline ${chain.getText(file)} (${JSON.stringify(value)?.slice(0, 80)})`);
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  const declared = [...sets].map(([names, set]) => `const ${set} = new Set(${names});`).join('');
  return insertAfterDirective(applyEdits(source, edits), declared);
}

interface Edit { start: number; end: number; text: string }

/** `source` with each [start, end) range replaced by its text; ranges do not overlap. Joined in
 *  one pass: slicing the whole source once per edit is quadratic (minutes for Ajv's MBs). */
function applyEdits(source: string, edits: readonly Edit[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    parts.push(source.slice(from, e.start), e.text);
    from = e.end;
  }
  parts.push(source.slice(from));
  return parts.join('');
}

function insertAfterDirective(source: string, text: string): string {
  const directive = /^\s*"use strict";/.exec(source);
  const at = directive ? directive[0].length : 0;
  return `${source.slice(0, at)}${text}${source.slice(at)}`;
}

/** One split module (split-validators.ts), minified by esbuild: local names shortened, syntax
 *  condensed. Measured on a small render: the validator modules it loads are 43% smaller and the
 *  run 1% cheaper (V8 pre-parses and compiles fewer characters). Its first line, the "generated"
 *  comment, is kept. Strings, and so every message, are untouched. */
export function minifyModule(text: string): string {
  const newline = text.indexOf('\n');
  return `${text.slice(0, newline + 1)}${transformSync(text.slice(newline + 1), { minify: true, format: 'cjs', target: 'node20', charset: 'ascii' }).code}`;
}
