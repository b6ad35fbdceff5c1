// The only place that maps a format name to code. A format is one function from the whole
// list of diagnostics to the text to print (they sort, count and cap, so they need all of
// them); the Formatter the CLI feeds collects them for it, as kubeconform's Output does with
// Write and Flush. A new format is one file beside this one (with its test) and one entry here.
import type { Diagnostic } from '../diagnostic.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';
import type { FormatContext, FormatName, Formatter } from './types.js';

export type { FormatContext, FormatName, Formatter } from './types.js';

type Format = (diags: readonly Diagnostic[], ctx: FormatContext) => string;

const FORMATS: Record<FormatName, Format> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  markdown: formatMarkdown,
};

/** Format names in a fixed order, for `--format` help and validation. */
export const FORMAT_NAMES: readonly FormatName[] = Object.keys(FORMATS) as FormatName[];

export function isFormatName(s: string): s is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMATS, s);
}

export function createFormatter(name: FormatName, ctx: FormatContext): Formatter {
  const format = FORMATS[name];
  if (!format) throw new Error(`unknown output format "${String(name)}" (expected one of ${FORMAT_NAMES.join(', ')})`);
  const diags: Diagnostic[] = [];
  return { add: (d) => { diags.push(d); }, flush: () => format(diags, ctx) };
}
