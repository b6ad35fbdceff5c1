// `--explain`: what render decided for each pod, workload or UnitedDeployment, and why.
//
//   CloneSet shop/cart (apps/cart.yaml)
//     ✓ logtail     injected — selector app=cart matches the pod labels
//     ✗ mesh-proxy  skipped — namespace shop does not match namespaceSelector …
//
//   UnitedDeployment shop/ud (apps/ud.yaml)
//     ITEM      OUTCOME                REASON
//     subset-a  replicas=3 partition=1  …
//
// Entries are ordered by file and document so the output does not depend on the order files
// were read in; inside a document, and for the lines of an entry, render's own order is kept:
// it is meaningful (a UnitedDeployment before its subsets, SidecarSet injection order).
import type { ExplainEntry, ExplainLine } from '../api/explain.js';
import { compareStrings } from '../util/compare.js';

export const EXPLAIN_FORMAT_VERSION = 1;

export function formatExplain(entries: ExplainEntry[], format: 'text' | 'json'): string {
  const sorted = sortEntries(entries);
  return format === 'json' ? explainJson(sorted) : explainText(sorted);
}

const TOPIC_RANK: Record<ExplainEntry['topic'], number> = { uniteddeployment: 0, sidecarset: 1, pod: 2 };

/** By file, document and List item; inside one document, objects in the order render first
 *  reported them (a UnitedDeployment before the subset workloads made from it), and for one
 *  object its UnitedDeployment split before its SidecarSet decisions. */
function sortEntries(entries: readonly ExplainEntry[]): ExplainEntry[] {
  const index = new Map(entries.map((e, i) => [e, i]));
  const firstSeen = new Map<string, number>();
  entries.forEach((e, i) => {
    const k = subjectKey(e);
    if (!firstSeen.has(k)) firstSeen.set(k, i);
  });
  return [...entries].sort((a, b) =>
    compareStrings(a.origin?.file ?? '\uffff', b.origin?.file ?? '\uffff') ||
    (a.origin?.doc ?? 0) - (b.origin?.doc ?? 0) ||
    (a.origin?.item ?? 0) - (b.origin?.item ?? 0) ||
    (a.origin ? 0 : compareStrings(a.subject, b.subject)) ||
    firstSeen.get(subjectKey(a))! - firstSeen.get(subjectKey(b))! ||
    TOPIC_RANK[a.topic] - TOPIC_RANK[b.topic] ||
    index.get(a)! - index.get(b)!);
}

function subjectKey(e: ExplainEntry): string {
  return `${e.origin?.file ?? ''}\u0000${e.origin?.doc ?? ''}\u0000${e.origin?.item ?? ''}\u0000${e.subject}`;
}

// ---- json ------------------------------------------------------------------------------

function explainJson(entries: readonly ExplainEntry[]): string {
  const doc = {
    version: EXPLAIN_FORMAT_VERSION,
    entries: entries.map((e) => ({
      subject: e.subject,
      topic: e.topic,
      file: e.origin?.file ?? null,
      doc: e.origin?.doc ?? null,
      lines: e.lines.map((l) => ({ item: l.item, outcome: l.outcome, reason: l.reason })),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

// ---- text ------------------------------------------------------------------------------

function explainText(entries: readonly ExplainEntry[]): string {
  if (!entries.length) return 'nothing to explain: no SidecarSet injection, UnitedDeployment subsets or Kruise pod decisions in the input\n';
  // Entries about one object (a UnitedDeployment's split and its SidecarSet note) share a heading.
  const blocks: string[][] = [];
  let last: ExplainEntry | undefined;
  for (const e of entries) {
    const body = e.lines.length ? (e.topic === 'uniteddeployment' ? table(e.lines) : verdicts(e.lines)) : ['  (no decisions)'];
    if (last && subjectKey(last) === subjectKey(e)) blocks[blocks.length - 1].push(...body);
    else blocks.push([title(e), ...body]);
    last = e;
  }
  return blocks.map((b) => b.join('\n') + '\n').join('\n');
}

function title(e: ExplainEntry): string {
  return flat(e.subject) + (e.origin?.file !== undefined ? ` (${flat(e.origin.file)})` : '');
}

/** Outcomes that mean "did not happen"; everything else gets a tick. */
const NEGATIVE = /^(skip|not[\s-]|no[\s-]|reject|conflict|fail|error|ignor|exclud|block|invalid|denied|forbid)/i;

export function isNegativeOutcome(outcome: string): boolean {
  return NEGATIVE.test(outcome.trim());
}

/** One line per item: `  ✓ logtail  injected — reason`, items padded to one width. */
function verdicts(lines: readonly ExplainLine[]): string[] {
  const w = Math.max(...lines.map((l) => width(flat(l.item))));
  return lines.map((l) => {
    const mark = isNegativeOutcome(l.outcome) ? '✗' : '✓';
    const reason = l.reason ? ` — ${flat(l.reason)}` : '';
    return `  ${mark} ${pad(flat(l.item), w)}  ${flat(l.outcome)}${reason}`;
  });
}

/** A small aligned table: ITEM, OUTCOME, REASON. */
function table(lines: readonly ExplainLine[]): string[] {
  const rows = [['ITEM', 'OUTCOME', 'REASON'], ...lines.map((l) => [flat(l.item), flat(l.outcome), flat(l.reason)])];
  const w0 = Math.max(...rows.map((r) => width(r[0])));
  const w1 = Math.max(...rows.map((r) => width(r[1])));
  return rows.map((r) => `  ${pad(r[0], w0)}  ${pad(r[1], w1)}  ${r[2]}`.trimEnd());
}

/** Explain output is line-based: a line break inside a value would break alignment. Other
 *  control characters (an ESC from a manifest could drive the terminal) become U+FFFD. */
function flat(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '\uFFFD');
}

/** Display width, counting astral characters once. */
function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}
