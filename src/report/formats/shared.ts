// Helpers every output format shares: ordering, counting, paths and field paths.
// Formats only present diagnostics; nothing here decides what is wrong.
import * as path from 'node:path';
import type { FieldPath } from '../../api/resource.js';
import type { Diagnostic, Severity } from '../diagnostic.js';
import type { Summary } from './types.js';
import { compareStrings } from '../../util/compare.js';

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countBySeverity(diags: readonly Diagnostic[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diags) {
    if (d.severity === 'error') c.errors++;
    else if (d.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  return c;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `2 errors, 1 info`: the severities that occur, for lines about what was left out. */
export function countsText(c: Counts): string {
  const parts: string[] = [];
  if (c.errors) parts.push(plural(c.errors, 'error'));
  if (c.warnings) parts.push(plural(c.warnings, 'warning'));
  if (c.infos) parts.push(`${c.infos} info`);
  return parts.join(', ');
}

/** `2 errors, 1 warning in 3 files`; `no problems in 3 files` when clean. Infos are counted
 *  only when there are some, so the common line stays short. */
export function summaryText(c: Counts, summary?: Summary): string {
  const parts: string[] = [];
  if (c.errors || c.warnings || c.infos) {
    parts.push(plural(c.errors, 'error'), plural(c.warnings, 'warning'));
    if (c.infos) parts.push(`${c.infos} info`);
  }
  const head = parts.length ? parts.join(', ') : 'no problems';
  if (!summary) return head;
  const u = summary.unchecked;
  const unchecked = u && u.objects > 0 ? `; ${plural(u.objects, 'object')} of ${plural(u.kinds, 'kind')} not checked` : '';
  return `${head} in ${plural(summary.files, 'file')}${unchecked}`;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function severityRank(s: Severity): number {
  return RANK[s] ?? 3;
}

/** Deterministic order whatever order diagnostics were added in (does not mutate): by the
 *  path as shown (so absolute and relative spellings of one file sort together), document,
 *  position, rule id, then every other field, so that no two distinct diagnostics tie.
 *  Diagnostics without a file come first. Same keys as sortDiagnostics, plus tie-breakers. */
export function ordered(diags: readonly Diagnostic[], base: PathBase): Diagnostic[] {
  const keyed = diags.map((d) => {
    const f = fileOf(d);
    return { d, file: f === undefined ? '' : displayPath(f, base), ptr: d.path ? toPointer(d.path) : '' };
  });
  keyed.sort((a, b) =>
    compareStrings(a.file, b.file) ||
    (a.d.origin?.doc ?? 0) - (b.d.origin?.doc ?? 0) ||
    (a.d.line ?? 0) - (b.d.line ?? 0) ||
    (a.d.col ?? 0) - (b.d.col ?? 0) ||
    compareStrings(a.d.ruleId, b.d.ruleId) ||
    compareStrings(a.d.message, b.d.message) ||
    severityRank(a.d.severity) - severityRank(b.d.severity) ||
    (a.d.origin?.item ?? 0) - (b.d.origin?.item ?? 0) ||
    compareStrings(a.ptr, b.ptr) ||
    compareStrings(a.d.subject ?? '', b.d.subject ?? '') ||
    (a.d.endLine ?? 0) - (b.d.endLine ?? 0) ||
    (a.d.endCol ?? 0) - (b.d.endCol ?? 0) ||
    compareStrings(a.d.hint ?? '', b.d.hint ?? '') ||
    compareStrings(a.d.file ?? '', b.d.file ?? ''));
  return keyed.map((k) => k.d);
}

/** Errors first, then warnings, then infos; the usual order inside each. For formats that
 *  may cut the list short (GitHub annotations, Markdown), so the worst survive the cut. */
export function orderedBySeverity(diags: readonly Diagnostic[], base: PathBase): Diagnostic[] {
  const sorted = ordered(diags, base);
  const index = new Map(sorted.map((d, i) => [d, i]));
  return sorted.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || index.get(a)! - index.get(b)!);
}

/** The file a diagnostic is about: the resolved one, else the origin's. */
export function fileOf(d: Diagnostic): string | undefined {
  return d.file ?? d.origin?.file;
}

/** Pseudo file names (`-`, `<stdin>`) that are not paths on disk. */
export function isPseudoFile(file: string): boolean {
  return file === '-' || (file.startsWith('<') && file.endsWith('>'));
}

/** Where paths are relative to: `cwd` is the directory relative file names are relative to,
 *  `root` the one output paths are made relative to (defaults to `cwd`). A bare string is
 *  both. A FormatContext is a PathBase. */
export type PathBase = string | { cwd: string; root?: string };

/** A path as users and CI tools want it: relative to the root when it is inside it, forward
 *  slashes, no leading `./`. Paths outside the root stay absolute, except relative names
 *  (`../x.yaml`) when the root is the working directory, which stay as written. */
export function displayPath(file: string, base: PathBase): string {
  if (isPseudoFile(file)) return file;
  const cwd = typeof base === 'string' ? base : base.cwd;
  const root = typeof base === 'string' ? base : base.root ?? base.cwd;
  let p: string;
  if (path.isAbsolute(file) || path.resolve(root) !== path.resolve(cwd)) {
    const abs = path.resolve(cwd, file);
    const rel = path.relative(root, abs);
    p = rel && rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel) ? rel : abs;
  } else {
    p = path.normalize(file);
  }
  return p.split(path.sep).join('/').replace(/\\/g, '/');
}

/** RFC 6901 JSON pointer: `['spec','containers',0,'image']` -> `/spec/containers/0/image`. */
export function toPointer(p: FieldPath): string {
  return p.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Human form: `spec.containers[0].image`; keys that are not identifiers are quoted. */
export function dottedPath(p: FieldPath): string {
  let out = '';
  for (const s of p) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** `file:line:col`, as much of it as is known; undefined without a file. */
export function locationText(d: Diagnostic, base: PathBase): string | undefined {
  const file = fileOf(d);
  if (file === undefined) return undefined;
  let s = displayPath(file, base);
  if (d.line !== undefined) {
    s += `:${d.line}`;
    if (d.col !== undefined) s += `:${d.col}`;
  }
  return s;
}

/** A one-line form of text that may contain line breaks (for single-line outputs). */
export function oneLine(s: string): string {
  return s.replace(/\r\n|\r|\n/g, ' ');
}

/** A GitHub Actions runner reads any log line that starts with `::` (after leading white
 *  space) as a workflow command: `::error`, `::add-mask`, `::stop-commands`. Text from a
 *  manifest (a kind, a file name with a line break) must never start such a line; `escape`
 *  says what its first colon becomes. Lines kruisec writes never start with `::` themselves,
 *  except the github format's own commands, which escape their data instead. */
export function escapeWorkflowCommands(text: string, escape: string): string {
  return text.replace(/(^|[\n\r\u2028\u2029\u0085])([\s\u200B]*)::/g, (_m, br: string, ws: string) => `${br}${ws}${escape}:`);
}
