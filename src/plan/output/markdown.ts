// `--output markdown`: a PR-comment summary, one table row per workload per stage.
import type { PlanResult } from '../types.js';
import { gateText } from './gate.js';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function planToMarkdown(result: PlanResult): string {
  const out = [`### kruisec plan: ${result.stages.length} stage${result.stages.length === 1 ? '' : 's'}`, ''];
  out.push('| Stage | Workload | Updated | Old | Mode | Gate after | Note |', '|---|---|---:|---:|---|---|---|');
  for (const s of result.stages) {
    const gate = gateText(s.gate);
    if (s.preview.length === 0) out.push(`| ${s.index + 1} | – | – | – | – | ${cell(gate)} | |`);
    for (const p of s.preview) {
      const n = (x: number) => (x < 0 ? '?' : String(x));
      out.push(`| ${s.index + 1} | ${cell(p.workload)} | ${n(p.updated)} | ${n(p.old)} | ${p.mode} | ${cell(gate)} | ${cell(p.note ?? '')} |`);
    }
  }
  const errors = result.diagnostics.filter((d) => d.severity !== 'info');
  if (errors.length) {
    out.push('', '**Findings**', '');
    for (const d of errors) out.push(`- ${d.severity} \`${d.ruleId}\`: ${d.message}`);
  }
  out.push('');
  return out.join('\n');
}
