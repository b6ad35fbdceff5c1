// `kruisec diff` as text: a counts line, then per workload a header, its image changes and
// the unified diff of each object, coloured like `git diff --color` when asked.
import { countsText, imageText } from './summary.js';
import type { DiffResult } from './types.js';

const ESC = '\u001b[';
const RESET = `${ESC}0m`;
const STYLE = { header: '1', file: '1', hunk: '36', del: '31', add: '32' } as const;

export function diffToText(r: DiffResult, opts: { color?: boolean } = {}): string {
  const paint = (style: keyof typeof STYLE, s: string) => (opts.color && s ? `${ESC}${STYLE[style]}m${s}${RESET}` : s);
  const out = [`kruisec diff: ${countsText(r)}`];
  for (const w of r.workloads) {
    out.push('', paint('header', `=== ${w.display}`));
    for (const c of w.images) out.push(`image ${imageText(c)}`);
    if (w.sidecarSets.length) out.push(`injected by changed SidecarSet${w.sidecarSets.length === 1 ? '' : 's'}: ${w.sidecarSets.join(', ')}`);
    if (w.affects.length) out.push(`changes the pods of: ${w.affects.join(', ')}`);
    for (const o of w.objects) {
      for (const line of o.patch.replace(/\n$/, '').split('\n')) out.push(paintPatchLine(line, paint));
    }
  }
  return out.join('\n') + '\n';
}

function paintPatchLine(line: string, paint: (s: keyof typeof STYLE, t: string) => string): string {
  if (line.startsWith('--- ') || line.startsWith('+++ ')) return paint('file', line);
  if (line.startsWith('@@')) return paint('hunk', line);
  if (line.startsWith('-')) return paint('del', line);
  if (line.startsWith('+')) return paint('add', line);
  return line;
}
