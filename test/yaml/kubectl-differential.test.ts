// kruisec against the real Go reader: every input of the corpus (kubectl-corpus.ts) is read by
// kubectl (kubectl-oracle.ts) and by kruisec's load phase. For each, kruisec's objects must be
// kubectl's, or kruisec must refuse the file; where kubectl refuses a file, kruisec must too.
// Then what render would write of each object (the YAML writer) must read back, in kubectl, as
// kubectl read the input: integers keep their digits, strings that look like numbers stay
// strings, odd characters survive.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpYamlStream } from '../../src/k8s/yaml-writer.js';
import { load } from '../../src/load/index.js';
import { kubectlCorpus } from './kubectl-corpus.js';
import { canonical, kubectlAvailable, kubectlRead, labelled, type OracleReading } from './kubectl-oracle.js';

const available = kubectlAvailable();
if (!available) console.warn('kubectl differential skipped: kubectl is not on PATH (it is on every CI machine)');

interface Case {
  name: string;
  text: string;
  file: string;
  kubectl: OracleReading;
  /** kruisec's objects as kubectl label would print them, or its errors. */
  objects: unknown[];
  errors: string[];
}

describe.skipIf(!available)('kubectl differential', () => {
  let dir: string;
  const cases: Case[] = [];
  const writtenBack = new Map<Case, OracleReading>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kruisec-kubectl-'));
    const corpus = kubectlCorpus();
    const files = corpus.map((c, i) => {
      const file = join(dir, `c${String(i).padStart(5, '0')}.yaml`);
      writeFileSync(file, c.text);
      return file;
    });
    const readings = await kubectlRead(dir, files);
    for (let i = 0; i < corpus.length; i++) {
      const r = await load([files[i]], { cwd: dir });
      // "No objects" is a verdict on the whole input, not a reading of this file.
      const errors = r.diagnostics.filter((d) => d.severity === 'error' && d.ruleId !== 'empty-input').map((d) => `${d.ruleId}: ${d.message}`);
      cases.push({ ...corpus[i], file: files[i], kubectl: readings.get(files[i])!, objects: r.resources.map((x) => x.obj), errors });
    }
    // Render's side: kruisec's objects written by the YAML writer, read by kubectl.
    const agreed = cases.filter((c) => c.errors.length === 0 && !c.kubectl.error && c.objects.length > 0);
    const outputs = agreed.map((c, i) => {
      const file = join(dir, `w${String(i).padStart(5, '0')}.yaml`);
      writeFileSync(file, dumpYamlStream(c.objects));
      return file;
    });
    const back = await kubectlRead(dir, outputs);
    agreed.forEach((c, i) => writtenBack.set(c, back.get(outputs[i])!));
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const show = (c: Case) => `${c.name}: ${JSON.stringify(c.text).slice(0, 160)}`;

  it('has at least 700 inputs and reports how they fared', () => {
    const agree = cases.filter((c) => c.errors.length === 0 && !c.kubectl.error).length;
    const kruisecRejects = cases.filter((c) => c.errors.length > 0 && !c.kubectl.error).length;
    const kubectlRejects = cases.filter((c) => c.kubectl.error).length;
    console.log(`kubectl differential: ${cases.length} inputs: ${agree} read alike, ${kruisecRejects} refused by kruisec only, ${kubectlRejects} refused by kubectl`);
    expect(cases.length).toBeGreaterThanOrEqual(700);
  });

  it('never accepts a file kubectl reads differently', () => {
    const differ = cases
      .filter((c) => c.errors.length === 0 && !c.kubectl.error)
      .filter((c) => c.objects.map((o) => canonical(labelled(o))).join('\n') !== c.kubectl.objects.map(canonical).join('\n'))
      .map((c) => `${show(c)}\n  kruisec: ${c.objects.map((o) => canonical(labelled(o))).join(' ')}\n  kubectl: ${c.kubectl.objects.map(canonical).join(' ')}`);
    expect(differ).toEqual([]);
  });

  it('refuses every file kubectl refuses', () => {
    const accepted = cases.filter((c) => c.kubectl.error && c.errors.length === 0).map((c) => `${show(c)}\n  kubectl: ${c.kubectl.error}`);
    expect(accepted).toEqual([]);
  });

  it('writes what it read so that kubectl reads it back the same', () => {
    const changed = [...writtenBack].filter(([c, back]) => back.error || back.objects.map(canonical).join('\n') !== c.kubectl.objects.map(canonical).join('\n'))
      .map(([c, back]) => `${show(c)}\n  read:    ${c.kubectl.objects.map(canonical).join(' ')}\n  written: ${back.error ?? back.objects.map(canonical).join(' ')}`);
    expect(changed).toEqual([]);
    expect(writtenBack.size).toBeGreaterThan(500);
  });
});
