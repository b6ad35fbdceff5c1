// SARIF 2.1.0 for GitHub code scanning (upload-sarif). One run; the driver lists every rule
// of the catalogue (sorted by id) so rule metadata is stable whatever was found. No
// timestamps, no absolute paths: the same input gives the same bytes on any machine.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Diagnostic, Severity } from '../diagnostic.js';
import { AREAS } from '../catalogue/index.js';
import type { FormatContext } from './types.js';
import { displayPath, fileOf, isPseudoFile, ordered, orderedBySeverity, toPointer } from './shared.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** Results per run GitHub code scanning accepts. */
export const SARIF_MAX_RESULTS = 25_000;

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

interface SarifRule {
  id: string;
  name?: string;
  shortDescription: { text: string };
  helpUri?: string;
  help?: { text: string; markdown: string };
  defaultConfiguration: { level: Level };
  properties: { tags: string[] };
}

interface CatalogueEntry {
  id: string;
  area: string;
  severity: Severity;
  description: string;
}

function catalogue(): CatalogueEntry[] {
  const out: CatalogueEntry[] = [];
  for (const [area, rules] of Object.entries(AREAS)) {
    for (const r of Object.values(rules)) out.push({ id: r.id, area, severity: r.severity, description: r.description });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** `cloneset-partition-too-large` -> `ClonesetPartitionTooLarge` (SARIF rule `name`). */
function pascal(id: string): string {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

function ruleMeta(e: CatalogueEntry, ctx: FormatContext): SarifRule {
  const desc = e.description.replace(/\.+$/, '');
  const doc = `docs/rules/${e.area}.md#${e.id}`;
  // helpUri must be absolute (SARIF 3.49.12); without a base URL, the help names the page.
  const helpUri = ctx.docsBaseUrl ? `${ctx.docsBaseUrl.replace(/\/?$/, '/')}${e.area}.md#${e.id}` : undefined;
  return {
    id: e.id,
    name: pascal(e.id),
    shortDescription: { text: e.description },
    ...(helpUri ? { helpUri } : {}),
    help: helpUri
      ? { text: `${desc}. See ${helpUri}`, markdown: `${desc}. See [${e.id}](${helpUri}).` }
      : { text: `${desc}. See ${doc} in the kruisec repository.`, markdown: `${desc}. See \`${doc}\` in the kruisec repository.` },
    defaultConfiguration: { level: LEVEL[e.severity] },
    properties: { tags: ['kruisec', e.area] },
  };
}

/** A URI reference for a path: repo-relative under %SRCROOT% when possible. */
function artifactLocation(file: string, base: FormatContext): { uri: string; uriBaseId?: string } {
  let p = displayPath(file, base);
  // Relative but outside the root: not under %SRCROOT%, so absolute.
  if (p === '..' || p.startsWith('../')) p = path.resolve(base.cwd, p).split(path.sep).join('/');
  const encode = (s: string) => s.split('/').map((seg) => encodeURIComponent(seg)).join('/');
  if (isPseudoFile(p)) return { uri: encodeURIComponent(p) };
  if (p.startsWith('/')) return { uri: 'file://' + encode(p) };
  if (/^[A-Za-z]:\//.test(p)) return { uri: 'file:///' + p.slice(0, 2) + encode(p.slice(2)) };
  return { uri: encode(p), uriBaseId: SRCROOT };
}

/** Stable across line moves: rule, file, document, field path and subject. */
function fingerprint(d: Diagnostic, base: FormatContext): string {
  const file = fileOf(d);
  const key = [d.ruleId, file === undefined ? '' : displayPath(file, base), String(d.origin?.doc ?? ''),
    d.path ? toPointer(d.path) : '', d.subject ?? ''].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

export function formatSarif(diags: readonly Diagnostic[], ctx: FormatContext): string {
  const entries = catalogue();
  const rules = entries.map((e) => ruleMeta(e, ctx));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // Ids outside the catalogue (should not happen) still get a rule entry, so every
  // result's ruleIndex resolves.
  // GitHub rejects runs of more than 25,000 results: keep the most severe.
  const all = ordered(diags, ctx);
  const sorted = all.length > SARIF_MAX_RESULTS
    ? ordered(orderedBySeverity(all, ctx).slice(0, SARIF_MAX_RESULTS), ctx)
    : all;
  for (const d of sorted) {
    if (!index.has(d.ruleId)) {
      index.set(d.ruleId, rules.length);
      rules.push({ id: d.ruleId, shortDescription: { text: d.ruleId }, defaultConfiguration: { level: LEVEL[d.severity] }, properties: { tags: ['kruisec'] } });
    }
  }

  // Occurrences of the same fingerprint are numbered so each result stays distinct.
  const seen = new Map<string, number>();
  const results = sorted.map((d) => {
    const file = fileOf(d);
    let text = d.message;
    if (d.hint) text += `\nHelp: ${d.hint}`;
    const result: Record<string, unknown> = {
      ruleId: d.ruleId,
      ruleIndex: index.get(d.ruleId),
      level: LEVEL[d.severity],
      message: { text },
    };
    if (file !== undefined) {
      const physicalLocation: Record<string, unknown> = { artifactLocation: artifactLocation(file, ctx) };
      if (d.line !== undefined && d.line >= 1) {
        const region: Record<string, number> = { startLine: d.line };
        if (d.col !== undefined && d.col >= 1) region.startColumn = d.col;
        if (d.endLine !== undefined && d.endLine >= d.line) region.endLine = d.endLine;
        if (d.endCol !== undefined && region.startColumn !== undefined &&
            (d.endLine === undefined || d.endLine > d.line || d.endCol >= d.col!)) region.endColumn = d.endCol;
        physicalLocation.region = region;
      }
      const location: Record<string, unknown> = { physicalLocation };
      if (d.subject) location.logicalLocations = [{ name: d.subject, kind: 'object' }];
      result.locations = [location];
    }
    const fp = fingerprint(d, ctx);
    const n = seen.get(fp) ?? 0;
    seen.set(fp, n + 1);
    result.partialFingerprints = { 'kruisecFinding/v1': `${fp}:${n}` };
    const props: Record<string, string> = {};
    if (d.path) props.fieldPath = toPointer(d.path);
    if (d.subject) props.subject = d.subject;
    if (Object.keys(props).length) result.properties = props;
    return result;
  });

  const driver: Record<string, unknown> = {
    name: 'kruisec',
    version: ctx.toolVersion,
  };
  if (/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/.test(ctx.toolVersion)) driver.semanticVersion = ctx.toolVersion;
  if (ctx.informationUri) driver.informationUri = ctx.informationUri;
  driver.rules = rules;

  const run: Record<string, unknown> = { tool: { driver } };
  if (sorted.length < all.length) {
    const left = all.length - sorted.length;
    run.invocations = [{
      executionSuccessful: true,
      toolExecutionNotifications: [{
        level: 'warning',
        message: { text: `${left} less severe results left out: code scanning accepts ${SARIF_MAX_RESULTS} results per run. The other formats list them all.` },
      }],
    }];
  }
  run.columnKind = 'utf16CodeUnits';
  run.results = results;
  const log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
  return JSON.stringify(log, null, 2) + '\n';
}
