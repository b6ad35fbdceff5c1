// What the Action writes for people: the pull-request comment and the job summary, each from
// the same sections (validation results on top, then the diff or the plan), each within its
// limit. GitHub refuses a comment over 65,536 characters and a step summary over 1 MiB.
export const COMMENT_LIMIT = 65_536;
/** Well under 1 MiB even where many characters take several bytes. */
export const SUMMARY_LIMIT = 800_000;

/** The validate Markdown starts with a marker of its own for other sticky-comment actions;
 *  inside our comment it is noise. */
export function withoutReportMarker(markdown: string): string {
  return markdown.replace(/^<!-- kruisec:report -->\n/, '');
}

/** The sections one after the other, cut at a whole line (with `note`) if they pass `limit`. */
export function compose(sections: readonly string[], limit: number, note: string): string {
  const text = sections.filter((s) => s.trim() !== '').map((s) => s.replace(/\n+$/, '')).join('\n\n') + '\n';
  if (text.length <= limit) return text;
  const room = limit - note.length - 4;
  const cut = text.lastIndexOf('\n', room);
  return `${text.slice(0, Math.max(0, cut))}\n\n${note}\n`;
}

/** What is left of `limit` for one more section after `fixed` ones, with room for the joins. */
export function roomFor(fixed: readonly string[], limit: number): number {
  return limit - fixed.reduce((n, s) => n + s.length + 2, 0) - 16;
}
