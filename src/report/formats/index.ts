// The only place that maps a format name to code. A format is one function from the whole
// list of diagnostics to the text to print (they sort, count and cap, so they need all of
// them); the Formatter the CLI feeds collects them for it, as kubeconform's Output does with
// Write and Flush. A new format is one file beside this one (with its test) and one entry here.
import type { Diagnostic } from '../diagnostic.js';
import type { FormatContext, FormatName, Formatter } from './types.js';

export type { FormatContext, FormatName, Formatter } from './types.js';

type Format = (diags: readonly Diagnostic[], ctx: FormatContext) => string;

// Each format's code is imported when a run asks for it: a run prints one format, and SARIF
// alone pulls in the whole rule catalogue.
const FORMATS: Record<FormatName, () => Promise<Format>> = {
  text: async () => (await import('./text.js')).formatText,
  json: async () => (await import('./json.js')).formatJson,
  sarif: async () => (await import('./sarif.js')).formatSarif,
  github: async () => (await import('./github.js')).formatGithub,
  junit: async () => (await import('./junit.js')).formatJunit,
  markdown: async () => (await import('./markdown.js')).formatMarkdown,
};

/** Format names in a fixed order, for `--format` help and validation. */
export const FORMAT_NAMES: readonly FormatName[] = Object.keys(FORMATS) as FormatName[];

export function isFormatName(s: string): s is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMATS, s);
}

export async function createFormatter(name: FormatName, ctx: FormatContext): Promise<Formatter> {
  if (!isFormatName(name)) throw new Error(`unknown output format "${String(name)}" (expected one of ${FORMAT_NAMES.join(', ')})`);
  const format = await FORMATS[name]();
  const diags: Diagnostic[] = [];
  return { add: (d) => { diags.push(d); }, flush: () => format(diags, ctx) };
}
