// The rendered diff: base and head resource sets (as render left them) in, what changes per
// workload out, as text, Markdown or JSON. Pure: the CLI and the GitHub Action render both
// sides and print or post what this returns.
import type { DiffResult } from './types.js';
import { diffToJson } from './json.js';
import { diffToMarkdown, type DiffMarkdownOptions } from './markdown.js';
import { diffToText } from './text.js';

export { diffResources } from './compute.js';
export { DIFF_JSON_VERSION } from './json.js';
export type { DiffResult, FieldChange, ImageChange, ObjectDiff, WorkloadDiff } from './types.js';
export type { DiffMarkdownOptions } from './markdown.js';

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffFormatOptions extends DiffMarkdownOptions {
  /** text only: ANSI colours. */
  color?: boolean;
}

export function formatDiff(r: DiffResult, format: DiffFormat, opts: DiffFormatOptions = {}): string {
  switch (format) {
    case 'text': return diffToText(r, opts);
    case 'markdown': return diffToMarkdown(r, opts);
    case 'json': return diffToJson(r);
  }
}
