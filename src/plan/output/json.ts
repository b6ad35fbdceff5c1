// `--output json`: {"stages":[{"index","resources":[objects],"gate","expect","preview"}]}, the
// shape the conformance runner reads. Key order is fixed by construction, so output is stable.
import type { PlanResult } from '../types.js';

export function planToJson(result: PlanResult): string {
  const stages = result.stages.map((s) => ({
    index: s.index,
    resources: s.resources.map((r) => r.obj),
    gate: s.gate,
    expect: s.expect,
    preview: s.preview,
  }));
  return `${JSON.stringify({ stages }, null, 2)}\n`;
}
