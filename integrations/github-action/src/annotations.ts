// Diagnostics as annotations on the pull request, through @actions/core. GitHub shows at most
// 10 error and 10 warning annotations per step and drops the rest silently, so errors come
// first, each severity stops at that cap, the rest go to the log as plain lines, and one
// notice says how many were not annotated (the job summary lists them all).
import * as core from '@actions/core';
import { isAbsolute, relative, resolve } from 'node:path';
import type { JsonDiagnostic, JsonReport } from '../../../src/report/formats/json.js';
import { ANNOTATIONS_PER_SEVERITY } from '../../../src/report/formats/github.js';

export interface AnnotateContext {
  /** Where kruisec ran: diagnostic file names are relative to it. */
  cwd: string;
  /** The checkout (GITHUB_WORKSPACE): annotation paths must be relative to it. */
  workspace: string;
}

export function annotate(report: JsonReport, ctx: AnnotateContext): void {
  const shown = { error: 0, warning: 0 };
  const left = { error: 0, warning: 0 };
  const ordered = [...report.diagnostics].sort((a, b) => rank(a) - rank(b));
  for (const d of ordered) {
    if (d.severity === 'info') continue; // notes need --verbose; they are in the summary when asked for
    const sev = d.severity;
    if (shown[sev] < ANNOTATIONS_PER_SEVERITY) {
      shown[sev]++;
      const emit = sev === 'error' ? core.error : core.warning;
      emit(message(d), properties(d, ctx));
    } else {
      left[sev]++;
      core.info(`kruisec: ${sev}: ${where(d, ctx)}${message(d).replace(/\r?\n/g, ' ')}`);
    }
  }
  if (left.error || left.warning) {
    core.notice(`${left.error} more error(s) and ${left.warning} more warning(s) are not annotated (GitHub shows ${ANNOTATIONS_PER_SEVERITY} of each per step); ` +
      'they are in the log above and in the job summary.', { title: 'kruisec' });
  }
}

function rank(d: JsonDiagnostic): number {
  return d.severity === 'error' ? 0 : d.severity === 'warning' ? 1 : 2;
}

function message(d: JsonDiagnostic): string {
  let text = d.message;
  if (d.line === null) {
    const at = [d.subject, d.fieldPath ? `field ${d.fieldPath}` : null].filter(Boolean);
    if (at.length) text += `\nat ${at.join(', ')}`;
  }
  if (d.hint) text += `\nhelp: ${d.hint}`;
  return text;
}

/** The file relative to the checkout; none when it lies outside (stdin, a temporary base). */
function repoPath(d: JsonDiagnostic, ctx: AnnotateContext): string | undefined {
  if (d.file === null) return undefined;
  const rel = relative(ctx.workspace, resolve(ctx.cwd, d.file));
  return rel.startsWith('..') || isAbsolute(rel) ? undefined : rel.split('\\').join('/');
}

function properties(d: JsonDiagnostic, ctx: AnnotateContext): core.AnnotationProperties {
  const props: core.AnnotationProperties = { title: `kruisec ${d.ruleId}` };
  const file = repoPath(d, ctx);
  if (file === undefined) return props;
  props.file = file;
  if (d.line === null) return props;
  props.startLine = d.line;
  // An end before the start is dropped; the runner rejects columns on a range over several
  // lines (actions/runner#2082).
  const endLine = d.endLine !== null && d.endLine >= d.line ? d.endLine : undefined;
  if (endLine !== undefined) props.endLine = endLine;
  if ((endLine === undefined || endLine === d.line) && d.column !== null) {
    props.startColumn = d.column;
    if (d.endColumn !== null && d.endColumn >= d.column) props.endColumn = d.endColumn;
  }
  return props;
}

function where(d: JsonDiagnostic, ctx: AnnotateContext): string {
  const file = repoPath(d, ctx) ?? d.file;
  if (!file) return '';
  return `${file}${d.line !== null ? `:${d.line}${d.column !== null ? `:${d.column}` : ''}` : ''}: `;
}
