// Compiler-style text, the default format:
//
//   apps/cart.yaml:12:13: error[schema-type]: replicas must be an integer
//    11 |   selector:
//    12 |   replicas: "3"
//       |             ^^^
//    13 |   template:
//     = help: write replicas as a number
//
//   1 error, 0 warnings in 3 files
//
// `endCol` is taken as exclusive (the column after the last character, as in SARIF).
import type { Diagnostic, Severity } from '../diagnostic.js';
import type { FormatContext } from './types.js';
import {
  countBySeverity, dottedPath, escapeWorkflowCommands, fileOf, locationText, ordered, summaryText,
} from './shared.js';

const ESC = '\u001b[';
const RESET = `${ESC}0m`;
const STYLE = {
  bold: '1',
  error: '1;31',
  warning: '1;33',
  info: '1;36',
  gutter: '34',
  help: '1;36',
  dim: '2',
} as const;
type Style = keyof typeof STYLE;

/** Longest source line shown whole; longer lines are windowed around the column. */
export const MAX_FRAME_WIDTH = 120;

export function formatText(diags: readonly Diagnostic[], ctx: FormatContext): string {
  const paint = (style: Style, s: string) => (ctx.color && s ? `${ESC}${STYLE[style]}m${s}${RESET}` : s);
  const lines = sourceLines(ctx);
  const blocks = ordered(diags, ctx).map((d) => formatOne(d, ctx, lines, paint));
  const c = countBySeverity(diags);
  const summaryStyle: Style = c.errors ? 'error' : c.warnings ? 'warning' : 'bold';
  blocks.push(paint(summaryStyle, summaryText(c, ctx.summary)) + '\n');
  // A manifest's text that would start a line with `::` gets a backslash before it.
  return escapeWorkflowCommands(blocks.join('\n'), '\\:');
}

type Paint = (style: Style, s: string) => string;

/** Source lines per file, read and split once however many diagnostics point into it. */
type Lines = (file: string) => string[] | undefined;

function sourceLines(ctx: FormatContext): Lines {
  const cache = new Map<string, string[] | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      let src: string | undefined;
      try {
        src = ctx.source(file);
      } catch {
        src = undefined; // no frame rather than no report
      }
      cache.set(file, src === undefined ? undefined : clean(src).split(/\r\n|\r|\n/));
    }
    return cache.get(file);
  };
}

/** Control characters from manifests (an ESC could restyle or rewrite the terminal) are shown
 *  as U+FFFD, one column wide so carets stay aligned. Tabs and line breaks are kept. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

function clean(s: string): string {
  return s.replace(CONTROL, '\uFFFD');
}

function formatOne(raw: Diagnostic, ctx: FormatContext, lines: Lines, paint: Paint): string {
  const d: Diagnostic = {
    ...raw,
    message: clean(raw.message),
    ...(raw.hint !== undefined ? { hint: clean(raw.hint) } : {}),
    ...(raw.subject !== undefined ? { subject: clean(raw.subject) } : {}),
  };
  const sev: Severity = d.severity;
  const at = locationText(d, ctx);
  const loc = at === undefined ? undefined : clean(at);
  const head = `${paint(sev, `${sev}[${d.ruleId}]`)}${paint('bold', `: ${indentRest(d.message, 2)}`)}`;
  const out = [loc !== undefined ? `${paint('bold', `${loc}:`)} ${head}` : head];

  const frame = codeFrame(d, lines, paint);
  if (frame) out.push(...frame);
  else {
    // No source to show: say where inside the file, as far as we know.
    const where: string[] = [];
    if (d.subject) where.push(d.subject);
    if (d.origin && d.line === undefined && d.origin.doc > 0) where.push(`document ${d.origin.doc + 1}`);
    if (d.path && d.path.length) where.push(`field ${dottedPath(d.path)}`);
    if (where.length) out.push(`  ${paint('gutter', '=')} ${paint('bold', 'at')}: ${where.join(', ')}`);
  }
  if (d.hint) out.push(`  ${paint('gutter', '=')} ${paint('help', 'help')}: ${indentRest(d.hint, 4)}`);
  return out.join('\n') + '\n';
}

/** Continuation lines of a multi-line message line up under the first. */
function indentRest(s: string, n: number): string {
  return s.replace(/\r\n|\r|\n/g, '\n' + ' '.repeat(n));
}

/** The offending line with one line of context either side and a caret underline. */
export function codeFrame(d: Diagnostic, source: Lines, paint: Paint = (_s, x) => x): string[] | undefined {
  const file = fileOf(d);
  if (file === undefined || d.line === undefined || d.line < 1) return undefined;
  const lines = source(file);
  if (lines === undefined) return undefined;
  const n = d.line;
  if (n > lines.length) return undefined;
  const text = lines[n - 1];

  // Underline from col to endCol (exclusive) on one line, to the end of the line when the
  // range spans lines, else a single caret. Clamped to the line.
  const col = Math.max(1, Math.min(d.col ?? firstNonBlank(text), text.length + 1));
  let width = 1;
  if (d.endLine !== undefined && d.endLine > n) width = Math.max(1, text.length + 1 - col);
  else if (d.endCol !== undefined && d.endCol > col) width = d.endCol - col;
  width = Math.max(1, Math.min(width, text.length + 1 - col));

  // Window long lines around the column, the same window for every line of the frame.
  let start = 0;
  if (text.length > MAX_FRAME_WIDTH) start = Math.max(0, Math.min(col - 1 - 40, text.length - MAX_FRAME_WIDTH));
  const cut = (s: string) => {
    if (s.length <= MAX_FRAME_WIDTH && start === 0) return s;
    const body = s.slice(start, start + MAX_FRAME_WIDTH);
    return (start > 0 ? '…' : '') + body + (s.length > start + MAX_FRAME_WIDTH ? '…' : '');
  };

  const first = Math.max(1, n - 1);
  const last = Math.min(lines.length, n + 1);
  const gw = String(last).length;
  const gutter = (label: string) => paint('gutter', `${label.padStart(gw + 1)} |`);
  const out: string[] = [];
  for (let i = first; i <= last; i++) {
    const l = cut(lines[i - 1]);
    out.push(l ? `${gutter(String(i))} ${l}` : gutter(String(i)));
    if (i === n) {
      // Keep tabs in the prefix so the caret lines up however the terminal expands them.
      const before = text.slice(start, col - 1).replace(/[^\t]/g, ' ');
      const lead = start > 0 ? ' ' : '';
      const w = Math.max(1, Math.min(width, MAX_FRAME_WIDTH - (col - 1 - start)));
      out.push(`${gutter('')} ${lead}${before}${paint(d.severity, '^'.repeat(w))}`);
    }
  }
  return out;
}

function firstNonBlank(s: string): number {
  const m = /\S/.exec(s);
  return m ? m.index + 1 : 1;
}
