// GitHub Actions workflow commands, which the runner turns into annotations on the PR:
//
//   ::error file=apps/cart.yaml,line=12,col=13,endLine=12,endColumn=16,title=kruisec schema-type::message
//
// GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and silently
// drops the rest in print order (ecosystem.md §2.3). So, errors first, at most 10 commands per
// severity are printed; every further diagnostic is printed as a plain log line (still in the
// log, never lost), followed by one notice saying how many were not annotated. A last plain
// line gives the summary. Plain lines start with `kruisec:` and never contain a line break,
// so manifest text can never smuggle in a workflow command.
import type { Diagnostic, Severity } from '../diagnostic.js';
import type { FormatContext } from './types.js';
import {
  countBySeverity, countsText, displayPath, dottedPath, fileOf, locationText, oneLine, orderedBySeverity, summaryText,
  type PathBase,
} from './shared.js';

/** Annotations GitHub shows per severity per step. */
export const ANNOTATIONS_PER_SEVERITY = 10;

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of a command's data (the part after `::`), as @actions/core does. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command property value: data escaping plus `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function annotation(d: Diagnostic, base: PathBase): string {
  const props: [string, string | number][] = [];
  const file = fileOf(d);
  if (file !== undefined) {
    props.push(['file', displayPath(file, base)]);
    if (d.line !== undefined) {
      props.push(['line', d.line]);
      // The runner rejects columns on a range that spans lines (actions/runner#2082); an end
      // before the start is dropped.
      const endLine = d.endLine !== undefined && d.endLine >= d.line ? d.endLine : undefined;
      const multiLine = endLine !== undefined && endLine !== d.line;
      if (!multiLine && d.col !== undefined) props.push(['col', d.col]);
      if (endLine !== undefined) props.push(['endLine', endLine]);
      if (!multiLine && d.col !== undefined && d.endCol !== undefined && d.endCol >= d.col) props.push(['endColumn', d.endCol]);
    }
  }
  props.push(['title', `kruisec ${d.ruleId}`]);
  let text = d.message;
  if (d.line === undefined) {
    const where = [d.subject, d.path && d.path.length ? `field ${dottedPath(d.path)}` : undefined].filter(Boolean);
    if (where.length) text += `\nat ${where.join(', ')}`;
  }
  if (d.hint) text += `\nhelp: ${d.hint}`;
  const p = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${COMMAND[d.severity]} ${p}::${escapeData(text)}`;
}

/** A diagnostic as a plain log line, for those past the annotation cap. */
export function plainLine(d: Diagnostic, base: PathBase): string {
  const loc = locationText(d, base);
  let s = `${d.severity}[${d.ruleId}]: ${d.message}`;
  if (loc !== undefined) s = `${loc}: ${s}`;
  if (d.hint) s += ` (help: ${d.hint})`;
  return `kruisec: ${oneLine(s)}`;
}

export function formatGithub(diags: readonly Diagnostic[], ctx: FormatContext): string {
  const all = orderedBySeverity(diags, ctx);
  const c = countBySeverity(diags);
  const overflowing = c.errors > ANNOTATIONS_PER_SEVERITY || c.warnings > ANNOTATIONS_PER_SEVERITY ||
    c.infos > ANNOTATIONS_PER_SEVERITY;
  // The overflow notice needs one of the notice slots.
  const cap: Record<Severity, number> = {
    error: ANNOTATIONS_PER_SEVERITY,
    warning: ANNOTATIONS_PER_SEVERITY,
    info: overflowing ? ANNOTATIONS_PER_SEVERITY - 1 : ANNOTATIONS_PER_SEVERITY,
  };
  const used: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const lines: string[] = [];
  const rest: Diagnostic[] = [];
  for (const d of all) {
    if (used[d.severity] < cap[d.severity]) {
      used[d.severity]++;
      lines.push(annotation(d, ctx));
    } else rest.push(d);
  }
  if (rest.length) {
    for (const d of rest) lines.push(plainLine(d, ctx));
    lines.push(`::notice title=${escapeProperty('kruisec: more findings')}::${escapeData(
      `${countsText(countBySeverity(rest))} not annotated: GitHub shows ${ANNOTATIONS_PER_SEVERITY} annotations per severity ` +
      'per step. All are listed in the job log; the sarif and markdown formats report them in full.')}`);
  }
  lines.push(`kruisec: ${summaryText(c, ctx.summary)}`);
  return lines.join('\n') + '\n';
}
