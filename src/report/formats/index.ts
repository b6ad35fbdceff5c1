// The only place that maps a format name to code. A new format is one file beside this one
// (with its test) and one entry in FORMATS.
import type { FormatContext, FormatName, Formatter } from './types.js';
import { textFormatter } from './text.js';
import { jsonFormatter } from './json.js';
import { sarifFormatter } from './sarif.js';
import { githubFormatter } from './github.js';
import { junitFormatter } from './junit.js';
import { markdownFormatter } from './markdown.js';

export type { FormatContext, FormatName, Formatter } from './types.js';

const FORMATS: Record<FormatName, (ctx: FormatContext) => Formatter> = {
  text: textFormatter,
  json: jsonFormatter,
  sarif: sarifFormatter,
  github: githubFormatter,
  junit: junitFormatter,
  markdown: markdownFormatter,
};

/** Format names in a fixed order, for `--format` help and validation. */
export const FORMAT_NAMES: readonly FormatName[] = Object.keys(FORMATS) as FormatName[];

export function isFormatName(s: string): s is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMATS, s);
}

export function createFormatter(name: FormatName, ctx: FormatContext): Formatter {
  const make = FORMATS[name];
  if (!make) throw new Error(`unknown output format "${String(name)}" (expected one of ${FORMAT_NAMES.join(', ')})`);
  return make(ctx);
}
