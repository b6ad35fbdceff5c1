// Plan output formats. Pure: the CLI writes `files` (relative paths) atomically and prints
// `stdout`.
import type { PlanResult } from '../types.js';
import { planToArgoCd } from './argocd.js';
import { planToDir } from './dir.js';
import { planToJson } from './json.js';
import { planToMarkdown } from './markdown.js';

export type PlanFormat = 'json' | 'argocd' | 'markdown' | 'dir';

export function formatPlan(result: PlanResult, format: PlanFormat): { stdout?: string; files?: Record<string, string> } {
  switch (format) {
    case 'json': return { stdout: planToJson(result) };
    case 'markdown': return { stdout: planToMarkdown(result) };
    case 'dir': return { files: planToDir(result) };
    case 'argocd': return planToArgoCd(result);
  }
}
