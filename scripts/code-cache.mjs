#!/usr/bin/env node
// Writes dist/validators.v8cache: V8's compiled code for schemas/validators.cjs after the
// validators have run over every manifest under fixtures/, so that a run starts with the
// validators it is likely to need already compiled (src/validate/schema/code-cache.ts says
// why and how a stale cache is refused). Part of `npm run build`, after tsc.
import yaml from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCodeCache } from '../dist/validate/schema/code-cache.js';
import { exportName, packageRoot, VALIDATORS, VALIDATORS_CODE_CACHE } from '../dist/validate/schema/validators.js';

const root = packageRoot();
const docs = [];
for (const entry of readdirSync(join(root, 'fixtures'), { recursive: true })) {
  if (!/\.ya?ml$/.test(entry)) continue;
  try {
    for (const doc of yaml.loadAll(readFileSync(join(root, 'fixtures', entry), 'utf8'))) {
      if (doc && typeof doc.apiVersion === 'string' && typeof doc.kind === 'string') docs.push(doc);
    }
  } catch {
    // fixtures that are broken on purpose teach the cache nothing
  }
}
writeCodeCache(join(root, VALIDATORS), join(root, VALIDATORS_CODE_CACHE), (validators) => {
  for (const doc of docs) validators[exportName(doc)]?.(doc);
});
