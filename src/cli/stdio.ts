// The CLI's standard output and error, written with write(2) on the descriptor as a C tool
// writes them. Node's process.stdout is a stream object built on first use, and building it
// loads node:stream (node:net for a pipe): about 2% of a small render into a pipe, where
// Argo CD and CI read it. A run prints whole texts, so it needs no stream's buffering.
import { writeSync } from 'node:fs';

/** Writes to `fd` now, in full. A descriptor that refuses for the moment (EAGAIN: a pipe
 *  another process left non-blocking) gets the rest, and everything after, through `stream()`,
 *  which queues what the reader has not taken yet; a reader that went away (EPIPE) calls
 *  `gone`. */
export function descriptorWriter(
  fd: number,
  stream: () => NodeJS.WritableStream,
  gone: () => void,
  write: (fd: number, bytes: Uint8Array, offset: number) => number = writeSync,
): (text: string | Uint8Array) => void {
  let queued: NodeJS.WritableStream | undefined;
  return (text) => {
    if (queued) {
      queued.write(text);
      return;
    }
    const bytes = typeof text === 'string' ? Buffer.from(text) : text;
    let done = 0;
    try {
      while (done < bytes.length) done += write(fd, bytes, done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return gone();
      if (code !== 'EAGAIN') throw e;
      queued = stream();
      queued.write(bytes.subarray(done));
    }
  };
}
