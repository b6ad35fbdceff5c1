// GitHub-flavoured Markdown for PR comments and job summaries: a marker for sticky-comment
// actions, a heading, the counts, and a table (severity, location, rule, message), errors
// first. A PR comment body may hold 65,536 characters; the whole text stays under
// MARKDOWN_LIMIT, rows past it are replaced by one overflow line. Manifest text is escaped so
// it cannot add markup, HTML or @-mentions to the comment.
import type { Diagnostic, Severity } from '../diagnostic.js';
import type { FormatContext } from './types.js';
import { countBySeverity, countsText, dottedPath, locationText, orderedBySeverity, plural, summaryText } from './shared.js';

export const MARKDOWN_LIMIT = 60_000;
/** Hidden marker that sticky-comment actions can find and update. */
export const MARKDOWN_MARKER = '<!-- kruisec:report -->';

/** Room kept for the overflow line (it is about 250 characters). */
const OVERFLOW_RESERVE = 400;

const BADGE: Record<Severity, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };

/** Escape text for a table cell: Markdown punctuation, HTML, pipes, line breaks, mentions. */
export function escapeCell(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1')
    .replace(/@/g, '@&#8203;')
    .replace(/\r\n|\r|\n/g, '<br>');
}

export function formatMarkdown(diags: readonly Diagnostic[], ctx: FormatContext): string {
  const c = countBySeverity(diags);
  const head = [MARKDOWN_MARKER, '### kruisec', ''];
  if (!diags.length) {
    head.push(`✅ ${capitalise(summaryText(c, ctx.summary))}.`);
    return head.join('\n') + '\n';
  }
  head.push(`${c.errors ? '❌' : c.warnings ? '⚠️' : 'ℹ️'} ${summaryText(c, ctx.summary)}`, '',
    '| Severity | Location | Rule | Message |', '| --- | --- | --- | --- |');

  const all = orderedBySeverity(diags, ctx);
  let text = head.join('\n') + '\n';
  let shown = 0;
  for (const d of all) {
    const row = tableRow(d, ctx) + '\n';
    // Keep room for the overflow line whenever rows remain after this one.
    const reserve = shown + 1 < all.length ? OVERFLOW_RESERVE : 0;
    if (text.length + row.length + reserve > MARKDOWN_LIMIT) break;
    text += row;
    shown++;
  }
  if (shown < all.length) text += '\n' + overflowLine(all.slice(shown)) + '\n';
  return text;
}

function tableRow(d: Diagnostic, ctx: FormatContext): string {
  const loc = locationText(d, ctx);
  const where = [loc !== undefined ? escapeCell(loc) : '', d.subject ? escapeCell(d.subject) : '']
    .filter(Boolean).join('<br>');
  let msg = escapeCell(d.message);
  if (d.path && d.path.length && d.line === undefined) msg += `<br>field ${escapeCell(dottedPath(d.path))}`;
  if (d.hint) msg += `<br>*help: ${escapeCell(d.hint)}*`;
  return `| ${BADGE[d.severity]} | ${where || '—'} | \`${d.ruleId.replace(/`/g, '')}\` | ${msg} |`;
}

function overflowLine(rest: readonly Diagnostic[]): string {
  return `… and ${plural(rest.length, 'more finding')} not shown (${countsText(countBySeverity(rest))}): the comment is capped at ` +
    `${String(MARKDOWN_LIMIT).replace(/\B(?=(\d{3})+$)/g, ',')} characters. See the job log or the SARIF report for all of them.`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
