// `kruisec diff` as GitHub-flavoured Markdown, for a pull-request comment or a job summary:
// the counts, a table of the workloads that change with their images from -> to, then one
// collapsed <details> per workload holding its object diffs. Everything taken from manifests
// is escaped (names and images as HTML code, diffs in a fence longer than any backtick run
// in them), so a manifest cannot add markup or mentions to the comment.
//
// With `maxChars` the text stays within that many characters (GitHub rejects a comment over
// 65,536): table rows first (in at most half of it), then whole workload diffs while they fit,
// then one line saying what was left out. A workload is never cut in half.
import { escapeCell } from '../formats/markdown.js';
import { countsText, fieldText, imageText, objectCounts } from './summary.js';
import type { DiffResult, ImageChange, WorkloadDiff } from './types.js';

export interface DiffMarkdownOptions {
  /** Upper bound on the length of the whole text; none when absent. */
  maxChars?: number;
  /** Said after the note on what was left out, e.g. where the whole diff is. */
  more?: string;
}

/** Room kept for the closing note whenever something may be left out. */
const NOTE_RESERVE = 600;
/** Images named in a <summary> line before "and N more". */
const SUMMARY_IMAGES = 2;

export function diffToMarkdown(r: DiffResult, opts: DiffMarkdownOptions = {}): string {
  const max = opts.maxChars ?? Infinity;
  let text = `### kruisec diff: ${countsText(r)}\n`;
  const n = r.workloads.length;
  if (!n) return text;

  text += '\n| Workload | Objects | Images |\n| --- | --- | --- |\n';
  // The table may fill half of the room: a SidecarSet that changes a thousand workloads should
  // still leave space for its own diff.
  const tableMax = max / 2;
  let listed = 0;
  for (const w of r.workloads) {
    const row = `| ${escapeCell(w.display)} | ${objectCounts(w)} | ${w.images.map((c) => imageHtml(c)).join('<br>') || '—'} |\n`;
    if (text.length + row.length + NOTE_RESERVE > tableMax) break;
    text += row;
    listed++;
  }
  let shown = 0;
  for (const w of r.workloads.slice(0, listed)) {
    const block = '\n' + details(w);
    if (text.length + block.length + NOTE_RESERVE > max) break;
    text += block;
    shown++;
  }
  if (shown < n) text += '\n' + note(n, listed, shown, max, opts.more) + '\n';
  return text;
}

function details(w: WorkloadDiff): string {
  const images = w.images.slice(0, SUMMARY_IMAGES).map((c) => imageHtml(c));
  if (w.images.length > SUMMARY_IMAGES) images.push(`and ${w.images.length - SUMMARY_IMAGES} more`);
  const summary = [`<b>${html(w.display)}</b>`, objectCounts(w), ...images].join(' · ');
  const out = [`<details><summary>${summary}</summary>`, ''];
  for (const c of w.images) out.push(`- image ${imageHtml(c)}`);
  if (w.sidecarSets.length) out.push(`- injected by changed SidecarSet ${w.sidecarSets.map(code).join(', ')}`);
  if (w.affects.length) out.push(`- changes the pods of ${w.affects.map(code).join(', ')}`);
  for (const o of w.objects) {
    for (const f of o.fields) out.push(`- ${code(o.display)}: ${code(fieldText(f))}`);
  }
  if (out.length > 2) out.push('');
  for (const o of w.objects) out.push(fenced('diff', o.patch), '');
  out.push('</details>', '');
  return out.join('\n');
}

function note(total: number, listed: number, shown: number, max: number, more?: string): string {
  const limit = String(max).replace(/\B(?=(\d{3})+$)/g, ',');
  const parts = [`… ${total - shown} of ${total} workload diffs not shown`];
  if (listed < total) parts[0] += ` (${total - listed} not listed in the table either)`;
  return `${parts[0]}: this text is capped at ${limit} characters.${more ? ` ${more}` : ''}`;
}

function imageHtml(c: ImageChange): string {
  return code(imageText(c));
}

/** Inline code as HTML: works inside <summary> and table cells, where Markdown code spans
 *  do not (or break on `|`). */
function code(s: string): string {
  return `<code>${html(s)}</code>`;
}

function html(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    .replace(/\|/g, '&#124;').replace(/@/g, '&#64;').replace(/\r\n|\r|\n/g, ' ');
}

/** A fenced code block whose fence no line of `body` can close. */
function fenced(lang: string, body: string): string {
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${body.replace(/\n$/, '')}\n${fence}`;
}
