// The GitHub Action (action.yml `runs.main`, bundled into ../dist/index.js by ../build.mjs).
//
// Every command first validates: annotations on the pull request, the results on top of the
// job summary and the comment. Then:
//   diff (default)  render the pull request's base and head, diff them per workload, post the
//                   diff as one sticky comment (updated in place on every push) and put the
//                   whole of it in the job summary;
//   plan            the staged rollout plan, as JSON (output-file) and Markdown (summary, comment);
//   render          the rendered stream (output-file);
//   validate        nothing more;
//   comment         post a comment body written by an earlier run (the workflow_run pattern
//                   for forks, docs/github-action.md).
// Exit code: 0 ok, 1 input invalid (the step fails), 2 usage or environment error.
import * as core from '@actions/core';
import * as github from '@actions/github';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { computeDiff } from '../../../src/cli/diff.js';
import { UsageError } from '../../../src/cli/options.js';
import { VERSION } from '../../../src/cli/version.js';
import { InputError } from '../../../src/load/discover.js';
import { formatDiff } from '../../../src/report/diff/index.js';
import type { JsonReport } from '../../../src/report/formats/json.js';
import { annotate } from './annotations.js';
import { COMMENT_LIMIT, compose, roomFor, SUMMARY_LIMIT, withoutReportMarker } from './body.js';
import { commentMarker, upsertComment, type CommentTarget } from './comment.js';
import { BaseNotFound, pullRequestBase } from './git-base.js';
import { InputProblem, readInputs, type Inputs } from './inputs.js';
import { kruisec } from './kruisec.js';

/** An environment or usage problem: the step fails with exit code 2 and this one line. */
class Stop extends Error {}

interface Sections {
  /** For the comment and the summary, each within its own limit. */
  comment: string;
  summary: string;
}

export async function run(): Promise<void> {
  let code = 0;
  try {
    const inputs = readInputs();
    if (inputs.command === 'comment') {
      await postSavedComment(inputs);
      return;
    }
    code = await check(inputs);
  } catch (e) {
    code = 2;
    const known = e instanceof Stop || e instanceof InputProblem || e instanceof BaseNotFound || e instanceof UsageError || e instanceof InputError;
    core.setFailed(known ? `kruisec: ${(e as Error).message}` : `kruisec: internal error: ${(e as Error)?.stack ?? String(e)}`);
  }
  core.setOutput('exit-code', code);
  if (code === 1) core.setFailed('kruisec: the manifests have errors (see the annotations and the job summary)');
  process.exitCode = code;
}

async function check(inputs: Inputs): Promise<number> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const cwd = resolve(workspace, inputs.workingDirectory);
  const out = join(process.env.RUNNER_TEMP || join(workspace, '..'), 'kruisec');
  mkdirSync(out, { recursive: true });
  const common = ['--fail-on', inputs.failOn, ...(inputs.strict ? ['--strict'] : []), ...(inputs.config ? ['--config', inputs.config] : [])];

  // 1. Validation: annotations from the JSON report, the Markdown table for people.
  const json = await kruisec(['validate', ...inputs.paths, '--format', 'json', ...common], cwd);
  if (json.code === 2) throw new Stop(json.err.trim().replace(/^kruisec: /, '') || 'kruisec could not run');
  annotate(JSON.parse(json.out) as JsonReport, { cwd, workspace });
  const validation = withoutReportMarker((await kruisec(['validate', ...inputs.paths, '--format', 'markdown', ...common], cwd)).out);
  let code = json.code;

  if (inputs.sarifFile) {
    const sarif = await kruisec(['validate', ...inputs.paths, '--format', 'sarif', ...common], cwd);
    const file = resolve(cwd, inputs.sarifFile);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, sarif.out);
    core.setOutput('sarif-file', file);
  }

  // 2. The command's own result.
  const target = pullRequest(inputs);
  const marker = commentMarker(inputs.commentKey);
  const footer = footerText();
  let sections: Sections = { comment: '', summary: '' };
  if (inputs.command === 'diff') {
    const base = inputs.base ? { base: inputs.base } : inputs.baseRef ? { baseRef: inputs.baseRef } : target ? { baseRef: pullRequestBase(github.context.payload.pull_request?.base?.sha, cwd) } : undefined;
    if (!base) {
      core.notice('kruisec: no base to diff against (not a pull request, and neither base nor base-ref is set): validated only', { title: 'kruisec' });
    } else if (code !== 0) {
      sections = same('_The diff was not computed: the head has errors (listed above)._');
    } else {
      const diff = await computeDiff(inputs.paths, { format: 'text', failOn: inputs.failOn, strict: inputs.strict, config: inputs.config || undefined, ...base }, cwd);
      code = Math.max(code, diff.code);
      if (diff.baseErrors) core.warning(`kruisec: the base has ${diff.baseErrors} error(s); the objects it rejects show as added`, { title: 'kruisec' });
      if (diff.result) {
        const file = join(out, 'diff.json');
        writeFileSync(file, formatDiff(diff.result, 'json'));
        core.setOutput('output-file', file);
        core.setOutput('changed', diff.result.workloads.length > 0);
        sections = {
          comment: formatDiff(diff.result, 'markdown', { maxChars: roomFor([marker, validation, footer], COMMENT_LIMIT), more: `The whole diff is in the [job summary](${runUrl()}).` }),
          summary: formatDiff(diff.result, 'markdown', { maxChars: roomFor([validation], SUMMARY_LIMIT), more: 'Run `kruisec diff` locally for the whole diff.' }),
        };
      }
    }
  } else if (inputs.command === 'plan') {
    const baseArgs = inputs.base ? ['--base', inputs.base] : inputs.baseRef ? ['--base-ref', inputs.baseRef] : target ? ['--base-ref', pullRequestBase(github.context.payload.pull_request?.base?.sha, cwd)] : [];
    const planJson = await kruisec(['plan', ...inputs.paths, ...common, ...baseArgs, '--output', 'json'], cwd);
    code = Math.max(code, planJson.code);
    if (planJson.code === 0) {
      const file = join(out, 'plan.json');
      writeFileSync(file, planJson.out);
      core.setOutput('output-file', file);
      sections = same((await kruisec(['plan', ...inputs.paths, ...common, ...baseArgs, '--output', 'markdown'], cwd)).out);
    }
  } else if (inputs.command === 'render') {
    const file = join(out, 'rendered.yaml');
    const rendered = await kruisec(['render', ...inputs.paths, ...common, '--out', file], cwd);
    code = Math.max(code, rendered.code);
    if (rendered.code === 0) core.setOutput('output-file', file);
  }

  // 3. Job summary, comment.
  const note = `… cut here: this text is capped at ${COMMENT_LIMIT.toString().replace(/\B(?=(\d{3})+$)/g, ',')} characters.`;
  if (inputs.summary && process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(compose([validation, sections.summary], SUMMARY_LIMIT, note)).write();
  }
  const body = compose([marker, validation, sections.comment, footer], COMMENT_LIMIT, note);
  const commentFile = saveComment(out, body, target?.issueNumber);
  core.setOutput('comment-file', commentFile);
  core.setOutput('comment-dir', dirname(commentFile));
  if (inputs.comment && target) await post(inputs, target, marker, body);
  else if (inputs.comment) core.info('kruisec: not a pull request, so no comment (the job summary has the results)');
  return code;
}

/** The pull request to comment on: pr-number, or the event's. */
function pullRequest(inputs: Inputs): CommentTarget | undefined {
  const number = inputs.prNumber ?? (github.context.payload.pull_request?.number as number | undefined);
  if (!number) return undefined;
  return { ...github.context.repo, issueNumber: number };
}

async function post(inputs: Inputs, target: CommentTarget, marker: string, body: string): Promise<void> {
  if (!inputs.token) {
    core.warning('kruisec: no github-token, so the pull-request comment was not posted', { title: 'kruisec' });
    return;
  }
  const outcome = await upsertComment(github.getOctokit(inputs.token), target, marker, body);
  if (outcome.status === 'skipped') {
    core.warning(`kruisec: the pull-request comment was not posted: ${outcome.reason}`, { title: 'kruisec' });
    return;
  }
  core.info(`kruisec: pull-request comment ${outcome.status}: ${outcome.url}`);
  core.setOutput('comment-id', outcome.id);
  core.setOutput('comment-url', outcome.url);
}

/** comment.md and pr-number side by side, for a workflow_run job to post (the fork pattern). */
function saveComment(out: string, body: string, issueNumber: number | undefined): string {
  const dir = join(out, 'comment');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'comment.md'), body);
  if (issueNumber) writeFileSync(join(dir, 'pr-number'), `${issueNumber}\n`);
  return join(dir, 'comment.md');
}

/** `command: comment`: post what an earlier (untrusted) run wrote. The body is only text for
 *  the comment; the pull request it names must be the one this workflow_run ran for. */
async function postSavedComment(inputs: Inputs): Promise<void> {
  const file = resolve(process.env.GITHUB_WORKSPACE || process.cwd(), inputs.commentFile);
  const marker = commentMarker(inputs.commentKey);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Stop(`comment-file ${inputs.commentFile} cannot be read`);
  }
  let number = inputs.prNumber;
  if (number === undefined) {
    try {
      number = Number(/^\s*([1-9]\d{0,9})\s*$/.exec(readFileSync(join(dirname(file), 'pr-number'), 'utf8'))?.[1]) || undefined;
    } catch {
      number = undefined;
    }
  }
  if (!number) throw new Stop('no pull-request number: set pr-number, or keep the pr-number file beside comment-file');
  const body = compose([text.startsWith(marker) ? text : `${marker}\n${text}`], COMMENT_LIMIT, '… cut here: the comment is capped.');
  const target = { ...github.context.repo, issueNumber: number };
  const headSha = github.context.payload.workflow_run?.head_sha as string | undefined;
  if (headSha && inputs.token) {
    try {
      const { data } = await github.getOctokit(inputs.token).rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: number });
      if (data.head.sha !== headSha) {
        core.warning(`kruisec: pull request #${number} is not the one this workflow run checked (its head is not ${headSha.slice(0, 12)}); no comment`, { title: 'kruisec' });
        return;
      }
    } catch (e) {
      core.warning(`kruisec: pull request #${number} could not be read (${(e as Error).message}); no comment`, { title: 'kruisec' });
      return;
    }
  }
  await post(inputs, target, marker, body);
}

function same(text: string): Sections {
  return { comment: text, summary: text };
}

function footerText(): string {
  const sha = process.env.GITHUB_SHA;
  return `<sub>kruisec ${VERSION}${sha && /^[0-9a-f]{7,40}$/.test(sha) ? ` · <code>${sha.slice(0, 12)}</code>` : ''} · [run](${runUrl()})</sub>`;
}

function runUrl(): string {
  const { serverUrl, runId } = github.context;
  const repo = process.env.GITHUB_REPOSITORY ?? '';
  return `${serverUrl}/${repo}/actions/runs/${Number.isFinite(runId) ? runId : ''}`;
}

await run();
