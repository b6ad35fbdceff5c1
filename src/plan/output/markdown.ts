// `--output markdown`: a pull-request comment. The workloads that change (with their images
// from -> to), then one table row per changing workload per stage, then the findings.
// Workloads that do not change are counted, not listed. Text taken from manifests is escaped
// so it cannot add markup or mentions. The whole text stays within MARKDOWN_LIMIT (GitHub
// rejects a comment over 65,536 characters): whole lines only, then a note on what was cut.
import { escapeCell, MARKDOWN_LIMIT } from '../../report/formats/markdown.js';
import type { PlanResult } from '../types.js';
import { gateText } from './gate.js';

/** Room kept for the note on what was cut. */
const NOTE_RESERVE = 400;

export function planToMarkdown(result: PlanResult, limit = MARKDOWN_LIMIT): string {
  const changing = new Set(result.changes.map((c) => c.workload));
  const planned = new Set(result.stages.flatMap((s) => s.preview.map((p) => p.workload)));
  const unchanged = [...planned].filter((w) => !changing.has(w)).length;
  const stages = result.stages.length;
  const out = [`### kruisec plan: ${stages} stage${stages === 1 ? '' : 's'}, ${result.changes.length} workload${result.changes.length === 1 ? '' : 's'} change${result.changes.length === 1 ? 's' : ''}`, ''];
  if (result.changes.length) {
    out.push('| Workload | Change | Images |', '| --- | --- | --- |');
    for (const c of result.changes) {
      const change = c.mode === c.change ? c.change : `${c.change}, ${c.mode}`;
      const images = c.images.map((i) => `${i.container}: ${i.from ?? '(none)'} → ${i.to ?? '(none)'}`).map(escapeCell).join('<br>');
      out.push(`| ${escapeCell(c.workload)} | ${escapeCell(change)} | ${images || '—'} |`);
    }
    out.push('', '| Stage | Workload | Updated | Old | Mode | Gate after | Note |', '|---|---|---:|---:|---|---|---|');
    for (const s of result.stages) {
      const gate = escapeCell(gateText(s.gate));
      const rows = s.preview.filter((p) => changing.has(p.workload));
      if (rows.length === 0) out.push(`| ${s.index + 1} | – | – | – | – | ${gate} | |`);
      for (const p of rows) {
        const n = (x: number) => (x < 0 ? '?' : String(x));
        out.push(`| ${s.index + 1} | ${escapeCell(p.workload)} | ${n(p.updated)} | ${n(p.old)} | ${escapeCell(p.mode)} | ${gate} | ${escapeCell(p.note ?? '')} |`);
      }
    }
  } else {
    out.push('No workload changes.');
  }
  if (unchanged) out.push('', `${unchanged} unchanged workload${unchanged === 1 ? ' is' : 's are'} not listed.`);
  const findings = result.diagnostics.filter((d) => d.severity !== 'info');
  if (findings.length) {
    out.push('', '**Findings**', '');
    for (const d of findings) out.push(`- ${d.severity} \`${d.ruleId.replace(/`/g, '')}\`: ${escapeCell(d.message)}`);
  }
  return fit(out, limit);
}

/** The lines joined, cut at a whole line when they would pass `limit`, with a note. */
function fit(lines: readonly string[], limit: number): string {
  let text = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] + '\n';
    if (text.length + line.length + (i + 1 < lines.length ? NOTE_RESERVE : 0) > limit) {
      const cut = `… ${lines.length - i} more line${lines.length - i === 1 ? '' : 's'} not shown: this plan is capped at ` +
        `${String(limit).replace(/\B(?=(\d{3})+$)/g, ',')} characters for a pull-request comment. \`kruisec plan --output json\` has all of it.\n`;
      return `${text}\n${cut}`;
    }
    text += line;
  }
  return text;
}
