// A file's bytes -> the text the reader gets. Bytes that are not UTF-8 (a file saved as
// Latin-1) reach kubectl as U+FFFD, the replacement character: the text applied is not the
// text written. kruisec refuses them, at the first bad byte. A file over MAX_FILE_BYTES is not
// read at all.
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../report/diagnostic.js';
import { report } from '../report/catalogue/rule.js';
import { yamlLimit, yamlSyntax } from '../report/catalogue/load.js';
import { lineStarts, positionOf } from './lines.js';

/** The largest file kruisec reads: far above any repository's manifest file or rendered
 *  stream, and below what would make reading it a problem of its own. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function tooLarge(file: string, bytes: number): Diagnostic {
  return { ...report(yamlLimit, { reason: `the file is ${(bytes / 1024 / 1024).toFixed(0)} MiB, over kruisec's ${MAX_FILE_BYTES / 1024 / 1024} MiB per file` }), file, line: 1, col: 1 };
}

/** The text of `bytes`, or why it is refused (the text is then only for showing the place). */
export function decodeText(file: string, bytes: Buffer): { text: string; refused?: Diagnostic } {
  if (bytes.length > MAX_FILE_BYTES) return { text: '', refused: tooLarge(file, bytes.length) };
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return { text };
  const bad = firstInvalidByte(bytes);
  const before = bytes.subarray(0, bad).toString('utf8');
  const d = report(yamlSyntax, { reason: `byte 0x${bytes[bad].toString(16).toUpperCase().padStart(2, '0')} is not UTF-8: kubectl would apply U+FFFD (the replacement character) in its place; save the file as UTF-8` });
  return { text, refused: { ...d, file, ...positionOf(lineStarts(before), before.length) } };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(b: Buffer): number {
  for (let i = 0; i < b.length;) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0 || !isUtf8(b.subarray(i, i + n))) return i;
    i += n;
  }
  return b.length;
}
