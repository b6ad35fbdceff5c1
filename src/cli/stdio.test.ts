import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { descriptorWriter } from './stdio.js';

const errno = (code: string) => Object.assign(new Error(code), { code });

describe('descriptorWriter', () => {
  it('writes text and bytes to the descriptor, in order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kruisec-stdio-'));
    try {
      const fd = openSync(join(dir, 'out'), 'w');
      const out = descriptorWriter(fd, () => { throw new Error('no stream needed'); }, () => {});
      out('kind: Pod\n');
      out(Buffer.from('name: é\n'));
      closeSync(fd);
      expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('kind: Pod\nname: é\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finishes a partial write, and hands the rest to the stream when the descriptor would block', () => {
    const written: string[] = [];
    let calls = 0;
    const write = (_fd: number, bytes: Uint8Array, offset: number) => {
      calls++;
      if (calls === 3) throw errno('EAGAIN');
      const n = Math.min(4, bytes.length - offset);
      written.push(Buffer.from(bytes.subarray(offset, offset + n)).toString());
      return n;
    };
    const queued = new PassThrough();
    let streams = 0;
    const out = descriptorWriter(1, () => { streams++; return queued; }, () => {}, write);
    out('abcdefghij');
    out('klm');
    expect(written).toEqual(['abcd', 'efgh']);
    expect(queued.read().toString()).toBe('ijklm');
    expect(streams).toBe(1);
  });

  it('calls gone when the reader went away, and throws other errors', () => {
    let gone = 0;
    descriptorWriter(1, () => new PassThrough(), () => { gone++; }, () => { throw errno('EPIPE'); })('x');
    expect(gone).toBe(1);
    expect(() => descriptorWriter(1, () => new PassThrough(), () => {}, () => { throw errno('EBADF'); })('x')).toThrow('EBADF');
  });
});
