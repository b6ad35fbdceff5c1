// The committed Action bundle, run as the runner runs it: `node dist/index.js` from a copy of
// the repository without node_modules (a `uses:` step does no `npm ci`), inputs as INPUT_*
// variables, the event in GITHUB_EVENT_PATH, outputs and summary in their files, and the
// GitHub API played by a local server. The workspace is a git repository whose HEAD is a merge
// of the pull request into its base, as actions/checkout leaves it on `pull_request`.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../github-api/server.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MARKER = '<!-- kruisec:comment:kruisec -->';

let gh: FakeGitHub;
let action: string;
beforeAll(async () => {
  gh = await startFakeGitHub({ tokens: { 'write-token': 'write', 'read-token': 'read' } });
  // What the runner downloads for `uses: OWNER/kruisec@ref`: the repository's files, no node_modules.
  action = mkdtempSync(join(tmpdir(), 'kruisec-action-'));
  for (const f of ['action.yml', 'package.json', 'schemas/validators', 'integrations/github-action/dist/index.js']) {
    mkdirSync(join(action, f, '..'), { recursive: true });
    cpSync(join(ROOT, f), join(action, f), { recursive: true });
  }
});
afterAll(async () => {
  await gh.close();
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' }).trim();
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

/** A checkout of pull request #number: base commit on main, the change on a branch, HEAD the
 *  merge of the two. Returns the workspace and the event payload. */
function pullRequest(number: number, change: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'kruisec-ws-'));
  cpSync(join(ROOT, 'fixtures/example'), join(dir, 'deploy'), { recursive: true });
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', '-b', 'change');
  change(dir);
  git(dir, 'commit', '-q', '--allow-empty', '-am', 'change');
  const head = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', 'main');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'main moved on');
  git(dir, 'merge', '-q', '--no-ff', '-m', `Merge ${head} into main`, 'change');
  // GitHub's merge commit has the base tip as its first parent; the event may name an older base.
  return { dir, event: { pull_request: { number, base: { sha: base }, head: { sha: head } } } };
}

async function runAction(workspace: string, event: object, inputs: Record<string, string>) {
  const temp = mkdtempSync(join(tmpdir(), 'kruisec-runner-'));
  const files = { event: join(temp, 'event.json'), output: join(temp, 'output'), summary: join(temp, 'summary.md') };
  writeFileSync(files.event, JSON.stringify(event));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? temp,
    GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'acme/platform', GITHUB_API_URL: gh.url, GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42', GITHUB_SHA: git(workspace, 'rev-parse', 'HEAD'), GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: temp, GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary,
  };
  for (const [k, v] of Object.entries({ paths: 'deploy', 'github-token': 'write-token', ...inputs })) env[`INPUT_${k.toUpperCase()}`] = v;
  // Asynchronously: the API server answers from this very process.
  const child = spawn(process.execPath, [join(action, 'integrations/github-action/dist/index.js')], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '', stderr = '';
  child.stdout.on('data', (c: Buffer) => { stdout += c.toString('utf8'); });
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  return { code, stdout, stderr, outputs: parseOutputs(readFileSync(files.output, 'utf8')), summary: readFileSync(files.summary, 'utf8') };
}

/** GITHUB_OUTPUT as @actions/core writes it: `name<<DELIMITER`, the value, `DELIMITER`. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([^]*?)\n\2$/gm;
  for (let m; (m = re.exec(text));) out[m[1]] = m[3];
  return out;
}

const IMAGE = ['deploy/apps/shop/checkout.yaml', 'checkout:3.2.0', 'checkout:3.3.0'] as const;

describe('the GitHub Action', () => {
  it('posts the diff as one sticky comment, validation on top, and updates it on the next push', async () => {
    const pr = pullRequest(7, (dir) => edit(join(dir, IMAGE[0]), IMAGE[1], IMAGE[2]));
    const first = await runAction(pr.dir, pr.event, {});
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({ 'exit-code': '0', changed: 'true', 'comment-id': expect.stringMatching(/^\d+$/) });
    const [comment] = gh.comments.get(7)!;
    expect(comment.body.startsWith(`${MARKER}\n\n### kruisec\n\n✅ No problems in `)).toBe(true);
    expect(comment.body).toContain('### kruisec diff: 1 workload changes (4 objects: 4 changed); 12 objects unchanged');
    expect(comment.body).toContain('<code>app: registry.example.com/shop/checkout:3.2.0 → registry.example.com/shop/checkout:3.3.0</code>');
    expect(comment.body.indexOf('No problems')).toBeLessThan(comment.body.indexOf('kruisec diff'));
    expect(first.summary).toContain('<details><summary><b>UnitedDeployment shop/checkout</b>');
    expect(JSON.parse(readFileSync(first.outputs['output-file'], 'utf8')).counts.changed).toBe(4);
    expect(readFileSync(first.outputs['comment-file'], 'utf8')).toBe(comment.body);
    expect(readFileSync(join(first.outputs['comment-dir'], 'pr-number'), 'utf8')).toBe('7\n');

    // Another push to the pull request: the same comment, edited.
    edit(join(pr.dir, IMAGE[0]), IMAGE[2], 'checkout:3.4.0');
    git(pr.dir, 'commit', '-q', '--amend', '-am', 'change again');
    const second = await runAction(pr.dir, pr.event, {});
    expect(second.code).toBe(0);
    expect(gh.comments.get(7)).toHaveLength(1);
    expect(gh.comments.get(7)![0].id).toBe(comment.id);
    expect(gh.comments.get(7)![0].body).toContain('checkout:3.2.0 → registry.example.com/shop/checkout:3.4.0');
    expect(second.outputs['comment-id']).toBe(String(comment.id));
  });

  it('a read-only token (a fork) warns and still passes; the body is saved for a workflow_run job', async () => {
    const pr = pullRequest(8, (dir) => edit(join(dir, IMAGE[0]), IMAGE[1], IMAGE[2]));
    const r = await runAction(pr.dir, pr.event, { 'github-token': 'read-token' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^::warning title=kruisec::kruisec: the pull-request comment was not posted: the token may not write to this pull request \(403\)/m);
    expect(gh.comments.get(8)).toBeUndefined();

    // The privileged workflow_run job posts what the fork's run saved, for that pull request only.
    const saved = r.outputs['comment-file'];
    gh.pulls.set(8, { head: { sha: 'a'.repeat(40) }, base: { sha: 'b'.repeat(40) } });
    const wrongRun = await runAction(pr.dir, { workflow_run: { head_sha: 'c'.repeat(40) } }, { command: 'comment', 'comment-file': saved });
    expect(wrongRun.code).toBe(0);
    expect(wrongRun.stdout).toContain('is not the one this workflow run checked');
    expect(gh.comments.get(8)).toBeUndefined();
    const post = await runAction(pr.dir, { workflow_run: { head_sha: 'a'.repeat(40) } }, { command: 'comment', 'comment-file': saved });
    expect(post.code).toBe(0);
    expect(gh.comments.get(8)!.map((c) => c.body)).toEqual([readFileSync(saved, 'utf8')]);
  });

  it('invalid manifests: annotations, the errors in the comment, no diff, exit 1', async () => {
    const pr = pullRequest(9, (dir) => edit(join(dir, 'deploy/apps/shop/storefront.yaml'), 'replicas: 6', 'replicas: six'));
    const r = await runAction(pr.dir, pr.event, {});
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error title=kruisec [a-z-]+,file=deploy\/apps\/shop\/storefront\.yaml,line=\d+/m);
    expect(r.outputs['exit-code']).toBe('1');
    const body = gh.comments.get(9)![0].body;
    expect(body).toContain('❌ 1 error');
    expect(body).toContain('_The diff was not computed: the head has errors (listed above)._');
  });

  it('usage errors are one line and exit 2', async () => {
    const pr = pullRequest(10, () => {});
    const r = await runAction(pr.dir, pr.event, { command: 'deploy' });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('::error::kruisec: input command must be diff, validate, render, plan, comment, not "deploy"');
    const ref = await runAction(pr.dir, pr.event, { 'base-ref': 'no-such-ref' });
    expect(ref.code).toBe(2);
    expect(ref.stdout).toMatch(/^::error::kruisec: --base-ref no-such-ref: not a git revision here/m);
    expect(ref.outputs['exit-code']).toBe('2');
  });
});
