// How a gate reads in summaries.
import type { Gate } from '../types.js';

export function gateText(g: Gate): string {
  switch (g.type) {
    case 'pause': return `pause ${g.seconds}s after ready`;
    case 'approval': return 'manual approval';
    default: return 'none (final)';
  }
}
