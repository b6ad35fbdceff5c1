// kubectl as the judge of what a manifest file means: `kubectl label --local -f FILE -o json
// z=1` reads a file offline through the same resource builder as `kubectl apply -f` (document
// splitting, go-yaml v2, JSON conversion, List unwrapping) and prints each object it read.
//
// Starting kubectl costs ~0.1 s, so files are read many per call, with a marker file between
// them: the objects printed between two markers are one file's, and kubectl names the file in
// every error it reports. Calls run two at a time.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonStream } from '../../src/load/yaml/json.js';

export interface OracleReading {
  /** The objects kubectl read from the file (before an error, if any), as JSON values. */
  objects: unknown[];
  /** kubectl's error for the file, if any. */
  error?: string;
}

/** Whether kubectl is on this machine. */
export function kubectlAvailable(): boolean {
  const r = spawnSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  return r.status === 0;
}

const MARKER = 'kruisec-oracle-marker';
const BATCH = 120;

/** kubectl's reading of each file (absolute paths with unique names) in `dir`. */
export async function kubectlRead(dir: string, files: string[]): Promise<Map<string, OracleReading>> {
  const marker = join(dir, `${MARKER}.yaml`);
  writeFileSync(marker, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${MARKER}\n`);
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const out = new Map<string, OracleReading>();
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      for (const [f, r] of await readBatch(batch, marker)) out.set(f, r);
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}

async function readBatch(files: string[], marker: string): Promise<Map<string, OracleReading>> {
  const args = ['label', '--local', '-o', 'json'];
  for (const f of files) args.push('-f', f, '-f', marker);
  args.push('z=1');
  const { stdout, stderr } = await run(args);
  const stream = readJsonStream(stdout);
  if (stream.error) throw new Error(`kubectl printed what is not JSON: ${stream.error.message}`);
  // One group of objects per file, each closed by the marker.
  const groups: unknown[][] = [[]];
  for (const d of stream.documents) {
    const meta = (d.value as { metadata?: { name?: unknown } }).metadata;
    if (meta?.name === MARKER) groups.push([]);
    else groups[groups.length - 1].push(d.value);
  }
  if (groups.length !== files.length + 1) throw new Error(`kubectl printed ${groups.length - 1} markers for ${files.length} files`);
  const result = new Map<string, OracleReading>();
  const errorLines = stderr.split('\n').filter((l) => l.trim() !== '');
  const claimed = new Set<string>();
  files.forEach((f, i) => {
    const name = f.slice(f.lastIndexOf('/') + 1);
    const mine = errorLines.filter((l) => l.includes(name));
    mine.forEach((l) => claimed.add(l));
    result.set(f, { objects: groups[i], error: mine.length > 0 ? mine.join('\n') : undefined });
  });
  const stray = errorLines.filter((l) => !claimed.has(l) && !/^error: (error parsing|unable to decode)?\s*$/.test(l));
  if (stray.length > 0 && files.length > 1) {
    // An error that names no file: read these files one at a time.
    const one = new Map<string, OracleReading>();
    for (const f of files) for (const [k, v] of await readBatch([f], marker)) one.set(k, v);
    return one;
  }
  if (stray.length > 0) result.set(files[0], { ...result.get(files[0])!, error: stray.join('\n') });
  return result;
}

function run(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn('kubectl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on('data', (b: Buffer) => out.push(b));
    p.stderr.on('data', (b: Buffer) => err.push(b));
    p.on('error', reject);
    p.on('close', () => resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** A value as canonical JSON text: keys sorted, integers with all their digits. */
export function canonical(v: unknown): string {
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** What `kubectl label ... z=1` prints for an object read as `obj`: labels gain z=1 (labels
 *  with a null value are dropped, as its typed label map does). */
export function labelled(obj: unknown): unknown {
  const o = structuredClone(obj) as { metadata?: Record<string, unknown> | null };
  const meta = (o.metadata ??= {});
  const labels = (meta.labels ?? {}) as Record<string, unknown>;
  meta.labels = { ...Object.fromEntries(Object.entries(labels).filter(([, v]) => v !== null)), z: '1' };
  return o;
}
