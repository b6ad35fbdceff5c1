// JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure). Shaped like
// kubeconform's: one <testsuite> per file, one <testcase> per resource in it (classname =
// kind, name = namespace/name), one <failure> per error. Warnings and infos do not fail a
// test case; they are listed in its <system-out>. No time or timestamp attributes, so the
// report is byte-identical for the same input.
import type { Diagnostic } from '../diagnostic.js';
import type { FormatContext } from './types.js';
import { displayPath, dottedPath, escapeWorkflowCommands, fileOf, locationText, ordered } from './shared.js';

/** Suite name for diagnostics that are about no file. */
export const NO_FILE_SUITE = 'kruisec';

/** Text safe inside an XML element. Characters XML 1.0 cannot carry become U+FFFD; a colon
 *  that would start a line with `::` (a GitHub workflow command, when the report is printed in
 *  a CI log) is written as a character reference, which XML readers decode to the same text. */
export function xmlText(s: string): string {
  return escapeWorkflowCommands(stripInvalid(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'), '&#58;');
}

/** Text safe inside a double-quoted XML attribute; line breaks and tabs survive. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function stripInvalid(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

interface Case {
  classname: string;
  name: string;
  diags: Diagnostic[];
}

/** `CloneSet shop/cart` -> classname `CloneSet`, name `shop/cart`. */
function caseKey(d: Diagnostic, file: string | undefined): { classname: string; name: string } {
  if (d.subject) {
    const i = d.subject.indexOf(' ');
    if (i > 0) return { classname: d.subject.slice(0, i), name: d.subject.slice(i + 1) };
    return { classname: d.subject, name: d.subject };
  }
  if (file !== undefined && d.origin) return { classname: file, name: `document ${d.origin.doc + 1}` };
  return { classname: file ?? NO_FILE_SUITE, name: file ?? 'general' };
}

export function formatJunit(diags: readonly Diagnostic[], ctx: FormatContext): string {
  // Suites in first-seen order of the sorted diagnostics, i.e. by file name.
  const suites = new Map<string, Map<string, Case>>();
  for (const d of ordered(diags, ctx)) {
    const raw = fileOf(d);
    const file = raw === undefined ? undefined : displayPath(raw, ctx);
    const suiteName = file ?? NO_FILE_SUITE;
    let cases = suites.get(suiteName);
    if (!cases) suites.set(suiteName, (cases = new Map()));
    const k = caseKey(d, file);
    const id = `${k.classname}\u0000${k.name}`;
    let c = cases.get(id);
    if (!c) cases.set(id, (c = { ...k, diags: [] }));
    c.diags.push(d);
  }

  let tests = 0;
  let failures = 0;
  const body: string[] = [];
  let suiteId = 0;
  for (const [suiteName, cases] of suites) {
    const list = [...cases.values()];
    const f = list.filter((c) => c.diags.some((d) => d.severity === 'error')).length;
    tests += list.length;
    failures += f;
    body.push(`  <testsuite name="${xmlAttr(suiteName)}" id="${suiteId++}" tests="${list.length}" failures="${f}" errors="0" skipped="0">`);
    for (const c of list) body.push(...testcase(c, ctx));
    body.push('  </testsuite>');
  }
  const head = `<testsuites name="kruisec" tests="${tests}" failures="${failures}" errors="0" disabled="0"`;
  if (!body.length) return `<?xml version="1.0" encoding="UTF-8"?>\n${head}></testsuites>\n`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}>\n${body.join('\n')}\n</testsuites>\n`;
}

function testcase(c: Case, ctx: FormatContext): string[] {
  const open = `    <testcase name="${xmlAttr(c.name)}" classname="${xmlAttr(c.classname)}"`;
  const errors = c.diags.filter((d) => d.severity === 'error');
  const others = c.diags.filter((d) => d.severity !== 'error');
  if (!c.diags.length) return [`${open}/>`];
  const out = [`${open}>`];
  for (const d of errors) {
    out.push(`      <failure message="${xmlAttr(`[${d.ruleId}] ${d.message}`)}" type="${xmlAttr(d.ruleId)}">${xmlText(detail(d, ctx))}</failure>`);
  }
  if (others.length) {
    out.push(`      <system-out>${xmlText(others.map((d) => detail(d, ctx)).join('\n'))}</system-out>`);
  }
  out.push('    </testcase>');
  return out;
}

/** The same facts as the text format's first line, plus field and hint. */
function detail(d: Diagnostic, ctx: FormatContext): string {
  const loc = locationText(d, ctx);
  const lines = [`${loc !== undefined ? `${loc}: ` : ''}${d.severity}[${d.ruleId}]: ${d.message}`];
  if (d.path && d.path.length) lines.push(`field: ${dottedPath(d.path)}`);
  if (d.hint) lines.push(`help: ${d.hint}`);
  return lines.join('\n');
}
