#!/usr/bin/env node
// Writes a synthetic GitOps repository for benchmarks and scale tests:
//
//   node scripts/gen-repo.mjs --workloads 10000 --out .bench/repo-10k [--seed kruisec]
//
// The repo looks like a large platform monorepo: kruisec.yaml at the root, namespaces/,
// sidecarsets/ and apps/<namespace>/<group>.yaml files of about ten workloads each
// (multi-document YAML). Workloads are a mix of CloneSets (v1alpha1 and v1beta1), Advanced
// StatefulSets, Deployments, StatefulSets, Pods and, one in fifty, UnitedDeployments, with
// pod templates of about 1 KB. Everything it writes is meant to pass Kruise admission.
//
// Deterministic: a seeded PRNG (no Math.random), no clock, no environment, fixed iteration
// order. The same arguments give byte-identical output on every machine.

import { mkdirSync, writeFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import yaml from 'js-yaml';

const MARKER = '.gen-repo.json';

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const opts = { workloads: 1000, out: '', seed: 'kruisec' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--workloads' || a === '-n') opts.workloads = Number(next());
    else if (a === '--out' || a === '-o') opts.out = next();
    else if (a === '--seed') opts.seed = next();
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  if (!Number.isInteger(opts.workloads) || opts.workloads < 1) usage('--workloads must be a positive integer');
  if (!opts.out) usage('--out is required');
  return opts;
}

function usage(error) {
  const text = 'usage: node scripts/gen-repo.mjs --workloads N --out DIR [--seed S]\n';
  if (error) {
    process.stderr.write(`gen-repo: ${error}\n${text}`);
    process.exit(2);
  }
  process.stdout.write(text);
  process.exit(0);
}

// ---------------------------------------------------------------- PRNG

/** FNV-1a of a string: the seed for the PRNG. */
function hashSeed(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: small, fast, good enough for test data, identical on every platform. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------- vocabulary

const TEAMS = ['storefront', 'payments', 'catalog', 'search', 'identity', 'logistics', 'pricing', 'ads', 'growth', 'data'];
const NOUNS = ['cart', 'checkout', 'ledger', 'invoice', 'profile', 'session', 'inventory', 'shipping', 'quote', 'review',
  'recommend', 'notify', 'billing', 'refund', 'wallet', 'coupon', 'feed', 'media', 'report', 'audit', 'gateway', 'rank'];
const ROLES = ['api', 'worker', 'web', 'consumer', 'indexer', 'scheduler', 'cache', 'proxy', 'sync', 'exporter'];
/** Roles that listen: they get a port, HTTP probes and sometimes a Service. */
const SERVING = new Set(['api', 'web', 'cache', 'proxy', 'exporter']);
const TZS = ['UTC', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Asia/Singapore', 'Asia/Tokyo'];
const ENVS = ['prod', 'staging'];
const ZONES = ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'];
const CPU_REQ = ['50m', '100m', '200m', '250m', '500m', '1'];
const MEM_REQ = ['64Mi', '128Mi', '256Mi', '512Mi', '1Gi'];

// ---------------------------------------------------------------- object builders

function labelsFor(app) {
  return { app: app.name, team: app.team, version: app.version };
}

function selectorLabels(app) {
  return { app: app.name };
}

// About 1 KB of YAML per workload on average: every template has the app container with TZ
// (the logging SidecarSet's transferEnv source), resources and the log volume; serving roles
// also have a port and usually HTTP probes; the rest (security context, scrape annotations,
// more env) varies.
function podTemplate(r, app, { readinessGate = false, pvc = false } = {}) {
  const podLabels = { app: app.name, role: app.role };
  if (app.collectLogs) podLabels['logging.example.com/collect'] = 'true';
  if (app.tier) podLabels['tier'] = app.tier;
  if (app.meshOptOut) podLabels['mesh.example.com/inject'] = 'false';
  const mem = r.pick(MEM_REQ);
  const container = {
    name: 'app',
    image: `registry.example.com/${app.team}/${app.base}:${app.version}`,
    ...(app.serves ? { ports: [{ name: 'http', containerPort: r.pick([8080, 8443, 9090, 3000]) }] } : {}),
    env: [{ name: 'TZ', value: r.pick(TZS) }],
    resources: { requests: { cpu: r.pick(CPU_REQ), memory: mem } },
  };
  if (r.chance(0.5)) container.resources.limits = { memory: mem };
  if (app.serves && r.chance(0.7)) container.readinessProbe = { httpGet: { path: '/ready', port: 'http' } };
  if (r.chance(0.2)) container.env.push({ name: 'LOG_LEVEL', value: r.pick(['info', 'warn', 'debug']) });
  if (r.chance(0.15)) container.env.push({ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } });
  if (app.serves && r.chance(0.3)) container.livenessProbe = { httpGet: { path: '/live', port: 'http' }, initialDelaySeconds: r.int(5, 30) };
  if (r.chance(0.15)) container.securityContext = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true };
  container.volumeMounts = [{ name: 'app-logs', mountPath: '/var/log/app' }];
  if (pvc) container.volumeMounts.unshift({ name: 'data', mountPath: `/var/lib/${app.base}` });
  const spec = {};
  if (readinessGate) spec.readinessGates = [{ conditionType: 'InPlaceUpdateReady' }];
  if (r.chance(0.15)) spec.securityContext = { runAsNonRoot: true, runAsUser: 10001 };
  spec.containers = [container];
  spec.volumes = [{ name: 'app-logs', emptyDir: {} }];
  const metadata = { labels: podLabels };
  if (r.chance(0.15)) metadata.annotations = { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9102' };
  return { metadata, spec };
}

function meta(app, extra = {}) {
  const labels = labelsFor(app);
  if (!app.versionLabel) delete labels.version;
  return { name: app.name, namespace: app.ns, labels, ...extra };
}

function cloneSetV1alpha1(r, app) {
  return {
    apiVersion: 'apps.kruise.io/v1alpha1',
    kind: 'CloneSet',
    metadata: meta(app),
    spec: {
      replicas: app.replicas,
      selector: { matchLabels: selectorLabels(app) },
      template: podTemplate(r, app),
      updateStrategy: {
        type: r.pick(['InPlaceIfPossible', 'InPlaceIfPossible', 'ReCreate']),
        ...(r.chance(0.5) ? { partition: r.pick([1, 2, '20%']) } : {}),
        maxUnavailable: r.pick([1, '20%']),
        ...(r.chance(0.3) ? { maxSurge: 1 } : {}),
      },
    },
  };
}

function cloneSetV1beta1(r, app) {
  return {
    apiVersion: 'apps.kruise.io/v1beta1',
    kind: 'CloneSet',
    metadata: meta(app),
    spec: {
      replicas: app.replicas,
      selector: { matchLabels: selectorLabels(app) },
      template: podTemplate(r, app),
      updateStrategy: {
        type: 'RollingUpdate',
        rollingUpdate: {
          podUpdatePolicy: r.pick(['InPlaceIfPossible', 'ReCreate']),
          ...(r.chance(0.5) ? { partition: r.pick([1, 2, '25%']) } : {}),
          maxUnavailable: r.pick([1, '20%']),
          ...(r.chance(0.3) ? { maxSurge: 1 } : {}),
        },
      },
    },
  };
}

function volumeClaim(size) {
  return {
    metadata: { name: 'data' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } } },
  };
}

function advancedStatefulSet(r, app) {
  const inPlace = r.chance(0.7);
  const rollingUpdate = { partition: 0, maxUnavailable: 1 };
  if (inPlace) {
    rollingUpdate.podUpdatePolicy = 'InPlaceIfPossible';
    rollingUpdate.inPlaceUpdateStrategy = { gracePeriodSeconds: 10 };
  }
  return {
    apiVersion: 'apps.kruise.io/v1beta1',
    kind: 'StatefulSet',
    metadata: meta(app),
    spec: {
      replicas: app.replicas,
      serviceName: `${app.name}-headless`,
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: selectorLabels(app) },
      template: podTemplate(r, app, { readinessGate: inPlace, pvc: true }),
      updateStrategy: { type: 'RollingUpdate', rollingUpdate },
      volumeClaimTemplates: [volumeClaim(r.pick(['10Gi', '20Gi', '50Gi']))],
    },
  };
}

function statefulSet(r, app) {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta(app),
    spec: {
      replicas: app.replicas,
      serviceName: `${app.name}-headless`,
      selector: { matchLabels: selectorLabels(app) },
      template: podTemplate(r, app, { pvc: true }),
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      volumeClaimTemplates: [volumeClaim(r.pick(['5Gi', '10Gi', '20Gi']))],
    },
  };
}

function deployment(r, app) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(app),
    spec: {
      replicas: app.replicas,
      selector: { matchLabels: selectorLabels(app) },
      ...(r.chance(0.3) ? { strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } } } : {}),
      template: podTemplate(r, app),
    },
  };
}

function pod(r, app) {
  const tpl = podTemplate(r, app);
  tpl.spec.restartPolicy = 'Never';
  delete tpl.spec.containers[0].livenessProbe;
  delete tpl.spec.containers[0].readinessProbe;
  delete tpl.spec.containers[0].ports;
  tpl.spec.containers[0].args = ['--once', `--target=${app.team}`];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: tpl.metadata.annotations ? { ...meta(app), annotations: tpl.metadata.annotations } : meta(app),
    spec: tpl.spec,
  };
}

function unitedDeployment(r, app) {
  const flavour = r.pick(['cloneSet', 'cloneSet', 'cloneSet', 'advancedStatefulSet', 'statefulSet', 'deployment']);
  const sel = selectorLabels(app);
  const tplMeta = { labels: labelsFor(app) };
  let template;
  if (flavour === 'cloneSet') {
    // No updateStrategy: the cloneSetTemplate shape differs between Kruise 1.x (v1alpha1)
    // and master (v1beta1); selector and template mean the same in both.
    template = { cloneSetTemplate: { metadata: tplMeta, spec: { selector: { matchLabels: sel }, template: podTemplate(r, app) } } };
  } else if (flavour === 'advancedStatefulSet') {
    template = {
      advancedStatefulSetTemplate: {
        metadata: tplMeta,
        spec: {
          selector: { matchLabels: sel },
          serviceName: `${app.name}-headless`,
          podManagementPolicy: 'Parallel',
          template: podTemplate(r, app, { readinessGate: true }),
          updateStrategy: { type: 'RollingUpdate', rollingUpdate: { podUpdatePolicy: 'InPlaceIfPossible', maxUnavailable: 1 } },
        },
      },
    };
  } else if (flavour === 'statefulSet') {
    template = {
      statefulSetTemplate: {
        metadata: tplMeta,
        spec: { selector: { matchLabels: sel }, serviceName: `${app.name}-headless`, template: podTemplate(r, app) },
      },
    };
  } else {
    template = {
      deploymentTemplate: {
        metadata: tplMeta,
        spec: { selector: { matchLabels: sel }, template: podTemplate(r, app) },
      },
    };
  }
  const total = r.int(6, 15);
  const pinned = r.int(0, 2); // which zone is pinned
  const subsets = ZONES.map((zone, i) => {
    const s = {
      name: `zone-${'abc'[i]}`,
      nodeSelectorTerm: { matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: [zone] }] },
    };
    if (i === pinned) s.replicas = r.pick([2, 3, '40%']);
    return s;
  });
  const updateStrategy = { type: 'Manual' };
  if (r.chance(0.5)) updateStrategy.manualUpdate = { partitions: { [subsets[2].name]: r.int(0, 3) } };
  return {
    apiVersion: 'apps.kruise.io/v1alpha1',
    kind: 'UnitedDeployment',
    metadata: meta(app),
    spec: {
      replicas: total,
      revisionHistoryLimit: 10,
      selector: { matchLabels: sel },
      template,
      topology: { subsets },
      updateStrategy,
    },
  };
}

function service(app, headless) {
  const spec = {};
  if (headless) spec.clusterIP = 'None';
  spec.selector = selectorLabels(app);
  spec.ports = [{ name: 'http', port: 80, targetPort: 'http' }];
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: headless ? `${app.name}-headless` : app.name, namespace: app.ns, labels: selectorLabels(app) },
    spec,
  };
}

// ---------------------------------------------------------------- cluster-wide objects

function sidecarSets() {
  const restricted = { runAsNonRoot: true, runAsUser: 10002, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };
  const platform = (name, partOf) => ({ 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': partOf, 'app.kubernetes.io/managed-by': 'platform-team' });
  return [
    ['logging.yaml', {
      apiVersion: 'apps.kruise.io/v1alpha1',
      kind: 'SidecarSet',
      metadata: { name: 'logging', labels: platform('logtail', 'platform-observability') },
      spec: {
        selector: { matchLabels: { 'logging.example.com/collect': 'true' } },
        updateStrategy: { type: 'RollingUpdate', maxUnavailable: '10%' },
        containers: [{
          name: 'logtail',
          image: 'docker.io/fluent/fluent-bit:3.1.9',
          podInjectPolicy: 'AfterAppContainer',
          env: [{ name: 'LOG_PATH', value: '/var/log/app/*.log' }],
          transferEnv: [{ sourceContainerName: 'app', envName: 'TZ' }],
          shareVolumePolicy: { type: 'enabled' },
          resources: { requests: { cpu: '20m', memory: '32Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
          securityContext: restricted,
          volumeMounts: [
            { name: 'app-logs', mountPath: '/var/log/app', readOnly: true },
            { name: 'logtail-state', mountPath: '/var/lib/logtail' },
          ],
        }],
        volumes: [{ name: 'app-logs', emptyDir: {} }, { name: 'logtail-state', emptyDir: {} }],
      },
    }],
    ['mesh-proxy.yaml', {
      apiVersion: 'apps.kruise.io/v1alpha1',
      kind: 'SidecarSet',
      metadata: { name: 'mesh-proxy', labels: platform('mesh-proxy', 'platform-mesh') },
      spec: {
        namespaceSelector: { matchLabels: { 'mesh.example.com/injection': 'enabled' } },
        selector: { matchExpressions: [{ key: 'mesh.example.com/inject', operator: 'NotIn', values: ['false'] }] },
        updateStrategy: { type: 'RollingUpdate', maxUnavailable: 1 },
        containers: [{
          name: 'mesh-proxy',
          image: 'docker.io/envoyproxy/envoy:v1.31.2',
          podInjectPolicy: 'BeforeAppContainer',
          args: ['--config-path', '/etc/envoy/envoy.yaml'],
          ports: [{ name: 'mesh-admin', containerPort: 9901 }],
          readinessProbe: { httpGet: { path: '/ready', port: 'mesh-admin' }, periodSeconds: 5 },
          resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
          securityContext: { ...restricted, runAsUser: 1337 },
          volumeMounts: [{ name: 'mesh-proxy-bootstrap', mountPath: '/etc/envoy', readOnly: true }],
        }],
        volumes: [{ name: 'mesh-proxy-bootstrap', configMap: { name: 'mesh-proxy-bootstrap' } }],
      },
    }],
    ['metrics-exporter.yaml', {
      apiVersion: 'apps.kruise.io/v1beta1',
      kind: 'SidecarSet',
      metadata: { name: 'metrics-exporter', labels: platform('metrics-exporter', 'platform-observability') },
      spec: {
        selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend', 'data'] }] },
        updateStrategy: { type: 'RollingUpdate', maxUnavailable: '20%' },
        containers: [{
          name: 'metrics-exporter',
          image: 'quay.io/prometheus/statsd-exporter:v0.27.1',
          podInjectPolicy: 'AfterAppContainer',
          ports: [{ name: 'statsd-metrics', containerPort: 9125 }],
          resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '64Mi' } },
          securityContext: restricted,
        }],
      },
    }],
    ['config-reloader.yaml', {
      apiVersion: 'apps.kruise.io/v1alpha1',
      kind: 'SidecarSet',
      metadata: { name: 'config-reloader', labels: platform('config-reloader', 'platform-config') },
      spec: {
        namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['staging'] }] },
        selector: { matchLabels: { role: 'api' } },
        updateStrategy: { type: 'RollingUpdate', maxUnavailable: '25%' },
        containers: [{
          name: 'config-reloader',
          image: 'ghcr.io/jimmidyson/configmap-reload:v0.14.0',
          podInjectPolicy: 'AfterAppContainer',
          args: ['--volume-dir=/etc/reloader', '--webhook-url=http://127.0.0.1:8080/-/reload'],
          resources: { requests: { cpu: '5m', memory: '16Mi' }, limits: { memory: '32Mi' } },
          securityContext: restricted,
          volumeMounts: [{ name: 'reloader-config', mountPath: '/etc/reloader', readOnly: true }],
        }],
        volumes: [{ name: 'reloader-config', configMap: { name: 'app-config', optional: true } }],
      },
    }],
  ];
}

// ---------------------------------------------------------------- repo layout

const KINDS = [
  // [builder, weight]
  [cloneSetV1alpha1, 25],
  [cloneSetV1beta1, 15],
  [advancedStatefulSet, 8],
  [deployment, 32],
  [statefulSet, 8],
  [pod, 12],
];
const KIND_TOTAL = KINDS.reduce((n, [, w]) => n + w, 0);

function pickKind(r) {
  let x = r.next() * KIND_TOTAL;
  for (const [builder, w] of KINDS) {
    if ((x -= w) < 0) return builder;
  }
  return KINDS[KINDS.length - 1][0];
}

// kubectl's style: sequences not indented under their key.
const DUMP = { lineWidth: -1, noRefs: true, noArrayIndent: true };

function dumpDocs(docs) {
  return docs.map((d) => yaml.dump(d, DUMP)).join('---\n');
}

export function generate({ workloads, seed }) {
  const r = prng(hashSeed(`${seed}/${workloads}`));
  /** @type {Map<string, string>} path -> content, in insertion order */
  const files = new Map();

  const nsCount = Math.max(3, Math.ceil(workloads / 200));
  const namespaces = [];
  for (let i = 0; i < nsCount; i++) {
    const team = TEAMS[i % TEAMS.length];
    const env = ENVS[Math.floor(i / TEAMS.length) % ENVS.length];
    const name = `${team}-${env}${i >= TEAMS.length * ENVS.length ? `-${Math.floor(i / (TEAMS.length * ENVS.length))}` : ''}`;
    namespaces.push({ name, team, env, mesh: r.chance(0.5) });
  }
  // Two thirds of the namespaces are declared in the repo; the rest come from kruisec.yaml.
  const declared = namespaces.filter((_, i) => i % 3 !== 2);
  const external = namespaces.filter((_, i) => i % 3 === 2);

  const nsLabels = (ns) => ({ team: ns.team, env: ns.env, 'mesh.example.com/injection': ns.mesh ? 'enabled' : 'disabled' });
  files.set('kruisec.yaml', [
    '# Cluster facts kruisec cannot read from git. Generated by scripts/gen-repo.mjs.',
    '# No kruiseVersion: the repo mixes v1alpha1 and v1beta1 CloneSets and SidecarSets, which',
    '# only Kruise master serves together; kruisec\'s default applies.',
    yaml.dump({
      kruiseNamespace: 'kruise-system',
      featureGates: {},
      namespaceLabels: Object.fromEntries(external.map((ns) => [ns.name, nsLabels(ns)])),
    }, { lineWidth: -1 }),
  ].join('\n'));
  for (const ns of declared) {
    files.set(`namespaces/${ns.name}.yaml`, dumpDocs([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns.name, labels: nsLabels(ns) } }]));
  }
  for (const [file, obj] of sidecarSets()) files.set(`sidecarsets/${file}`, dumpDocs([obj]));

  // Workloads: assigned round-robin to namespaces, grouped ~10 per file per namespace.
  const perNs = namespaces.map(() => []);
  for (let i = 0; i < workloads; i++) {
    const ns = namespaces[i % nsCount];
    const base = `${r.pick(NOUNS)}-${r.pick(ROLES)}`;
    const app = {
      ns: ns.name,
      team: ns.team,
      base,
      role: base.split('-')[1],
      serves: SERVING.has(base.split('-')[1]),
      name: `${base}-${i.toString(36).padStart(4, '0')}`,
      version: `${r.int(1, 5)}.${r.int(0, 30)}.${r.int(0, 9)}`,
      replicas: r.int(1, 12),
      collectLogs: r.chance(0.7),
      tier: r.chance(0.3) ? r.pick(['backend', 'data', 'frontend']) : undefined,
      meshOptOut: r.chance(0.05),
      versionLabel: r.chance(0.5),
    };
    const docs = [];
    if (i % 50 === 49) {
      docs.push(unitedDeployment(r, app));
    } else {
      const build = pickKind(r);
      const obj = build(r, app);
      if (build === advancedStatefulSet || build === statefulSet) {
        if (r.chance(0.4)) docs.push(service(app, true));
      }
      else if (build !== pod && app.serves && r.chance(0.2)) docs.push(service(app, false));
      docs.push(obj);
    }
    perNs[i % nsCount].push(docs);
  }
  namespaces.forEach((ns, n) => {
    const list = perNs[n];
    for (let g = 0; g * 10 < list.length; g++) {
      const group = list.slice(g * 10, g * 10 + 10).flat();
      const path = `apps/${ns.name}/group-${String(g).padStart(3, '0')}.yaml`;
      files.set(path, dumpDocs(group));
    }
  });
  return files;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (existsSync(opts.out) && readdirSync(opts.out).length > 0) {
    if (!existsSync(join(opts.out, MARKER))) {
      process.stderr.write(`gen-repo: ${opts.out} is not empty and was not written by gen-repo; refusing to overwrite\n`);
      process.exit(2);
    }
    rmSync(opts.out, { recursive: true, force: true });
  }
  const files = generate(opts);
  let bytes = 0;
  for (const [path, content] of files) {
    const full = join(opts.out, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    bytes += Buffer.byteLength(content);
  }
  writeFileSync(join(opts.out, MARKER), `${JSON.stringify({ workloads: opts.workloads, seed: opts.seed, files: files.size, bytes })}\n`);
  process.stderr.write(`gen-repo: ${opts.workloads} workloads, ${files.size} files, ${(bytes / 1e6).toFixed(2)} MB in ${opts.out}\n`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('gen-repo.mjs')) main();
