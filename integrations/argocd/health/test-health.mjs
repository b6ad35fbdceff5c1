#!/usr/bin/env node
// Runs the health checks in argocd-cm-health.yaml with lua5.1 (Argo CD uses gopher-lua, a Lua
// 5.1) against sample objects and checks status and message. Skips with exit 0 when no
// lua5.1/lua is installed.
//
//   node integrations/argocd/health/test-health.mjs
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const here = dirname(fileURLToPath(import.meta.url));
const cm = yaml.load(readFileSync(join(here, 'argocd-cm-health.yaml'), 'utf8'));
const script = (kind) => cm.data[`resource.customizations.health.apps.kruise.io_${kind}`];

const lua = ['lua5.1', 'lua'].find((bin) => spawnSync(bin, ['-v']).status === 0);
if (!lua) {
  process.stdout.write('test-health: no lua5.1 on PATH, skipped\n');
  process.exit(0);
}

function toLua(v) {
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `{${v.map(toLua).join(', ')}}`;
  return `{${Object.entries(v).map(([k, x]) => `[${JSON.stringify(k)}] = ${toLua(x)}`).join(', ')}}`;
}

function health(kind, obj) {
  const program = `obj = ${toLua(obj)}\nlocal function check()\n${script(kind)}\nend\nlocal hs = check()\nio.write(hs.status .. "\\t" .. (hs.message or ""))\n`;
  const r = spawnSync(lua, ['-'], { input: program });
  if (r.status !== 0) throw new Error(`${kind}: lua failed: ${r.stderr}`);
  const [status, message] = r.stdout.toString().split('\t');
  return { status, message };
}

const meta = (generation = 2) => ({ name: 'x', generation });
const cases = [
  // SidecarSet
  ['SidecarSet', 'not observed yet', { metadata: meta(3), spec: {}, status: { observedGeneration: 2, matchedPods: 4 } }, 'Progressing'],
  ['SidecarSet', 'no pods', { metadata: meta(), spec: {}, status: { observedGeneration: 2, matchedPods: 0 } }, 'Healthy'],
  ['SidecarSet', 'rolling', { metadata: meta(), spec: { updateStrategy: { maxUnavailable: '10%' } }, status: { observedGeneration: 2, matchedPods: 10, updatedPods: 4, updatedReadyPods: 3 } }, 'Progressing', '4 of 10'],
  ['SidecarSet', 'done', { metadata: meta(), spec: {}, status: { observedGeneration: 2, matchedPods: 10, updatedPods: 10, updatedReadyPods: 10 } }, 'Healthy'],
  ['SidecarSet', 'paused', { metadata: meta(), spec: { updateStrategy: { paused: true } }, status: { observedGeneration: 2, matchedPods: 10, updatedPods: 2, updatedReadyPods: 2 } }, 'Suspended'],
  ['SidecarSet', 'int partition reached', { metadata: meta(), spec: { updateStrategy: { partition: 8 } }, status: { observedGeneration: 2, matchedPods: 10, updatedPods: 2, updatedReadyPods: 2 } }, 'Suspended', 'holds 8 of 10'],
  // "75%" of 10 rounds up to 8 held back, so 2 updated pods complete the stage (spec §2.4).
  ['SidecarSet', 'percent partition reached', { metadata: meta(), spec: { updateStrategy: { partition: '75%' } }, status: { observedGeneration: 2, matchedPods: 10, updatedPods: 2, updatedReadyPods: 2 } }, 'Suspended'],
  ['SidecarSet', 'percent partition not reached', { metadata: meta(), spec: { updateStrategy: { partition: '75%' } }, status: { observedGeneration: 2, matchedPods: 10, updatedPods: 1, updatedReadyPods: 1 } }, 'Progressing'],
  // "99%" of 5 would be 5, which Kruise lowers to 4: one pod is updated.
  ['SidecarSet', '99% never holds every pod', { metadata: meta(), spec: { updateStrategy: { partition: '99%' } }, status: { observedGeneration: 2, matchedPods: 5, updatedPods: 1, updatedReadyPods: 1 } }, 'Suspended'],
  ['SidecarSet', 'NotUpdate', { metadata: meta(), spec: { updateStrategy: { type: 'NotUpdate' } }, status: { observedGeneration: 2, matchedPods: 10, updatedPods: 3 } }, 'Healthy', 'NotUpdate'],
  // UnitedDeployment
  ['UnitedDeployment', 'no status', { metadata: meta(1), spec: { replicas: 10 } }, 'Progressing'],
  ['UnitedDeployment', 'subset failure', { metadata: meta(), spec: { replicas: 10 }, status: { observedGeneration: 2, conditions: [{ type: 'SubsetFailure', status: 'True', message: 'quota exceeded' }] } }, 'Degraded', 'quota exceeded'],
  ['UnitedDeployment', 'v1beta1 partition held', { metadata: meta(), spec: { replicas: 10, updateStrategy: { type: 'Manual', manualUpdate: { partitions: { 'zone-c': 3 } } } }, status: { observedGeneration: 2, replicas: 10, readyReplicas: 10, updatedReplicas: 7, updatedReadyReplicas: 7, subsetStatuses: [{ name: 'zone-a', replicas: 4 }, { name: 'zone-b', replicas: 3 }, { name: 'zone-c', replicas: 3 }] } }, 'Suspended', 'hold 3 of 10'],
  ['UnitedDeployment', 'v1alpha1 partition clamped to subset', { metadata: meta(), spec: { replicas: 10, updateStrategy: { manualUpdate: { partitions: { 'zone-c': 9 } } } }, status: { observedGeneration: 2, replicas: 10, readyReplicas: 10, updatedReplicas: 7, updatedReadyReplicas: 7, subsetReplicas: { 'zone-a': 4, 'zone-b': 3, 'zone-c': 3 } } }, 'Suspended'],
  ['UnitedDeployment', 'rolling', { metadata: meta(), spec: { replicas: 10 }, status: { observedGeneration: 2, replicas: 10, readyReplicas: 9, updatedReplicas: 5, updatedReadyReplicas: 4 } }, 'Progressing', '5 of 10'],
  ['UnitedDeployment', 'done', { metadata: meta(), spec: { replicas: 10 }, status: { observedGeneration: 2, replicas: 10, readyReplicas: 10, updatedReplicas: 10, updatedReadyReplicas: 10 } }, 'Healthy'],
  // CloneSet, both layouts
  ['CloneSet', 'v1beta1 done (built-in check says Suspended)', { apiVersion: 'apps.kruise.io/v1beta1', metadata: meta(5), spec: { replicas: 6, updateStrategy: { rollingUpdate: { podUpdatePolicy: 'InPlaceIfPossible' } } }, status: { observedGeneration: 5, updatedReplicas: 6, updatedReadyReplicas: 6, updatedAvailableReplicas: 6, expectedUpdatedReplicas: 6 } }, 'Healthy'],
  ['CloneSet', 'v1alpha1 partition reached', { metadata: meta(), spec: { replicas: 6, updateStrategy: { type: 'InPlaceIfPossible', partition: 2 } }, status: { observedGeneration: 2, updatedReplicas: 4, updatedReadyReplicas: 4, updatedAvailableReplicas: 4, expectedUpdatedReplicas: 4 } }, 'Suspended', 'holds 2 of 6'],
  ['CloneSet', 'v1beta1 percent partition reached', { metadata: meta(), spec: { replicas: 10, updateStrategy: { rollingUpdate: { partition: '25%' } } }, status: { observedGeneration: 2, updatedReplicas: 7, updatedReadyReplicas: 7 } }, 'Suspended'],
  ['CloneSet', 'v1beta1 paused', { metadata: meta(), spec: { replicas: 3, updateStrategy: { rollingUpdate: { paused: true } } }, status: { observedGeneration: 2 } }, 'Suspended'],
  ['CloneSet', 'rolling', { metadata: meta(), spec: { replicas: 6 }, status: { observedGeneration: 2, updatedReplicas: 2, updatedReadyReplicas: 1 } }, 'Progressing', '2 of 6'],
  ['CloneSet', 'updated, not yet available', { metadata: meta(), spec: { replicas: 6 }, status: { observedGeneration: 2, updatedReplicas: 6, updatedReadyReplicas: 6, updatedAvailableReplicas: 5 } }, 'Progressing', 'available'],
];

let failed = 0;
for (const [kind, name, obj, status, contains] of cases) {
  const got = health(kind, obj);
  const ok = got.status === status && (!contains || got.message.includes(contains));
  if (!ok) failed++;
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${kind}: ${name}: ${got.status} "${got.message}"${ok ? '' : ` (want ${status}${contains ? ` containing "${contains}"` : ''})`}\n`);
}
process.stdout.write(`${cases.length - failed}/${cases.length} passed\n`);
process.exit(failed ? 1 : 0);
