// kruisec.yaml is found the same way for folders, files, several paths and globs.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from './index.js';
import { findConfig } from './find-config.js';
import { main } from '../cli/main.js';

const REPO = join(import.meta.dirname, 'testdata', 'discovery');

describe('findConfig', () => {
  it.each([
    [['.'], 'kruisec.yaml'],
    [['namespaces', 'apps/shop'], 'kruisec.yaml'],
    [['apps/shop/web.yaml'], 'kruisec.yaml'],
    [['apps/**/*.yaml'], 'kruisec.yaml'],
    [['apps/*/web.yaml', 'namespaces/shop.yaml'], 'kruisec.yaml'],
    [['apps/other'], 'apps/other/kruisec.yaml'],
    [['apps/other/*.yaml'], 'apps/other/kruisec.yaml'],
    [['apps/other/job.yaml', 'apps/shop/web.yaml'], 'kruisec.yaml'],
  ])('%j reads %s', (inputs, file) => {
    expect(findConfig(inputs, REPO).file).toBe(file);
  });

  it('finds the same file from another working directory', () => {
    expect(findConfig(['discovery/apps/**/*.yaml'], join(REPO, '..')).file).toBe('discovery/kruisec.yaml');
  });

  it('looks no higher than the working directory', () => {
    const r = findConfig(['.'], join(REPO, 'apps', 'shop'));
    expect(r).toEqual({ searched: ['kruisec.yaml'] });
  });

  it('reads nothing for standard input alone', () => {
    expect(findConfig(['-'], REPO)).toEqual({ searched: [] });
  });

  it('is what load reads, and --config wins', async () => {
    const glob = await load(['apps/shop/*.yaml'], { cwd: REPO });
    expect([glob.facts.kruiseNamespace, glob.config.how]).toEqual(['kruise-root', 'found']);
    const given = await load(['apps/shop/*.yaml'], { cwd: REPO, configFile: 'apps/other/kruisec.yaml' });
    expect([given.facts.kruiseNamespace, given.config]).toEqual(['kruise-other', { file: 'apps/other/kruisec.yaml', how: 'flag', searched: [] }]);
  });
});

describe('--verbose', () => {
  async function stderr(...argv: string[]) {
    let err = '';
    await main(['validate', '--verbose', ...argv], { out: () => {}, err: (s) => { err += s; }, cwd: REPO });
    return err;
  }

  it('says which kruisec.yaml was read, and why', async () => {
    expect(await stderr('apps/**/*.yaml')).toBe('kruisec: cluster facts from kruisec.yaml (the first kruisec.yaml from the folder holding every input up)\n');
    expect(await stderr('-c', 'apps/other/kruisec.yaml', 'apps/shop')).toBe('kruisec: cluster facts from apps/other/kruisec.yaml (--config)\n');
  });

  it('says where it looked when there is none', async () => {
    let err = '';
    await main(['validate', '--verbose', 'web.yaml'], { out: () => {}, err: (s) => { err += s; }, cwd: join(REPO, 'apps', 'shop') });
    expect(err).toBe("kruisec: no kruisec.yaml (looked for kruisec.yaml); Kruise's defaults and the flags hold\n");
  });
});
