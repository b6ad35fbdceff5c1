// The rule catalogue is a registry: every rule id is unique, kebab-case, and documented as a
// heading in docs/rules/<area>.md for the area that defines it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS, allRules } from '../src/report/catalogue/index.js';

const ROOT = join(import.meta.dirname, '..');

describe('rule catalogue', () => {
  it('has unique kebab-case ids', () => {
    const ids = allRules().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('documents every rule under docs/rules/<area>.md', () => {
    for (const [area, rules] of Object.entries(AREAS)) {
      const doc = readFileSync(join(ROOT, 'docs/rules', `${area}.md`), 'utf8');
      const headings = new Set([...doc.matchAll(/^## ([a-z0-9-]+)\s*$/gm)].map((m) => m[1]));
      for (const rule of Object.values(rules)) expect(headings.has(rule.id), `${rule.id} in docs/rules/${area}.md`).toBe(true);
    }
  });

  it('registers every catalogue file', () => {
    const files = readdirSync(join(ROOT, 'src/report/catalogue'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !['index.ts', 'rule.ts'].includes(f))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(Object.keys(AREAS).sort());
  });

  it('gives every rule a description and a message', () => {
    for (const r of allRules()) {
      expect(r.description.length).toBeGreaterThan(10);
      expect(['error', 'warning', 'info']).toContain(r.severity);
    }
  });
});
