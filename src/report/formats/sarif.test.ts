import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import type { Diagnostic } from '../diagnostic.js';
import { allRules } from '../catalogue/index.js';
import type { FormatContext } from './types.js';
import { SARIF_MAX_RESULTS, formatSarif } from './sarif.js';

// The parts of SARIF 2.1.0 (OASIS standard, sarif-schema-2.1.0) that every consumer and
// GitHub code scanning rely on, written down as a schema: required properties, enums and
// value constraints for log, run, tool component, reporting descriptor, result, location,
// artifact location and region.
const region = {
  type: 'object',
  properties: {
    startLine: { type: 'integer', minimum: 1 },
    startColumn: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
  },
  required: ['startLine'],
};
const message = { type: 'object', properties: { text: { type: 'string', minLength: 1 } }, required: ['text'] };
const essentialSarif = {
  type: 'object',
  required: ['version', '$schema', 'runs'],
  properties: {
    version: { const: '2.1.0' },
    $schema: { type: 'string', pattern: '^https://' },
    runs: {
      type: 'array', minItems: 1, maxItems: 20,
      items: {
        type: 'object',
        required: ['tool', 'results'],
        properties: {
          columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
          tool: {
            type: 'object', required: ['driver'],
            properties: {
              driver: {
                type: 'object', required: ['name'],
                properties: {
                  name: { type: 'string', minLength: 1 },
                  version: { type: 'string' },
                  informationUri: { type: 'string', pattern: '^[a-z][a-z0-9+.-]*:' },
                  rules: {
                    type: 'array',
                    items: {
                      type: 'object', required: ['id'],
                      properties: {
                        id: { type: 'string', minLength: 1 },
                        shortDescription: message,
                        helpUri: { type: 'string', pattern: '^[a-z][a-z0-9+.-]*:' },
                        help: message,
                        defaultConfiguration: { type: 'object', properties: { level: { enum: ['none', 'note', 'warning', 'error'] } } },
                        properties: { type: 'object', properties: { tags: { type: 'array', maxItems: 20, items: { type: 'string' }, uniqueItems: true } } },
                      },
                    },
                  },
                },
              },
            },
          },
          results: {
            type: 'array', maxItems: 25000,
            items: {
              type: 'object', required: ['message'],
              properties: {
                ruleId: { type: 'string' },
                ruleIndex: { type: 'integer', minimum: 0 },
                level: { enum: ['none', 'note', 'warning', 'error'] },
                message,
                locations: {
                  type: 'array', maxItems: 1000,
                  items: {
                    type: 'object',
                    properties: {
                      physicalLocation: {
                        type: 'object', required: ['artifactLocation'],
                        properties: {
                          artifactLocation: {
                            type: 'object', required: ['uri'],
                            // A URI reference: no backslashes, no spaces, no Windows drive root.
                            properties: { uri: { type: 'string', pattern: '^[^\\\\ ]+$' }, uriBaseId: { type: 'string' } },
                          },
                          region,
                        },
                      },
                      logicalLocations: { type: 'array', items: { type: 'object' } },
                    },
                  },
                },
                partialFingerprints: { type: 'object', additionalProperties: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  },
};

const validate = new Ajv({ allErrors: true, strict: false }).compile(essentialSarif);

const ctx: FormatContext = { toolVersion: '0.1.0', color: false, cwd: '/repo', source: () => undefined };

function run(diags: Diagnostic[], c: FormatContext = ctx) {
  const text = formatSarif(diags, c);
  return { text, log: JSON.parse(text) };
}

const someRule = allRules()[0];
const positioned: Diagnostic = {
  ruleId: someRule.id, severity: 'error', message: 'image must be set', hint: 'set spec.containers[0].image',
  origin: { file: '/repo/apps/my cart.yaml', doc: 0 }, path: ['spec', 'containers', 0, 'image'], subject: 'CloneSet shop/cart',
  file: '/repo/apps/my cart.yaml', line: 7, col: 9, endLine: 7, endCol: 14,
};

describe('sarif format', () => {
  it('meets the essential SARIF 2.1.0 requirements', () => {
    const { log } = run([
      positioned,
      { ruleId: someRule.id, severity: 'warning', message: 'no position', origin: { file: 'apps/b.yaml', doc: 1 } },
      { ruleId: someRule.id, severity: 'info', message: 'no file at all' },
      { ruleId: 'not-in-catalogue', severity: 'error', message: 'odd' },
    ]);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
  });

  it('describes the tool and every catalogue rule, sorted by id', () => {
    const { log } = run([]);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('kruisec');
    expect(driver.version).toBe('0.1.0');
    expect(driver.semanticVersion).toBe('0.1.0');
    const ids = allRules().map((r) => r.id).sort();
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(ids);
    const r = driver.rules.find((x: { id: string }) => x.id === someRule.id);
    expect(r.shortDescription.text).toBe(someRule.description);
    expect(r.defaultConfiguration.level).toBe(someRule.severity === 'info' ? 'note' : someRule.severity);
    expect(r.helpUri).toBeUndefined();
    expect(r.help.text).toMatch(/docs\/rules\/[a-z-]+\.md#/);
    for (const rule of driver.rules) expect(rule.help.text).not.toMatch(/\.\. See/);
    expect(log.runs[0].results).toEqual([]);
    expect(validate(log)).toBe(true);
  });

  it('links rule docs when a docs base URL is known', () => {
    const { log } = run([], { ...ctx, docsBaseUrl: 'https://example.org/kruisec/docs/rules', informationUri: 'https://example.org/kruisec' });
    const driver = log.runs[0].tool.driver;
    expect(driver.informationUri).toBe('https://example.org/kruisec');
    expect(driver.rules[0].helpUri).toMatch(/^https:\/\/example\.org\/kruisec\/docs\/rules\/[a-z-]+\.md#[a-z0-9-]+$/);
    expect(validate(log)).toBe(true);
  });

  it('gives results repo-relative, encoded locations with regions', () => {
    const { log } = run([positioned]);
    const res = log.runs[0].results[0];
    expect(res.ruleId).toBe(someRule.id);
    expect(log.runs[0].tool.driver.rules[res.ruleIndex].id).toBe(someRule.id);
    expect(res.level).toBe('error');
    expect(res.message.text).toBe('image must be set\nHelp: set spec.containers[0].image');
    expect(res.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'apps/my%20cart.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 7, startColumn: 9, endLine: 7, endColumn: 14 },
    });
    expect(res.properties).toEqual({ fieldPath: '/spec/containers/0/image', subject: 'CloneSet shop/cart' });
    expect(Object.keys(res.partialFingerprints)).toEqual(['kruisecFinding/v1']);
  });

  it('keeps results without positions or files valid', () => {
    const { log } = run([
      { ruleId: someRule.id, severity: 'warning', message: 'no position', origin: { file: 'apps/b.yaml', doc: 1 } },
      { ruleId: someRule.id, severity: 'info', message: 'nowhere' },
      { ruleId: someRule.id, severity: 'error', message: 'outside', file: '/elsewhere/x.yaml', line: 2 },
      { ruleId: someRule.id, severity: 'error', message: 'above', file: '../up/y.yaml', line: 2 },
    ]);
    const byText = (t: string) => log.runs[0].results.find((r: { message: { text: string } }) => r.message.text === t);
    expect(byText('above').locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///up/y.yaml' });
    const [nowhere, outside, noPos] = ['nowhere', 'outside', 'no position'].map(byText);
    expect(nowhere.locations).toBeUndefined();
    expect(nowhere.level).toBe('note');
    expect(outside.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/x.yaml' });
    expect(noPos.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'apps/b.yaml', uriBaseId: '%SRCROOT%' } });
    expect(validate(log)).toBe(true);
  });

  it('drops columns it cannot express and never lets endColumn precede startColumn on one line', () => {
    const { log } = run([{ ...positioned, endCol: 3 }, { ...positioned, line: 8, col: undefined, endLine: undefined, endCol: undefined }]);
    expect(log.runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 7, startColumn: 9, endLine: 7 });
    expect(log.runs[0].results[1].locations[0].physicalLocation.region).toEqual({ startLine: 8 });
  });

  it('keeps the 25,000 most severe results and says how many were left out', () => {
    const diags: Diagnostic[] = [];
    for (let i = 0; i < SARIF_MAX_RESULTS; i++) diags.push({ ruleId: someRule.id, severity: 'warning', message: 'w', file: 'a.yaml', line: i + 1 });
    diags.push({ ruleId: someRule.id, severity: 'error', message: 'e', file: 'z.yaml', line: 1 });
    diags.push({ ruleId: someRule.id, severity: 'info', message: 'i', file: 'a.yaml', line: 1 });
    const { log } = run(diags);
    const results = log.runs[0].results;
    expect(results).toHaveLength(SARIF_MAX_RESULTS);
    expect(results.at(-1).message.text).toBe('e');
    expect(results.some((r: { level: string }) => r.level === 'note')).toBe(false);
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^2 less severe results left out/);
    expect(validate(log)).toBe(true);
    expect(run([positioned]).log.runs[0].invocations).toBeUndefined();
  });

  it('is deterministic: same bytes whatever the add order, fingerprints stable across line moves', () => {
    const other: Diagnostic = { ...positioned, file: '/repo/apps/a.yaml', origin: { file: '/repo/apps/a.yaml', doc: 0 } };
    expect(run([positioned, other]).text).toBe(run([other, positioned]).text);
    const moved = run([{ ...positioned, line: 40, endLine: 40 }]).log.runs[0].results[0].partialFingerprints;
    expect(moved).toEqual(run([positioned]).log.runs[0].results[0].partialFingerprints);
    // Two findings with the same key stay distinct.
    const twice = run([positioned, { ...positioned, line: 8, endLine: 8 }]).log.runs[0].results;
    expect(twice[0].partialFingerprints['kruisecFinding/v1']).not.toBe(twice[1].partialFingerprints['kruisecFinding/v1']);
    expect(run([positioned]).text).not.toMatch(/"(startTimeUtc|endTimeUtc|timeUtc)"/);
  });
});
