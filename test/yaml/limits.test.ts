// Hostile input gets a clear, positioned error and exit 1, never a hang or a crash: the alias
// bomb go-yaml stops with "excessive aliasing", nesting deeper than kruisec's limit, and a
// document too large for the API server. The inputs are generated here, real files on disk,
// read through the CLI as a user would. (No timings are asserted: vitest's timeout is what
// catches a hang.)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { MAX_FILE_BYTES } from '../../src/load/text.js';
import { MAX_DEPTH, MAX_DOCUMENT_BYTES } from '../../src/load/yaml/index.js';

async function kruisec(files: Record<string, string | Buffer>, ...argv: string[]) {
  const cwd = mkdtempSync(join(tmpdir(), 'kruisec-limits-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text);
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => { out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8'); }, err: (s) => { err += s; }, cwd });
  return { code, out, err };
}

const HEAD = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n';

/** `levels` anchors, each a list of nine aliases of the one before: about 500 bytes for nine
 *  levels, 9^9 (387 million) values once expanded. */
function aliasBomb(levels: number): string {
  let s = `${HEAD}spec:\n  a0: &a0 [lol]\n`;
  for (let i = 1; i <= levels; i++) s += `  a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]\n`;
  return s;
}

function expectLimit(r: { code: number; out: string; err: string }, file: string, what: RegExp): void {
  expect(r.code).toBe(1);
  const text = r.out + r.err;
  expect(text).toMatch(new RegExp(`${file}:\\d+:\\d+: error\\[yaml-limit\\]`));
  expect(text).toMatch(what);
  expect(text).not.toMatch(/internal error|\n\s+at .*:\d+:\d+\)/);
}

describe('resource limits', () => {
  it('stops an alias bomb with go-yaml\'s excessive-aliasing rule, in validate and render', async () => {
    const bomb = aliasBomb(9);
    expect(bomb.length).toBeLessThan(600);
    for (const command of ['validate', 'render']) {
      const r = await kruisec({ 'bomb.yaml': bomb }, command, 'bomb.yaml');
      expectLimit(r, 'bomb\\.yaml', /excessive aliasing/);
      expect(r.out + r.err).toMatch(/bomb\.yaml:(1[0-4]):\d+/); // in the aliases, not at the top
    }
  }, 60_000);

  it('reads modest aliasing as kubectl does', async () => {
    const r = await kruisec({ 'fan.yaml': aliasBomb(3) }, 'render', 'fan.yaml');
    expect(r.code).toBe(0);
    expect(r.out).toContain('- - - - lol');
  }, 60_000);

  it('refuses nesting deeper than the limit: block, flow, JSON, and through aliases', async () => {
    const deep = 5000;
    const block = HEAD + 'spec:\n' + Array.from({ length: deep }, (_, i) => `${'  '.repeat(i + 1)}a:\n`).join('') + `${'  '.repeat(deep + 1)}x\n`;
    const flow = `${HEAD}spec: ${'['.repeat(deep)}x${']'.repeat(deep)}\n`;
    const json = `{"apiVersion": "v1", "kind": "Widget", "metadata": {"name": "j"}, "spec": ${'['.repeat(deep)}1${']'.repeat(deep)}}`;
    // Each anchor nests the one before 300 levels deeper: written shallow, expanded deep.
    let aliases = `${HEAD}spec:\n  a0: &a0 x\n`;
    for (let i = 1; i <= 5; i++) aliases += `  a${i}: &a${i} ${'['.repeat(300)}*a${i - 1}${']'.repeat(300)}\n`;
    const r = await kruisec({ 'block.yaml': block, 'flow.yaml': flow, 'j.yaml': json, 'alias.yaml': aliases }, 'validate', '.');
    for (const f of ['block', 'flow', 'j', 'alias']) expectLimit(r, `${f}\\.yaml`, /nest deeper than 1000 levels/);
    expect(MAX_DEPTH).toBe(1000);
  }, 60_000);

  it('reads and renders nesting up to the limit without running out of stack', async () => {
    const deep = MAX_DEPTH - 10;
    const flow = `${HEAD}spec: ${'['.repeat(deep)}x${']'.repeat(deep)}\n`;
    const r = await kruisec({ 'deep.yaml': flow }, 'render', 'deep.yaml');
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${'- '.repeat(deep)}x`);
  }, 60_000);

  it('refuses a document larger than the API server accepts, a 10 MB plain scalar among them', async () => {
    const big = `${HEAD}data:\n  blob: ${'x'.repeat(10 * 1024 * 1024)}\n`;
    const r = await kruisec({ 'big.yaml': big, 'ok.yaml': `${HEAD.replace('name: w', 'name: ok')}` }, 'validate', '.');
    expectLimit(r, 'big\\.yaml', /larger than 3 MiB/);
    expect(MAX_DOCUMENT_BYTES).toBe(3 * 1024 * 1024);
  }, 60_000);

  it('refuses a file over 64 MiB without reading it, and bytes that are not UTF-8 at their place', async () => {
    const huge = Buffer.alloc(MAX_FILE_BYTES + 1, 0x20);
    const latin1 = Buffer.from(`${HEAD}data:\n  word: caf\xe9\n`, 'latin1');
    const r = await kruisec({ 'huge.yaml': huge, 'latin1.yaml': latin1 }, 'validate', '.');
    expectLimit(r, 'huge\\.yaml', /over kruisec's 64 MiB per file/);
    expect(r.out).toMatch(/latin1\.yaml:6:12: error\[yaml-syntax\]: YAML syntax error: byte 0xE9 is not UTF-8/);
  }, 60_000);

  it('renders a large scalar under the limit', async () => {
    const value = 'x'.repeat(2_500_000);
    const r = await kruisec({ 'large.yaml': `${HEAD}data:\n  blob: ${value}\n  text: |\n${`    ${'line of text '.repeat(8)}\n`.repeat(3000)}` }, 'render', 'large.yaml');
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`blob: ${value}\n`);
  }, 60_000);
});
